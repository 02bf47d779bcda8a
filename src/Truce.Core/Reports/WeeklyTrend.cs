using Truce.Core.Verification;

namespace Truce.Core.Reports;

/// <summary>One oblast's figures day by day (null: events no oblast holds), in the order of <see cref="WeeklyTrend.Days"/>.</summary>
public sealed record TrendSeries(string? Oblast, IReadOnlyList<int> Violations, IReadOnlyList<int> Explosions);

/// <summary>
/// Violations and explosions per report day by oblast, over several days ending on a date: each day the
/// period of that day's report (cut-off to cut-off), each event counted once (<see cref="ReportCounting"/>).
/// </summary>
public sealed record WeeklyTrend(IReadOnlyList<DateOnly> Days, TimeOnly Cutoff, IReadOnlyList<TrendSeries> ByOblast, IReadOnlyList<int> Violations, IReadOnlyList<int> Explosions)
{
    public const int DefaultDays = 7;

    public const int MaxDays = 31;

    /// <summary>The window of <paramref name="days"/> reports ending with <paramref name="last"/>'s: after the cut-off before the first day, to the last day's.</summary>
    public static (DateTimeOffset After, DateTimeOffset Until) Window(DateOnly last, int days, TimeOnly cutoff) =>
        (ReportPeriod.Of(last.AddDays(1 - days), cutoff).Start, ReportPeriod.Of(last, cutoff).End);

    public static WeeklyTrend Of(DateOnly last, int days, TimeOnly cutoff, IEnumerable<CountedEvent> events)
    {
        var dates = Enumerable.Range(0, days).Select(i => last.AddDays(i + 1 - days)).ToList();
        var index = dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var (after, until) = Window(last, days, cutoff);
        var counted = events.Where(e => e.At > after && e.At <= until).Select(e => (Event: e, Day: index[ReportPeriod.DateOf(e.At, cutoff)])).ToList();

        int[] Per(IEnumerable<(CountedEvent Event, int Day)> of, Func<CountedEvent, bool> which)
        {
            var perDay = new int[days];
            foreach (var (e, day) in of.Where(x => which(x.Event)))
            {
                perDay[day]++;
            }

            return perDay;
        }

        var series = counted.Where(x => x.Event.IsViolation || x.Event.IsExplosion).GroupBy(x => x.Event.Oblast)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TrendSeries(g.Key, Per(g, e => e.IsViolation), Per(g, e => e.IsExplosion)))
            .ToList();
        return new WeeklyTrend(dates, cutoff, series, Per(counted, e => e.IsViolation), Per(counted, e => e.IsExplosion));
    }
}

/// <summary>One verified violation as the public page shows it: its report day, oblast, type and count; nothing of its sources.</summary>
public sealed record PublicViolation(long Incident, DateOnly Day, DateTimeOffset At, string? Oblast, Monitoring.EventType Type, int Count);

/// <summary>Verified violations per report day and oblast, for the public page.</summary>
public sealed record PublicDay(DateOnly Day, IReadOnlyDictionary<string, int> ByOblast, int Total);

/// <summary>
/// What the public page shows: verified violations — incidents in state verified whose gravest current
/// observation is a violation — per report day (cut-off 19:30 Kyiv time) and oblast, and the latest of them.
/// Storage hands it only what an anonymous reader may read (PUBLIC); this keeps to verified violations again.
/// </summary>
public sealed record PublicSummary(IReadOnlyList<PublicDay> Days, IReadOnlyList<string> Oblasts, IReadOnlyList<PublicViolation> Latest)
{
    public const int LatestShown = 20;

    /// <summary>The key for events no oblast holds (at sea, beyond the border).</summary>
    public const string Elsewhere = "elsewhere";

    public static PublicSummary Of(IEnumerable<CountedEvent> events)
    {
        var verified = events
            .Where(e => e is { State: VerificationState.Verified, IsViolation: true, IncidentId: not null })
            .Select(e => new PublicViolation(e.IncidentId!.Value, ReportPeriod.DateOf(e.At, ReportPeriod.DefaultCutoff), e.At, e.Oblast, e.Type, e.Count))
            .OrderByDescending(v => v.At).ThenByDescending(v => v.Incident)
            .ToList();
        var days = verified.GroupBy(v => v.Day).OrderByDescending(g => g.Key)
            .Select(g => new PublicDay(g.Key, g.GroupBy(v => v.Oblast ?? Elsewhere).ToDictionary(o => o.Key, o => o.Count(), StringComparer.Ordinal), g.Count()))
            .ToList();
        var oblasts = verified.Select(v => v.Oblast ?? Elsewhere).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new PublicSummary(days, oblasts, [.. verified.Take(LatestShown)]);
    }
}
