using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Agreements;

/// <summary>
/// Every change to an agreement goes through here, for the API, the pages, the CLI and the demo data alike:
/// recording it (checked by <see cref="AgreementRules"/>, with the actors, linked agreements and baseline
/// layers it names checked against the store), a party's acceptance, and moves of its lifecycle
/// (<see cref="Lifecycle"/>); each a new version, under optimistic concurrency, with an audit entry.
/// </summary>
public sealed class AgreementWrites(TruceDb db, TimeProvider clock, AuditTrail audit)
{
    public async Task<Outcome<AgreementSummary>> RecordAsync(Principal writer, AgreementInput input, CancellationToken ct = default)
    {
        if (AllowedRoles.EditAgreements.Check(writer, "record agreements") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var errors = new ValidationErrors();
        var agreement = AgreementRules.Read(input, errors, ReadArea);
        if (agreement is not null)
        {
            await CheckReferencesAsync(agreement, errors, ct);
            await MarkingChecks.CheckAsync(db, agreement.Marking, writer, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (await db.Agreements.AnyAsync(a => a.Key == agreement!.Key, ct))
        {
            return Outcome.Conflict($"An agreement with the key '{agreement!.Key}' exists; choose another key.");
        }

        db.Agreements.Add(agreement!);
        audit.Append(writer, "agreement.recorded", $"agreement/{agreement!.Key}", after: Snapshot(agreement), detail: $"{agreement.Title} ({agreement.Marking}), {agreement.Provisions.Count} provisions");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"An agreement with the key '{agreement.Key}' was recorded meanwhile; choose another key.");
        }

        db.ChangeTracker.Clear();
        var names = await db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return Outcome.Created(AgreementViewing.Summary(agreement, c => names.GetValueOrDefault(c) ?? c));
    }

    /// <summary>Moves the agreement through its lifecycle, or says why it may not move.</summary>
    public async Task<Outcome<AgreementSummary>> MoveAsync(Principal writer, string key, ExpectedVersion expected, StatusChangeInput input, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var loaded = await LoadForWriteAsync(writer, key, expected, ct);
        if (!loaded.IsDone)
        {
            return loaded.AsRefusal();
        }

        var agreement = loaded.Value;
        var errors = new ValidationErrors();
        if (!Kebab.TryParse(input.To, out AgreementStatus to))
        {
            errors.Add("to", $"'{input.To}' is not a status; expected one of {Kebab.Choices<AgreementStatus>()}.");
        }

        var at = (input.At ?? clock.GetUtcNow()).ToUniversalTime();
        DomainLimits.CheckDate(DateOnly.FromDateTime(at.UtcDateTime), errors, "at");
        if (input.EffectiveFrom is { } effective)
        {
            DomainLimits.CheckDate(DateOnly.FromDateTime(effective.UtcDateTime), errors, "effectiveFrom");
        }

        var reason = TextRules.Read(input.Reason, AgreementRules.MaxText, errors, "reason", multiline: true);
        if (errors.IsEmpty)
        {
            var before = Kebab.Of(agreement.Status);
            errors.AddAll(Lifecycle.Move(agreement, to, at, reason, writer.Name, input.Days, input.EffectiveFrom?.ToUniversalTime()));
            if (errors.IsEmpty)
            {
                agreement.Version++;
                var extended = input.Days is { } days ? $" by {days} days" : string.Empty;
                audit.Append(writer, "agreement.status-changed", $"agreement/{agreement.Key}", detail: $"{before} → {Kebab.Of(to)}{extended} at {at:yyyy-MM-dd HH:mm} UTC: {reason}");
                return await SaveAsync(agreement, expected, ct);
            }
        }

        db.ChangeTracker.Clear();
        return Outcome.Invalid(errors);
    }

    /// <summary>Records where one party stands now (a party accepting later, or withdrawing its acceptance).</summary>
    public async Task<Outcome<AgreementSummary>> SetAcceptanceAsync(Principal writer, string key, ExpectedVersion expected, PartyInput input, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var loaded = await LoadForWriteAsync(writer, key, expected, ct);
        if (!loaded.IsDone)
        {
            return loaded.AsRefusal();
        }

        var agreement = loaded.Value;
        var errors = new ValidationErrors();
        var stand = AgreementRules.ReadParty(input, errors, at: string.Empty);
        var party = agreement.Parties.Find(p => p.ActorCode == stand.ActorCode);
        if (party is null && !errors.Has("actor"))
        {
            errors.Add("actor", $"'{input.Actor}' is not a party to {agreement.Key}; its parties are {string.Join(", ", agreement.Parties.Select(p => p.ActorCode))}.");
        }

        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid(errors);
        }

        var before = Kebab.Of(party!.State);
        (party.State, party.On, party.Conditions) = (stand.State, stand.On, stand.Conditions);
        agreement.Version++;
        audit.Append(writer, "agreement.acceptance-changed", $"agreement/{agreement.Key}", detail: $"{party.ActorCode}: {before} → {Kebab.Of(stand.State)}{(stand.Conditions is null ? string.Empty : $" ({stand.Conditions})")}");
        return await SaveAsync(agreement, expected, ct);
    }

