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

/// <summary>A row that was not taken in: its place in the batch (from 1), the field, why, and the value seen.</summary>
public sealed record Rejection(int Row, string Column, string Reason, string? Value);

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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var observation in read)
        {
            var current = await db.Observations.FirstOrDefaultAsync(o => o.Source == observation.Source && o.ExternalId == observation.ExternalId && o.IsCurrent, ct);
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
            await PlaceAndJudgeAsync(writer, observation, ct);
            db.Observations.Add(observation);
        }

        var summary = new IntakeSummary(batch.Count, accepted, unchanged, revised, 0, [], Hash(batch));
        audit.Append(writer, "observations.submitted", $"observations/{summary.BatchHash[..16]}", detail: $"batch {summary.BatchHash}: {summary.Read} read, {accepted} new, {revised} revised, {unchanged} unchanged");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(summary);
    }

    /// <summary>Places the observation with the layers valid at its time and judges it against every provision in force then.</summary>
    private async Task PlaceAndJudgeAsync(Principal reader, Observation o, CancellationToken ct)
    {
        var (placer, _) = await placements.AtAsync(reader, o.ObservedFrom, ct);
        var place = placer.Locate(o.Lat, o.Lon);
        (o.Oblast, o.Raion, o.SectorCode, o.Side, o.LineDistanceKm) = (place.Oblast, place.Raion, place.Sector, place.Side, place.LineDistanceKm);
        var footprint = o.Sector is { } s
            ? Footprint.Sector(o.Lat, o.Lon, s.FromBearing, s.ToBearing, s.MinMetres, s.MaxMetres)
            : Footprint.Around(o.Lat, o.Lon, o.RadiusMetres);

        // The agreements in force at either end of the window: one in force for part of it is judged undetermined.
        var inForce = (await agreements.InForceAsync(reader, o.ObservedFrom, ct)).Concat(await agreements.InForceAsync(reader, o.ObservedTo, ct))
            .DistinctBy(a => a.Key).ToList();
        var facts = new Dictionary<(string, int), IReadOnlyList<ZoneFact>>();
        foreach (var agreement in inForce)
        {
            foreach (var provision in agreement.Provisions)
            {
                var drawn = await zones.OfAsync(reader, agreement, provision, ct);
                facts[(agreement.Key, provision.Number)] = drawn.Select(z => new ZoneFact(z.Actor, z.WeaponClass, z.DistanceKm, z.Layer, provision.Baselines.Find(b => b.ActorCode == z.Actor)?.AsOf, Footprint.Against(footprint, z.Area))).ToList();
            }
        }

        var where = place.Oblast is null ? null : $"oblast {place.Oblast}";
        o.Findings = Adjudication.Judge(o, inForce, (a, p) => facts[(a.Key, p.Number)], where, place.LineDistanceKm)
            .Select(f => new ObservationFinding { Agreement = f.Agreement, Provision = f.Provision, Verdict = f.Verdict, Reason = f.Reason }).ToList();
    }

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, TruceJson.Options))));
}
