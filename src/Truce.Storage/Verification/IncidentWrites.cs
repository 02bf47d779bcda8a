using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Security;

namespace Truce.Storage.Verification;

/// <summary>
/// Every change to an incident goes through here: made of observations a person chose (nothing is merged
/// without one), moved through verification (<see cref="VerificationFlow"/>), claimed and released; each under
/// optimistic concurrency, with an audit entry.
/// </summary>
public sealed class IncidentWrites(TruceDb db, TimeProvider clock, AuditTrail audit, IVerificationWatcher watcher)
{
    public async Task<Outcome<long>> CreateAsync(Principal writer, IReadOnlyList<long> observationIds, string? reason, CancellationToken ct = default)
    {
        if (AllowedRoles.ReviewIncidents.Check(writer, "make incidents") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        if (observationIds.Count is 0 or > 500)
        {
            errors.Add("observations", "From 1 to 500 observations make an incident.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Required: say why these observations are one event.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        var ids = observationIds.Distinct().ToList();
        var observations = await db.Observations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.IsCurrent).ToListAsync(ct);
        if (ids.Except(observations.Select(o => o.Id)).ToList() is { Count: > 0 } missing)
        {
            return Outcome.Invalid("observations", $"No current observation {string.Join(", ", missing)} that you may see.");
        }

        var keys = observations.Select(o => new { o.Source, o.ExternalId }).ToList();
        var sources = keys.Select(k => k.Source).Distinct().ToList();
        var taken = (await db.Incidents.AsNoTracking().SelectMany(i => i.Reports).Where(r => sources.Contains(r.Source)).ToListAsync(ct))
            .Where(r => keys.Any(k => k.Source == r.Source && k.ExternalId == r.ExternalId)).ToList();
        if (taken.Count > 0)
        {
            return Outcome.Conflict($"Already in an incident: {string.Join(", ", taken.Select(r => $"{r.Source}/{r.ExternalId}"))}; merge the incidents instead.");
        }

        var incident = new Incident
        {
            Marking = MostRestrictive.Of(observations.Select(o => o.Marking)),
            Type = observations.GroupBy(o => o.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
            ObservedFrom = observations.Min(o => o.ObservedFrom),
            ObservedTo = observations.Max(o => o.ObservedTo),
            Lat = observations.Average(o => o.Lat),
            Lon = observations.Average(o => o.Lon),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = writer.Name,
            Reports = [.. observations.Select(o => new IncidentReport { Source = o.Source, ExternalId = o.ExternalId })],
        };
        db.Incidents.Add(incident);
        audit.Append(writer, "incident.created", "incident/new", detail: $"{reason!.Trim()} — {observations.Count} observations ({incident.Marking})");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(incident.Id);
    }

    /// <summary>Moves an incident through verification, at the version the writer saw.</summary>
    public async Task<Outcome<Incident>> MoveAsync(Principal writer, long id, VerificationState to, string? reason, int expectedVersion, CancellationToken ct = default)
    {
        if (AllowedRoles.ReviewIncidents.Check(writer, "move incidents through verification") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome.NotFound($"No incident {id}.");
        }

        if (incident.Version != expectedVersion)
        {
            return Outcome.Conflict($"Incident {id} changed meanwhile (now version {incident.Version}); reload it.");
        }

        var now = clock.GetUtcNow();
        var independent = VerificationFlow.IndependentSources(incident.Reports.Select(r => (r.Source, (string?)null)));
        var errors = VerificationFlow.Check(incident.State, to, writer, reason, independent, incident.History, now);
        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid(errors);
        }

        incident.History.Add(new VerificationStep { From = incident.State, To = to, At = now, By = writer.Name, Role = writer.Role, Reason = reason!.Trim() });
        audit.Append(writer, "incident.moved", $"incident/{id}", detail: $"{Kebab.Of(incident.State)} → {Kebab.Of(to)}: {reason.Trim()}");
        incident.State = to;
        incident.Version++;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await watcher.MovedAsync(id, to, CancellationToken.None); // alerts of verified violations: after the commit, and not cancelled by the caller
        return Outcome.Done(incident);
    }

    /// <summary>Takes an incident to work on, so nobody else does meanwhile; or gives it back.</summary>
    public async Task<Outcome<Incident>> ClaimAsync(Principal writer, long id, bool claim, CancellationToken ct = default)
    {
        if (AllowedRoles.ReviewIncidents.Check(writer, "claim incidents") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome.NotFound($"No incident {id}.");
        }

        if (claim && incident.ClaimedBy is { } holder && holder != writer.Name)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"{holder} is working on incident {id} since {incident.ClaimedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        if (!claim && incident.ClaimedBy != writer.Name && writer.Role != Role.Admin)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"Incident {id} is not yours to give back.");
        }

        (incident.ClaimedBy, incident.ClaimedAt) = claim ? (writer.Name, clock.GetUtcNow()) : ((string?)null, (DateTimeOffset?)null);
        incident.Version++;
        audit.Append(writer, claim ? "incident.claimed" : "incident.released", $"incident/{id}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(incident);
    }
}
