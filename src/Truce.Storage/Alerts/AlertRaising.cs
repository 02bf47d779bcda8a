using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Truce.Core.Alerts;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Security;

namespace Truce.Storage.Alerts;

/// <summary>
/// Raises alerts: threshold rules after each committed batch of observations, for the types and sectors the batch
/// touched; verified-violation rules after each incident moved to verified. The counts are read from the store,
/// not kept in memory, so they are right across batches, files and nodes. Truce acts here on its own account
/// (<see cref="Principal.System"/>, job "alerts"): it reads past every marking, marks each alert with the most
/// restrictive marking of its rule and of what triggered it, and records each alert in the audit trail.
/// </summary>
/// <remarks>
/// Alerts are written under a lock — on PostgreSQL a transaction-scoped advisory lock, on SQLite the file's
/// write lock — so two nodes committing batches of one sector at once do not both raise the episode's alert;
/// the unique indexes catch what would slip past. A failure here is logged and never undoes the batch or the
/// move, which were committed before.
/// </remarks>
public sealed class AlertRaising(TruceDb db, TimeProvider clock, AuditTrail audit, AlertSignal signal, ILogger<AlertRaising> log) : IIntakeWatcher, IVerificationWatcher
{
    /// <summary>The advisory lock's key on PostgreSQL: any fixed number no other lock in the database uses.</summary>
    public const long AlertLock = 0x7472_7563_6561_6c74; // "trucealt"

    public static readonly Principal System = Principal.System("alerts");

    // Observed instants lie between these (DomainLimits' dates), so a window stretched to them has seen everything.
    private static readonly DateTimeOffset Earliest = new(1999, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2101, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task CommittedAsync(IReadOnlyList<IntakeTouch> touched, CancellationToken ct)
    {
        if (touched.Count == 0)
        {
            return;
        }

        try
        {
            await RaiseAsync(ThresholdsAsync(touched, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Threshold rules were not evaluated for a committed batch ({Touched} types and sectors).", touched.Count);
        }
    }

    /// <summary>Verified-violation rules, when the incident was moved to verified; other moves raise nothing.</summary>
    public async Task MovedAsync(long incidentId, VerificationState state, CancellationToken ct)
    {
        if (state != VerificationState.Verified)
        {
            return;
        }

        try
        {
            await RaiseAsync(VerifiedViolationsAsync(incidentId, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Verified-violation rules were not evaluated for incident {Incident}.", incidentId);
        }
    }

    /// <summary>Runs <paramref name="evaluation"/> under the lock, stores what it raised with an audit entry each, and sends the ids on.</summary>
    private async Task RaiseAsync(IAsyncEnumerable<Alert> evaluation, CancellationToken ct)
    {
        using var reading = db.ReadAs(System);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AlertLock})", ct);
        }

        var raised = new List<Alert>();
        await foreach (var alert in evaluation.WithCancellation(ct))
        {
            db.Alerts.Add(alert);
            audit.Append(System, "alert.raised", $"alert-rule/{alert.RuleId}", detail: $"{alert.Why} ({alert.Marking})");
            raised.Add(alert);
        }

        await db.SaveChangesAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Delivered by PostgreSQL at commit, to every node listening (this one too), and never if it rolls back.
            foreach (var alert in raised)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_notify({AlertSignal.Channel}, {alert.Id.ToString(CultureInfo.InvariantCulture)})", ct);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        if (!db.Database.IsNpgsql())
        {
            signal.Announce(raised.Select(a => a.Id));
        }

        foreach (var alert in raised)
        {
            log.LogInformation("Alert {Alert} raised by rule {Rule}: {Why}", alert.Id, alert.RuleId, alert.Why);
        }
    }

    private async IAsyncEnumerable<Alert> ThresholdsAsync(IReadOnlyList<IntakeTouch> touched, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.IsEnabled && r.Kind == AlertRuleKind.Threshold).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var rule in rules)
        {
            // A rule for every sector counts each sector on its own (and what lies outside every sector together).
            var buckets = touched.Where(t => t.Type == rule.Type && (rule.SectorCode is null || rule.SectorCode == t.SectorCode))
                .GroupBy(t => t.SectorCode)
                .Select(g => (Sector: g.Key, From: g.Min(t => t.From), To: g.Max(t => t.To)));
            foreach (var (sector, from, to) in buckets)
            {
                // Only the count at instants in [from, to + W) changed; the episodes that hold such an instant are the ones to look at.
                var changedUntil = to + rule.Window;
                foreach (var episode in (await EpisodesAroundAsync(rule, sector, from, to, ct)).Where(e => e.End > from && e.Start < changedUntil))
                {
                    var (start, end) = (episode.Start, episode.End);
                    var known = await db.Alerts.Where(a => a.RuleId == rule.Id && a.SectorCode == sector && a.EpisodeStart < end && a.EpisodeEnd > start).OrderBy(a => a.Id).ToListAsync(ct);
                    if (known.Count > 0)
                    {
                        // The same episode, raised already: it lasts as long as the observations now say.
                        if (known[0].EpisodeEnd < end)
                        {
                            known[0].EpisodeEnd = end;
                        }

                        continue;
                    }

                    yield return new Alert
                    {
                        RuleId = rule.Id,
                        RuleName = rule.Name,
                        Kind = AlertRuleKind.Threshold,
                        SectorCode = sector,
                        Type = rule.Type,
                        RaisedAt = clock.GetUtcNow(),
                        EpisodeStart = start,
                        EpisodeEnd = end,
                        Count = episode.Count,
                        Observations = [.. episode.Reached.Select(e => new AlertObservation { ObservationId = e.ObservationId })],
                        Marking = MostRestrictive.Of([rule.Marking, .. episode.Reached.Select(e => e.Marking)]),
                        Why = AlertWords.Threshold(rule, sector, episode),
                    };
                }
            }
        }
    }

