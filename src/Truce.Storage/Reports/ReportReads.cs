using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Agreements;
using Truce.Core.Monitoring;
using Truce.Core.Reports;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Security;

namespace Truce.Storage.Reports;

/// <summary>
/// Reads what the reports count: the current observations of a window with the incident each belongs to,
/// the weapon-withdrawal provisions they were found to violate, and where their incidents stand — all for
/// one reader, through the releasability filter, so a report never counts what its reader may not read. The
/// counting itself is Core's (<see cref="ReportCounting"/>). Reads write nothing; an export is an act and is audited.
/// </summary>
public sealed class ReportReads(TruceDb db, AuditTrail audit)
{
    /// <summary>The most verified incidents the public page reads, newest first.</summary>
    public const int MaxPublicIncidents = 10_000;

    /// <summary>How far beyond the rows' times incidents are looked for: their reports may have been revised since the incident last changed.</summary>
    private static readonly TimeSpan IncidentSpanMargin = TimeSpan.FromDays(7);

    public async Task<DailyReport> DailyAsync(Principal reader, ReportPeriod period, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return DailyReport.Of(period, await EventsAsync(period.Previous.Start, period.End, ct));
    }

    /// <summary>The daily report as a file (CSV, GeoJSON): a deliberate act, recorded in the audit trail.</summary>
    public async Task<DailyReport> ExportAsync(Principal reader, ReportPeriod period, string format, CancellationToken ct = default)
    {
        var report = await DailyAsync(reader, period, ct);
        await audit.RecordAsync(reader, "report.exported", $"reports/daily/{period.Date:yyyy-MM-dd}",
            $"daily report as {format}: {period}; {report.Events.Count} events", ct);
        return report;
    }

    /// <summary>Violations and explosions per report day by oblast, over <paramref name="days"/> days ending with <paramref name="last"/>.</summary>
    public async Task<WeeklyTrend> WeeklyAsync(Principal reader, DateOnly last, int days, TimeOnly cutoff, CancellationToken ct = default)
    {
        days = Math.Clamp(days, 1, WeeklyTrend.MaxDays);
        var (after, until) = WeeklyTrend.Window(last, days, cutoff);
        using var reading = db.ReadAs(reader);
        return WeeklyTrend.Of(last, days, cutoff, await EventsAsync(after, until, ct));
    }

