using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Monitoring;

namespace Truce.Storage.Verification;

/// <summary>A proposal that some observations are one event: their ids, how sure, and why in words. Nothing is merged until a person confirms it.</summary>
public sealed record Proposal(IReadOnlyList<long> ObservationIds, double Score, string Reasons);

/// <summary>One line of the analysts' queue.</summary>
public sealed record QueueItem(long Id, string State, string Type, DateTimeOffset ObservedFrom, double Lat, double Lon, int Reports, string? ClaimedBy, string? HelpWanted, string Marking);

/// <summary>
/// The analysts' queue in sections, each in the order of the next thing to do: possible duplicates among new
/// observations (proposals), new incidents nobody has taken, the reader's own, those where someone asked for
/// help, others' work in progress, and those ready for a verifier.
/// </summary>
public sealed record Worklist(
    IReadOnlyList<Proposal> Proposals,
    IReadOnlyList<QueueItem> New,
    IReadOnlyList<QueueItem> Mine,
    IReadOnlyList<QueueItem> NeedsHelp,
    IReadOnlyList<QueueItem> Claimed,
    IReadOnlyList<QueueItem> ReadyForReview);

/// <summary>An observation that may be part of an incident (or an incident an observation may belong to), with the score and the reasons.</summary>
public sealed record Candidate(long Id, string Label, double Score, string Reasons);

/// <summary>An incident with all it is made of, as its page shows it.</summary>
public sealed record IncidentView(
    Incident Incident,
    IReadOnlyList<ObservationView> Observations,
    int IndependentSources,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> NextStates);

/// <summary>The analysts' queue, incidents with their observations and candidates, and fusion proposals over observations not yet in an incident.</summary>
public sealed class IncidentReads(TruceDb db)
{
    /// <summary>The longest window proposals are computed over: a day and a half, a day's batch with its edges.</summary>
    public static readonly TimeSpan MaxProposalWindow = TimeSpan.FromHours(36);

    /// <summary>How far around an incident candidates are looked for: a little more than two reports of one event can be apart.</summary>
    private static readonly TimeSpan CandidateMargin = TimeSpan.FromMinutes(FusionProposer.MaxMinutes + 10);

    /// <summary>
    /// Proposals over the current observations the reader may see that are in no incident yet, of a window:
    /// by when they were observed, or — for the queue — by when they arrived. Groups of two or more, best first.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<Proposal>>> ProposalsAsync(Principal reader, DateTimeOffset from, DateTimeOffset to, bool byArrival = false, CancellationToken ct = default)
    {
        if (to <= from || to - from > MaxProposalWindow)
        {
            return Outcome.Invalid("to", $"The window ends after it starts and lasts at most {MaxProposalWindow.TotalHours:0} hours.");
        }

        using var reading = db.ReadAs(reader);
        var (fromUtc, toUtc) = (from.UtcDateTime, to.UtcDateTime);
        var free = Free();
        var rows = await (byArrival
                ? free.Where(o => o.ReceivedAtUtc >= fromUtc && o.ReceivedAtUtc < toUtc)
                : free.Where(o => o.ObservedFrom >= from && o.ObservedFrom < to))
            .Select(o => new FusionReport(o.Id, o.Source, o.Origin, o.Lat, o.Lon, o.ObservedFrom, o.ObservedTo, o.Type, o.Weapon, o.Count))
            .ToListAsync(ct);
        var proposals = FusionProposer.Propose(rows)
            .Where(c => c.ReportIds.Count > 1)
            .OrderByDescending(c => c.Score)
            .Select(c => new Proposal(c.ReportIds, c.Score, c.Reasons))
            .ToList();
        return Outcome.Done<IReadOnlyList<Proposal>>(proposals);
    }

    /// <summary>The queue for <paramref name="reader"/>: proposals over what arrived in the last 36 hours, then the open incidents by section.</summary>
    public async Task<Worklist> QueueAsync(Principal reader, DateTimeOffset now, int limit = 200, CancellationToken ct = default)
    {
        var proposals = (await ProposalsAsync(reader, now - MaxProposalWindow, now, byArrival: true, ct)).Value ?? [];
        using var reading = db.ReadAs(reader);
        var open = new[] { VerificationState.Reported, VerificationState.UnderReview, VerificationState.Corroborated, VerificationState.Disputed };
        var incidents = await db.Incidents.AsNoTracking().Where(i => open.Contains(i.State))
            .OrderByDescending(i => i.ObservedFrom).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
        List<QueueItem> Section(Func<Incident, bool> where) => [.. incidents.Where(where).OrderByDescending(i => i.ObservedFrom).Select(Item)];
        return new Worklist(
            [.. proposals.Take(Math.Clamp(limit, 1, 1000))],
            New: Section(i => i.ClaimedBy is null && i.HelpWanted is null && i.State is VerificationState.Reported or VerificationState.UnderReview or VerificationState.Disputed),
            Mine: Section(i => i.ClaimedBy == reader.Name && i.HelpWanted is null),
            NeedsHelp: Section(i => i.HelpWanted is not null),
            Claimed: Section(i => i.ClaimedBy is not null && i.ClaimedBy != reader.Name && i.HelpWanted is null && i.State != VerificationState.Corroborated),
            ReadyForReview: Section(i => i.State == VerificationState.Corroborated && i.HelpWanted is null && i.ClaimedBy != reader.Name));
    }

