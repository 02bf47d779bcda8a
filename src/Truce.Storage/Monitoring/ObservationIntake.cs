using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Agreements;
using Truce.Storage.Security;

namespace Truce.Storage.Monitoring;

/// <summary>What became of a batch: how many rows were read, and each row's fate.</summary>
public sealed record IntakeSummary(int Read, int Accepted, int Unchanged, int Revised, int Rejected, IReadOnlyList<Rejection> Rejections, string BatchHash);

/// <summary>
/// Takes observations in: every row checked (<see cref="ObservationRules"/>), and the batch taken whole or not
/// at all — one bad row refuses the batch, with every bad row named, so nothing is half written and a feed can
/// resend the corrected batch as it is. A row already held with the same content is unchanged (re-sending
/// changes nothing); with new content it is a new version. Each new version is placed with the geography in
/// force at its time and judged against the provisions in force (<see cref="Adjudication"/>). One audit entry
/// per batch, with the batch's hash.
/// </summary>
public sealed class ObservationIntake(TruceDb db, TimeProvider clock, AuditTrail audit, Placements placements, ProvisionZones zones, AgreementBook agreements)
{
    /// <summary>The most rows one request may carry; files are sent in batches of this size.</summary>
    public const int MaxBatch = 10_000;

    public async Task<Outcome<IntakeSummary>> SubmitAsync(Principal writer, IReadOnlyList<ObservationInput?> batch, CancellationToken ct = default)
    {
        if (AllowedRoles.SubmitObservations.Check(writer, "submit observations") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        if (batch.Count == 0 || batch.Count > MaxBatch)
        {
            errors.Add("observations", $"From 1 to {MaxBatch.ToString("N0", CultureInfo.InvariantCulture)} observations in one batch; got {batch.Count.ToString("N0", CultureInfo.InvariantCulture)}.");
            return Outcome.Invalid(errors);
        }

        var read = new List<Observation>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var rowErrors = new ValidationErrors();
            var observation = batch[i] is { } input ? ObservationRules.Read(input, rowErrors) : null;
            if (batch[i] is null)
            {
                rowErrors.Add("row", "Must not be null.");
            }

            if (observation is not null && read.Exists(o => o.Source == observation.Source && o.ExternalId == observation.ExternalId))
            {
                rowErrors.Add("externalId", $"'{observation.ExternalId}' is in this batch twice.");
            }

            errors.AddAll(rowErrors, field => $"observations[{i}].{field}");
            if (observation is not null)
            {
                observation.ContentHash = Hash(batch[i]!);
                read.Add(observation);
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        var (accepted, unchanged, revised) = (0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var judging = new Judging(writer, await agreements.TakenEffectAsync(writer, ct));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var currents = await CurrentsAsync(read, ct);
        foreach (var observation in read)
        {
            var current = currents.GetValueOrDefault((observation.Source, observation.ExternalId));
            if (current is not null && current.ContentHash == observation.ContentHash)
            {
                unchanged++;
                continue;
            }

            if (current is not null)
            {
                current.IsCurrent = false;
                observation.Version = current.Version + 1;
                revised++;
            }
            else
            {
                accepted++;
            }

            observation.ReceivedAtUtc = now;
            observation.ReceivedBy = writer.Name;
            await PlaceAndJudgeAsync(judging, observation, ct);
            db.Observations.Add(observation);
        }

        var summary = new IntakeSummary(batch.Count, accepted, unchanged, revised, 0, [], Hash(batch));
        audit.Append(writer, "observations.submitted", $"observations/{summary.BatchHash[..16]}", detail: $"batch {summary.BatchHash}: {summary.Read} read, {accepted} new, {revised} revised, {unchanged} unchanged");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(summary);
    }

    /// <summary>The current version of every report the batch names, read once per source rather than once per row.</summary>
    private async Task<Dictionary<(string, string), Observation>> CurrentsAsync(List<Observation> read, CancellationToken ct)
    {
        var currents = new Dictionary<(string, string), Observation>();
        foreach (var source in read.GroupBy(o => o.Source, StringComparer.Ordinal))
        {
            var ids = source.Select(o => o.ExternalId).ToList();
            foreach (var current in await db.Observations.Where(o => o.IsCurrent && o.Source == source.Key && ids.Contains(o.ExternalId)).ToListAsync(ct))
            {
                currents[(current.Source, current.ExternalId)] = current;
            }
        }

        return currents;
    }

    /// <summary>Places the observation with the layers valid at its time and judges it against every provision in force then.</summary>
    private async Task PlaceAndJudgeAsync(Judging judging, Observation o, CancellationToken ct)
    {
        // The agreements in force at either end of the window: one in force for part of it is judged undetermined.
        var inForce = judging.Agreements.Where(a => a.IsInForceAt(o.ObservedFrom) || a.IsInForceAt(o.ObservedTo)).ToList();
        var atStart = string.Join(',', inForce.Where(a => a.IsInForceAt(o.ObservedFrom)).Select(a => a.Key));
        var placerKey = $"{DateOnly.FromDateTime(o.ObservedFrom.UtcDateTime):yyyy-MM-dd}|{atStart}";
        if (!judging.Placers.TryGetValue(placerKey, out var placer))
        {
            placer = judging.Placers[placerKey] = (await placements.AtAsync(judging.Reader, o.ObservedFrom, ct)).Placer;
        }

        var place = placer.Locate(o.Lat, o.Lon);
        (o.Oblast, o.Raion, o.SectorCode, o.Side, o.LineDistanceKm) = (place.Oblast, place.Raion, place.Sector, place.Side, place.LineDistanceKm);
        var footprint = o.Sector is { } s
            ? Footprint.Sector(o.Lat, o.Lon, s.FromBearing, s.ToBearing, s.MinMetres, s.MaxMetres)
            : Footprint.Around(o.Lat, o.Lon, o.RadiusMetres);

        var facts = new Dictionary<(string, int), IReadOnlyList<ZoneFact>>();
        foreach (var agreement in inForce)
        {
            foreach (var provision in agreement.Provisions)
            {
                if (!judging.Zones.TryGetValue((agreement.Key, provision.Number), out var drawn))
                {
                    drawn = judging.Zones[(agreement.Key, provision.Number)] = await zones.OfAsync(judging.Reader, agreement, provision, ct);
                }

                facts[(agreement.Key, provision.Number)] = drawn.Select(z => new ZoneFact(z.Actor, z.WeaponClass, z.DistanceKm, z.Layer, provision.Baselines.Find(b => b.ActorCode == z.Actor)?.AsOf, Footprint.Against(footprint, z.Area))).ToList();
            }
        }

        var where = place.Oblast is null ? null : $"oblast {place.Oblast}";
        o.Findings = Adjudication.Judge(o, inForce, (a, p) => facts[(a.Key, p.Number)], where, place.LineDistanceKm)
            .Select(f => new ObservationFinding { Agreement = f.Agreement, Provision = f.Provision, Verdict = f.Verdict, Reason = f.Reason }).ToList();
    }

    /// <summary>
    /// What one batch reads once and reuses for every row: the agreements that have taken effect, each
    /// provision's zones, and a placer per day and set of agreements in force — so a batch of ten thousand rows
    /// asks the store a handful of times, not ten thousand.
    /// </summary>
    private sealed class Judging(Principal reader, IReadOnlyList<Agreement> agreements)
    {
        public Principal Reader { get; } = reader;

        public IReadOnlyList<Agreement> Agreements { get; } = agreements;

        public Dictionary<(string, int), IReadOnlyList<Zone>> Zones { get; } = [];

        public Dictionary<string, Placer> Placers { get; } = new(StringComparer.Ordinal);
    }

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, TruceJson.Options))));
}