    /// <summary>
    /// The episodes of one rule and sector around [<paramref name="from"/>, <paramref name="to"/>], read from the
    /// store over a range wide enough that the episodes reaching into the changed stretch are whole: the count is
    /// exact from a window after the range's start to its end, so an episode that starts within a window of the
    /// start, or has not ended by the end, is read again over a range twice as wide on that side.
    /// </summary>
    private async Task<IReadOnlyList<Episode>> EpisodesAroundAsync(AlertRule rule, string? sector, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var window = rule.Window;
        var changedUntil = to + window;
        var (before, after) = (window, window);
        while (true)
        {
            var a = Clamp(from - window - before);
            var b = Clamp(to + window + after);
            var current = true; // a parameter, so the store walks the index (IsCurrent, ObservedFrom, …): see ObservationReads
            var type = rule.Type!.Value;
            var events = await db.Observations.AsNoTracking()
                .Where(o => o.IsCurrent == current && o.ObservedFrom >= a && o.ObservedFrom <= b && o.Type == type && o.SectorCode == sector)
                .Select(o => new CountedEvent(o.Id, o.ObservedFrom, o.Count, o.Marking))
                .ToListAsync(ct);
            var episodes = Episodes.Find(events, rule.Threshold!.Value, window);
            var relevant = episodes.Where(e => e.End > from && e.Start < changedUntil).ToList();
            var cutAtStart = a > Earliest && relevant.Exists(e => e.Start <= a + window);
            var cutAtEnd = b < Latest && relevant.Exists(e => e.End > b);
            if (!cutAtStart && !cutAtEnd)
            {
                return episodes;
            }

            before = cutAtStart ? before * 2 : before;
            after = cutAtEnd ? after * 2 : after;
        }
    }

    private static DateTimeOffset Clamp(DateTimeOffset at) => at < Earliest ? Earliest : at > Latest ? Latest : at;

    private async IAsyncEnumerable<Alert> VerifiedViolationsAsync(long incidentId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.IsEnabled && r.Kind == AlertRuleKind.VerifiedViolation).OrderBy(r => r.Id).ToListAsync(ct);
        var incident = rules.Count == 0 ? null : await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null || incident.State != VerificationState.Verified)
        {
            yield break;
        }

        var sources = incident.Reports.Select(r => r.Source).Distinct().ToList();
        var current = true;
        var observations = (await db.Observations.AsNoTracking().Where(o => o.IsCurrent == current && sources.Contains(o.Source)).ToListAsync(ct))
            .Where(o => incident.Reports.Exists(r => r.Source == o.Source && r.ExternalId == o.ExternalId))
            .ToList();
        foreach (var rule in rules)
        {
            var violating = observations
                .Select(o => (Observation: o, Findings: o.Findings.Where(f => f.Verdict == Verdict.Violation
                    && (rule.AgreementKey is null || f.Agreement == rule.AgreementKey)
                    && (rule.ProvisionNumber is null || f.Provision == rule.ProvisionNumber)).ToList()))
                .Where(v => v.Findings.Count > 0)
                .ToList();
            if (violating.Count == 0 || await db.Alerts.AnyAsync(a => a.RuleId == rule.Id && a.IncidentId == incidentId, ct))
            {
                continue;
            }

            yield return new Alert
            {
                RuleId = rule.Id,
                RuleName = rule.Name,
                Kind = AlertRuleKind.VerifiedViolation,
                SectorCode = violating.GroupBy(v => v.Observation.SectorCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key,
                Type = incident.Type,
                RaisedAt = clock.GetUtcNow(),
                IncidentId = incidentId,
                Observations = [.. violating.Select(v => new AlertObservation { ObservationId = v.Observation.Id })],
                Marking = MostRestrictive.Of([rule.Marking, incident.Marking, .. violating.Select(v => v.Observation.Marking)]),
                Why = AlertWords.VerifiedViolation(rule, incidentId, incident.Type, incident.ObservedFrom, violating.SelectMany(v => v.Findings.Select(f => (f.Agreement, f.Provision)))),
            };
        }
    }
}
