using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Core.Verification;

namespace Truce.Storage.Verification;

/// <summary>A proposal that some observations are one event: their ids, how sure, and why in words. Nothing is merged until a person confirms it.</summary>
public sealed record Proposal(IReadOnlyList<long> ObservationIds, double Score, string Reasons);

/// <summary>One line of the analysts' queue.</summary>
public sealed record QueueItem(long Id, string State, string Type, DateTimeOffset ObservedFrom, double Lat, double Lon, int Reports, string? ClaimedBy, string Marking);

/// <summary>The analysts' queue in the order that makes the next thing obvious, and fusion proposals over the observations not yet in an incident.</summary>
public sealed class IncidentReads(TruceDb db)
{
    /// <summary>The longest window proposals are computed over: a day and a half, a day's batch with its edges.</summary>
    public static readonly TimeSpan MaxProposalWindow = TimeSpan.FromHours(36);

    /// <summary>
    /// Proposals over the current observations the reader may see that start in [from, to) and are in no
    /// incident yet: groups of two or more (<see cref="FusionProposer"/>), best first.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<Proposal>>> ProposalsAsync(Principal reader, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        if (to <= from || to - from > MaxProposalWindow)
        {
            return Outcome.Invalid("to", $"The window ends after it starts and lasts at most {MaxProposalWindow.TotalHours:0} hours.");
        }

        using var reading = db.ReadAs(reader);
        var current = true;
        var taken = db.Incidents.SelectMany(i => i.Reports);
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent == current && o.ObservedFrom >= from && o.ObservedFrom < to)
            .Where(o => !taken.Any(r => r.Source == o.Source && r.ExternalId == o.ExternalId))
            .Select(o => new FusionReport(o.Id, o.Source, null, o.Lat, o.Lon, o.ObservedFrom, o.ObservedTo, o.Type, o.Weapon, o.Count))
            .ToListAsync(ct);
        var proposals = FusionProposer.Propose(rows)
            .Where(c => c.ReportIds.Count > 1)
            .OrderByDescending(c => c.Score)
            .Select(c => new Proposal(c.ReportIds, c.Score, c.Reasons))
            .ToList();
        return Outcome.Done<IReadOnlyList<Proposal>>(proposals);
    }

    /// <summary>The queue: new (reported, nobody on it), then claimed, then ready for review (corroborated); newest first within each.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(Principal reader, int limit = 200, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var open = new[] { VerificationState.Reported, VerificationState.UnderReview, VerificationState.Corroborated };
        var incidents = await db.Incidents.AsNoTracking().Where(i => open.Contains(i.State)).OrderByDescending(i => i.ObservedFrom).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
        int Rank(Incident i) => i.State == VerificationState.Corroborated ? 2 : i.ClaimedBy is null && i.State == VerificationState.Reported ? 0 : 1;
        return [.. incidents.OrderBy(Rank).ThenByDescending(i => i.ObservedFrom)
            .Select(i => new QueueItem(i.Id, Kebab.Of(i.State), Kebab.Of(i.Type), i.ObservedFrom, i.Lat, i.Lon, i.Reports.Count, i.ClaimedBy, i.Marking.ToString()))];
    }
}
