using Truce.Core.Monitoring;
using Truce.Core.Verification;

namespace Truce.Core.Reports;

/// <summary>
/// The figures of one period for one place: counted events (<see cref="CountedEvent"/>, an incident once)
/// that were ceasefire violations and that were explosions, and the counts those events reported (twelve
/// explosions heard in one report count twelve there).
/// </summary>
public sealed record Figures(int Violations, int Explosions, long ViolationCount, long ExplosionCount)
{
    public static readonly Figures None = new(0, 0, 0, 0);

    public static Figures Of(IEnumerable<CountedEvent> events)
    {
        var (violations, explosions, violationCount, explosionCount) = (0, 0, 0L, 0L);
        foreach (var e in events)
        {
            if (e.IsViolation)
            {
                violations++;
                violationCount += e.Count;
            }

            if (e.IsExplosion)
            {
                explosions++;
                explosionCount += e.Count;
            }
        }

        return new Figures(violations, explosions, violationCount, explosionCount);
    }

    public bool IsEmpty => Violations == 0 && Explosions == 0;
}

/// <summary>One line of a report's table: an oblast (ISO 3166-2, null when unplaced), a sector within it (null for the oblast's line or outside every sector), this period and the one before.</summary>
public sealed record ReportLine(string? Oblast, string? Sector, Figures Now, Figures Before)
{
    public int ViolationsChange => Now.Violations - Before.Violations;

    public int ExplosionsChange => Now.Explosions - Before.Explosions;
}

/// <summary>
/// The daily report in the shape of the OSCE SMM's: ceasefire violations and explosions per oblast and per
/// sector compared with the previous period; weapons in violation of withdrawal lines; restrictions of the
/// monitors' movement; notable incidents; and the period's events for the map. Everything in it was read for
/// one reader, through their markings, and counted by <see cref="ReportCounting"/>.
/// </summary>
public sealed record DailyReport(
    ReportPeriod Period,
    ReportPeriod PreviousPeriod,
    ReportLine Total,
    IReadOnlyList<ReportLine> ByOblast,
    IReadOnlyList<ReportLine> BySector,
    IReadOnlyList<CountedEvent> Withdrawals,
    IReadOnlyList<CountedEvent> Restrictions,
    IReadOnlyList<CountedEvent> Notable,
    IReadOnlyList<CountedEvent> Events)
{
    /// <summary>
    /// The report of <paramref name="period"/> from the events of it and of the period before (others are
    /// left out). Notable: the period's incidents now corroborated or verified, and its events with casualties.
    /// </summary>
    public static DailyReport Of(ReportPeriod period, IEnumerable<CountedEvent> events)
    {
        var previous = period.Previous;
        var all = events.ToList();
        var now = all.Where(e => period.Contains(e.At)).OrderBy(e => e.At).ThenBy(e => e.FirstObservation).ToList();
        var before = all.Where(e => previous.Contains(e.At)).ToList();

        List<ReportLine> Lines(Func<CountedEvent, (string?, string?)> key)
        {
            var nowBy = now.GroupBy(key).ToDictionary(g => g.Key, Figures.Of);
            var beforeBy = before.GroupBy(key).ToDictionary(g => g.Key, Figures.Of);
            return
            [
                .. nowBy.Keys.Union(beforeBy.Keys)
                    .Select(k => new ReportLine(k.Item1, k.Item2, nowBy.GetValueOrDefault(k, Figures.None), beforeBy.GetValueOrDefault(k, Figures.None)))
                    .Where(l => !l.Now.IsEmpty || !l.Before.IsEmpty)
                    .OrderBy(l => l.Oblast is null).ThenBy(l => l.Oblast, StringComparer.Ordinal)
                    .ThenBy(l => l.Sector is null).ThenBy(l => l.Sector, StringComparer.Ordinal),
            ];
        }

        return new DailyReport(
            period,
            previous,
            new ReportLine(null, null, Figures.Of(now), Figures.Of(before)),
            Lines(e => (e.Oblast, null)),
            Lines(e => (e.Oblast, e.SectorCode)),
            [.. now.Where(e => e.WithdrawalBreaches.Count > 0)],
            [.. now.Where(e => e.Type == EventType.RestrictionOfMovement)],
            [.. now.Where(e => e.State is VerificationState.Corroborated or VerificationState.Verified || e.Casualties > 0)],
            now);
    }
}