    /// <summary>A disengagement area's polygon, checked as an imported layer's feature is (repaired, or refused with the reason).</summary>
    public static Geometry? ReadArea(JsonElement json, string field, ValidationErrors errors)
    {
        var (geometry, reason) = LayerImport.ReadGeometry(json, Shape.Areas);
        if (geometry is null)
        {
            errors.Add(field, $"Expected a GeoJSON Polygon or MultiPolygon in WGS 84: {reason}.");
        }

        return geometry;
    }

    private async Task<Outcome<Agreement>> LoadForWriteAsync(Principal writer, string key, ExpectedVersion expected, CancellationToken ct)
    {
        if (AllowedRoles.EditAgreements.Check(writer, "change agreements") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var agreement = await db.Agreements.Include(a => a.Provisions).FirstOrDefaultAsync(a => a.Key == key, ct);
        if (agreement is null)
        {
            return Outcome.NotFound($"No agreement '{key}'.");
        }

        if (!expected.Matches(agreement.Version))
        {
            db.ChangeTracker.Clear();
            return Outcome.PreconditionFailed(expected.StaleMessage("agreement", agreement.Version));
        }

        return Outcome.Done(agreement);
    }

    private async Task<Outcome<AgreementSummary>> SaveAsync(Agreement agreement, ExpectedVersion expected, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            db.ChangeTracker.Clear();
            return Outcome.PreconditionFailed(expected.StaleMessage("agreement", agreement.Version));
        }

        db.ChangeTracker.Clear();
        var names = await db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return Outcome.Done(AgreementViewing.Summary(agreement, c => names.GetValueOrDefault(c) ?? c));
    }

    /// <summary>Names every actor, linked agreement and baseline layer the agreement refers to that the store does not hold.</summary>
    private async Task CheckReferencesAsync(Agreement agreement, ValidationErrors errors, CancellationToken ct)
    {
        var actors = (await db.Actors.AsNoTracking().Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        void Actor(string? code, string field)
        {
            if (code is { Length: > 0 } && !actors.Contains(code))
            {
                errors.Add(field, $"'{code}' is not a known actor; see /api/v1/actors.");
            }
        }

        for (var i = 0; i < agreement.Parties.Count; i++)
        {
            Actor(agreement.Parties[i].ActorCode, $"parties[{i}].actor");
        }

        for (var i = 0; i < agreement.Roles.Count; i++)
        {
            Actor(agreement.Roles[i].ActorCode, $"roles[{i}].actor");
        }

        var keys = agreement.Links.Select(l => l.OtherKey).ToList();
        var known = await db.Agreements.AsNoTracking().Where(a => keys.Contains(a.Key)).Select(a => a.Key).ToListAsync(ct);
        for (var i = 0; i < agreement.Links.Count; i++)
        {
            if (!known.Contains(agreement.Links[i].OtherKey))
            {
                errors.Add($"links[{i}].agreement", $"No agreement '{agreement.Links[i].OtherKey}' to link to.");
            }
        }

        var layers = (await db.LayerVersions.AsNoTracking().Select(v => new { v.Key, v.Kind, v.ValidFrom }).ToListAsync(ct));
        for (var p = 0; p < agreement.Provisions.Count; p++)
        {
            var provision = agreement.Provisions[p];
            Actor(provision.MonitorCode, $"provisions[{p}].monitor");
            for (var w = 0; w < provision.Withdrawals.Count; w++)
            {
                Actor(provision.Withdrawals[w].ActorCode, $"provisions[{p}].withdrawals[{w}].actor");
            }

            for (var b = 0; b < provision.Baselines.Count; b++)
            {
                var baseline = provision.Baselines[b];
                var field = $"provisions[{p}].baselines[{b}]";
                Actor(baseline.ActorCode, field + ".actor");
                var versions = layers.Where(l => l.Key == baseline.LayerKey).ToList();
                if (versions.Count == 0)
                {
                    errors.Add(field + ".layer", $"No layer '{baseline.LayerKey}'; import it first (truce geo import).");
                }
                else if (!Core.Geography.LayerVersion.IsLine(versions[0].Kind))
                {
                    errors.Add(field + ".layer", $"The layer '{baseline.LayerKey}' holds {Kebab.Of(versions[0].Kind)}; a baseline is a line.");
                }
                else if (!versions.Exists(v => v.ValidFrom <= baseline.AsOf))
                {
                    errors.Add(field + ".asOf", $"The layer '{baseline.LayerKey}' has no version valid on {baseline.AsOf:yyyy-MM-dd}; its first is valid from {versions.Min(v => v.ValidFrom):yyyy-MM-dd}.");
                }
            }
        }
    }

    private static string Snapshot(Agreement a) => JsonSerializer.Serialize(
        new { a.Key, a.Title, Kind = Kebab.Of(a.Kind), a.ProposedOn, a.EffectiveFrom, a.DurationDays, Parties = a.Parties.Select(p => new { p.ActorCode, State = Kebab.Of(p.State), p.On, p.Conditions }), Provisions = a.Provisions.Count, Marking = a.Marking.ToString() },
        TruceJson.Options);
}