    /// <summary>
    /// The public page's figures, read as nobody signed in (<see cref="Principal.Anonymous"/>), so the filter
    /// lets through PUBLIC records only; and asked, besides, for incidents verified and marked PUBLIC, and
    /// their PUBLIC observations — two locks, so that a mistake in one still shows nothing else.
    /// </summary>
    public async Task<PublicSummary> PublicAsync(CancellationToken ct = default)
    {
        // Read as nobody signed in: only PUBLIC incidents pass the filter. An incident released to the public
        // is counted from its own summary (time, type, oblast, gravest finding), never from its observations,
        // which may stay restricted.
        using var reading = db.ReadAs(Principal.Anonymous);
        var (verified, open, violation) = (VerificationState.Verified, MarkingLevel.Public, WorstVerdict.Violation);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.State == verified && i.Marking.Level == open && i.Worst == violation)
            .OrderByDescending(i => i.ObservedFrom).ThenByDescending(i => i.Id).Take(MaxPublicIncidents)
            .Select(i => new { i.Id, i.State, i.Type, i.ObservedFrom, i.Worst, i.Oblast, i.SectorCode, i.Lat, i.Lon })
            .ToListAsync(ct);
        var observations = incidents.Select(i => new ReportObservation(-i.Id, i.Id, i.ObservedFrom, i.Type, 1, i.Worst, i.Oblast, i.SectorCode, i.Lat, i.Lon, null, null, null, "incident", null));
        var read = incidents.Select(i => new ReportIncident(i.Id, i.State, i.Type, i.ObservedFrom));
        return PublicSummary.Of(ReportCounting.Events(observations, read));
    }

    /// <summary>
    /// The counted events of the current observations that began after <paramref name="after"/> and by
    /// <paramref name="until"/>, as the bound reader may see them.
    /// </summary>
    private async Task<IReadOnlyList<CountedEvent>> EventsAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken ct)
    {
        var (rows, incidents) = await ReadAsync(Currents().Where(o => o.ObservedFrom > after && o.ObservedFrom <= until), after, ct);
        return ReportCounting.Events(rows, incidents);
    }

    /// <summary>
    /// The observations of <paramref name="window"/>, each with the incident it belongs to (if the reader may
    /// see it) and its withdrawal breaches; and those incidents, each with the earliest start of its current
    /// observations the reader may see — looked for before the window too (at or before <paramref name="after"/>),
    /// so one that began earlier is not counted in the window. Four statements: the rows (the window is a range
    /// of the (IsCurrent, ObservedFrom) index), their incidents (a join on the reports' unique index), the
    /// incidents' earlier starts, the withdrawal findings.
    /// </summary>
    private async Task<(List<ReportObservation> Rows, List<ReportIncident> Incidents)> ReadAsync(IQueryable<Observation> window, DateTimeOffset? after, CancellationToken ct)
    {
        var rows = await window.Select(Row).ToListAsync(ct);
        var members = new List<(long Observation, long Id, VerificationState State, EventType Type)>();
        if (rows.Count > 0)
        {
            // Which rows are in an incident, matched in memory against the reports of the incidents whose span
            // lies near the rows' (one range read instead of a lookup per row, which took seconds on SQLite at
            // 200,000 rows). An incident's span is its reports' when it last changed; a report revised by more
            // than the margin after that is counted on its own until the incident changes again.
            var (from, to) = (rows.Min(r => r.ObservedFrom) - IncidentSpanMargin, rows.Max(r => r.ObservedFrom) + IncidentSpanMargin);
            var reports = await db.Incidents.AsNoTracking().Where(i => i.ObservedFrom <= to && i.ObservedTo >= from)
                .SelectMany(i => i.Reports, (i, r) => new { i.Id, i.State, i.Type, r.Source, r.ExternalId })
                .ToListAsync(ct);
            var byKey = reports.ToDictionary(r => (r.Source, r.ExternalId));
            foreach (var r in rows)
            {
                if (byKey.TryGetValue((r.Source, r.ExternalId), out var m))
                {
                    members.Add((r.Id, m.Id, m.State, m.Type));
                }
            }
        }

        var breaches = await WithdrawalBreachesAsync(window, ct);

        var incidentOf = members.ToDictionary(m => m.Observation, m => m.Id);
        var observations = rows.Select(r => r.ToReport(incidentOf.TryGetValue(r.Id, out var i) ? i : null, breaches.TryGetValue(r.Id, out var b) ? b : [])).ToList();
        var firsts = observations.Where(o => o.IncidentId is not null).GroupBy(o => o.IncidentId!.Value).ToDictionary(g => g.Key, g => g.Min(o => o.ObservedFrom));
        if (after is { } before && firsts.Count > 0)
        {
            var ids = firsts.Keys.ToList();
            var earlier = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))
                .SelectMany(i => i.Reports, (i, r) => new { i.Id, r.Source, r.ExternalId })
                .Join(Currents().Where(o => o.ObservedFrom <= before), x => new { x.Source, x.ExternalId }, o => new { o.Source, o.ExternalId }, (x, o) => new { x.Id, o.ObservedFrom })
                .ToListAsync(ct);
            foreach (var e in earlier.Where(e => e.ObservedFrom < firsts[e.Id]))
            {
                firsts[e.Id] = e.ObservedFrom;
            }
        }

        var incidents = members.DistinctBy(m => m.Id).Select(m => new ReportIncident(m.Id, m.State, m.Type, firsts[m.Id])).ToList();
        return (observations, incidents);
    }

    /// <summary>
    /// For each observation of the window found to violate a weapon-withdrawal provision the reader may see,
    /// those provisions as <c>agreement/number</c>.
    /// </summary>
    private async Task<Dictionary<long, List<string>>> WithdrawalBreachesAsync(IQueryable<Observation> window, CancellationToken ct)
    {
        var withdrawal = ProvisionKind.WeaponWithdrawal;
        var provisions = await db.Provisions.AsNoTracking().Where(p => p.Kind == withdrawal)
            .Join(db.Agreements.AsNoTracking(), p => p.AgreementId, a => a.Id, (p, a) => new { a.Key, p.Number })
            .ToListAsync(ct);
        if (provisions.Count == 0)
        {
            return [];
        }

        var wanted = provisions.Select(p => (p.Key, p.Number)).ToHashSet();
        var agreements = provisions.Select(p => p.Key).Distinct().ToList();
        var (worst, violation) = (WorstVerdict.Violation, Verdict.Violation);
        var findings = await window.Where(o => o.Worst == worst)
            .SelectMany(o => o.Findings, (o, f) => new { o.Id, f.Agreement, f.Provision, f.Verdict })
            .Where(x => x.Verdict == violation && agreements.Contains(x.Agreement))
            .ToListAsync(ct);
        return findings.Where(f => wanted.Contains((f.Agreement, f.Provision)))
            .GroupBy(f => f.Id)
            .ToDictionary(g => g.Key, g => g.Select(f => $"{f.Agreement}/{f.Provision}").Distinct(StringComparer.Ordinal).ToList());
    }

    // The current versions as IsCurrent = @current, so either store walks the (IsCurrent, ObservedFrom, …) index (see ObservationReads).
    private IQueryable<Observation> Currents()
    {
        var current = true;
        return db.Observations.AsNoTracking().Where(o => o.IsCurrent == current);
    }

    private static Expression<Func<Observation, ObservationRow>> Row
    {
        get
        {
            var restriction = EventType.RestrictionOfMovement;
            return o => new ObservationRow
            {
                Id = o.Id,
                ObservedFrom = o.ObservedFrom,
                Type = o.Type,
                Count = o.Count,
                Worst = o.Worst,
                Oblast = o.Oblast,
                SectorCode = o.SectorCode,
                Lat = o.Lat,
                Lon = o.Lon,
                Weapon = o.Weapon,
                CalibreMm = o.CalibreMm,
                Casualties = o.Casualties == null ? null : o.Casualties.Best,
                Source = o.Source,
                ExternalId = o.ExternalId,
                Description = o.Type == restriction ? o.Description : null,
            };
        }
    }

    private sealed class ObservationRow
    {
        public long Id { get; init; }

        public DateTimeOffset ObservedFrom { get; init; }

        public EventType Type { get; init; }

        public int Count { get; init; }

        public WorstVerdict Worst { get; init; }

        public string? Oblast { get; init; }

        public string? SectorCode { get; init; }

        public double Lat { get; init; }

        public double Lon { get; init; }

        public string? Weapon { get; init; }

        public int? CalibreMm { get; init; }

        public int? Casualties { get; init; }

        public string Source { get; init; } = string.Empty;

        public string ExternalId { get; init; } = string.Empty;

        public string? Description { get; init; }

        public ReportObservation ToReport(long? incident, IReadOnlyList<string> breaches) =>
            new(Id, incident, ObservedFrom, Type, Count, Worst, Oblast, SectorCode, Lat, Lon, Weapon, CalibreMm, Casualties, Source, Description) { WithdrawalBreaches = breaches };
    }
}