    /// <summary>An incident with its observations, independent sources, candidate observations nearby and the states the reader may move it to.</summary>
    public async Task<IncidentView?> GetAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return null;
        }

        incident.History = [.. incident.History.OrderBy(h => h.At)];
        var members = await IncidentMembers.CurrentAsync(db, incident, ct);
        var (from, to) = (incident.ObservedFrom - CandidateMargin, incident.ObservedTo + CandidateMargin);
        var (south, north, west, east) = Around(incident.Lat, incident.Lon, 3);
        var nearby = await Free()
            .Where(o => o.ObservedFrom >= from && o.ObservedFrom <= to && o.Lat >= south && o.Lat <= north && o.Lon >= west && o.Lon <= east)
            .Take(200).ToListAsync(ct);
        var reports = members.Select(Fusion).ToList();
        var candidates = nearby
            .Select(o => (o, match: FusionProposer.Match(Fusion(o), reports)))
            .Where(x => x.match is not null)
            .OrderByDescending(x => x.match!.Score)
            .Select(x => new Candidate(x.o.Id, $"{x.o.Source}/{x.o.ExternalId}", x.match!.Score, x.match.Reasons))
            .ToList();
        return new IncidentView(
            incident,
            [.. members.Select(ObservationView.From)],
            VerificationFlow.IndependentSources(members.Select(o => (o.Source, o.Origin))),
            candidates,
            [.. VerificationFlow.Next(incident.State, reader.Role).Select(Kebab.Of)]);
    }

    /// <summary>The incidents an observation may belong to (open ones near it in place and time), best first, with the reasons.</summary>
    public async Task<IReadOnlyList<Candidate>> IncidentsForAsync(Principal reader, long observationId, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var observation = await db.Observations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == observationId && o.IsCurrent, ct);
        if (observation is null)
        {
            return [];
        }

        var (from, to) = (observation.ObservedFrom - CandidateMargin, observation.ObservedTo + CandidateMargin);
        var (south, north, west, east) = Around(observation.Lat, observation.Lon, 3);
        var near = await db.Incidents.AsNoTracking()
            .Where(i => i.ObservedTo >= from && i.ObservedFrom <= to && i.Lat >= south && i.Lat <= north && i.Lon >= west && i.Lon <= east)
            .Take(50).ToListAsync(ct);
        var report = Fusion(observation);
        var found = new List<Candidate>();
        foreach (var incident in near.Where(i => !i.Reports.Any(r => r.Source == observation.Source && r.ExternalId == observation.ExternalId)))
        {
            var members = (await IncidentMembers.CurrentAsync(db, incident, ct)).Select(Fusion).ToList();
            if (FusionProposer.Match(report, members) is { } match)
            {
                found.Add(new Candidate(incident.Id, $"incident {incident.Id} ({Kebab.Of(incident.State)})", match.Score, match.Reasons));
            }
        }

        return [.. found.OrderByDescending(c => c.Score)];
    }

    /// <summary>The incident a report belongs to, if any.</summary>
    public async Task<long?> IncidentOfAsync(Principal reader, string source, string externalId, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return await db.Incidents.AsNoTracking()
            .Where(i => i.Reports.Any(r => r.Source == source && r.ExternalId == externalId))
            .Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Current observations in no incident yet.</summary>
    private IQueryable<Observation> Free()
    {
        var current = true;
        var taken = db.Incidents.SelectMany(i => i.Reports);
        return db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent == current)
            .Where(o => !taken.Any(r => r.Source == o.Source && r.ExternalId == o.ExternalId));
    }

    private static FusionReport Fusion(Observation o) => new(o.Id, o.Source, o.Origin, o.Lat, o.Lon, o.ObservedFrom, o.ObservedTo, o.Type, o.Weapon, o.Count);

    private static (double South, double North, double West, double East) Around(double lat, double lon, double km)
    {
        var dLat = km / 111.0;
        var dLon = km / (111.0 * Math.Max(0.1, Math.Cos(lat * Math.PI / 180)));
        return (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }

    private static QueueItem Item(Incident i) =>
        new(i.Id, Kebab.Of(i.State), Kebab.Of(i.Type), i.ObservedFrom, i.Lat, i.Lon, i.Reports.Count, i.ClaimedBy, i.HelpWanted, i.Marking.ToString());
}
