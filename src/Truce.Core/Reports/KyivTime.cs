namespace Truce.Core.Reports;

/// <summary>
/// Kyiv time as a fixed rule, not the host's time-zone database: Eastern European Time, UTC+2, and summer
/// time, UTC+3, from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the
/// European Union's rule, which Ukraine has kept since 1996). A report's period must not depend on whether
/// the machine has tzdata (a slim container has none) or which version of it (decision 29).
/// </summary>
/// <remarks>
/// Valid from 1996 (the earliest date Truce accepts is 2000). Should Ukraine leave summer time, this rule
/// changes here, with a date from which it applies; <c>KyivTimeTests</c> compares it with the host's
/// <c>Europe/Kyiv</c> where the host has one.
/// </remarks>
public static class KyivTime
{
    public static readonly TimeSpan Standard = TimeSpan.FromHours(2);

    public static readonly TimeSpan Summer = TimeSpan.FromHours(3);

    /// <summary>The offset from UTC in Kyiv at <paramref name="instant"/>.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc >= SummerStarts(utc.Year) && utc < SummerEnds(utc.Year) ? Summer : Standard;
    }

    /// <summary>The instant as a Kyiv wall clock shows it.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    /// <summary>
    /// The instant a Kyiv wall clock shows <paramref name="time"/> on <paramref name="date"/>. A time the clock
    /// skips (03:00–03:59 on the last Sunday of March) is moved on by the hour skipped (03:30 is 04:30 summer
    /// time); a time it shows twice (03:00–03:59 on the last Sunday of October) is its first showing, in summer time.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var asSummer = new DateTimeOffset(local, Summer);

        // Read as standard time, a skipped time falls after summer time began: the hour is moved on.
        return (OffsetAt(asSummer) == Summer ? asSummer : new DateTimeOffset(local, Standard)).ToUniversalTime();
    }

    /// <summary>Today's date on a Kyiv wall clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    private static DateTime SummerStarts(int year) => LastSunday(year, 3).AddHours(1);

    private static DateTime SummerEnds(int year) => LastSunday(year, 10).AddHours(1);

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
