using System.Globalization;
using System.Text.Json.Serialization;
using Truce.Core.Common;

namespace Truce.Core.Reports;

/// <summary>
/// The period a daily report covers: from the previous day's cut-off to this day's, Kyiv time (19:30 unless
/// chosen otherwise, as the OSCE SMM's reports said "as of 19:30"). The period is open at its start and
/// closed at its end — <c>(Start, End]</c> — so an event at exactly the cut-off is in this day's report, as
/// "as of 19:30" means, and never in the next day's too.
/// </summary>
public sealed record ReportPeriod
{
    public static readonly TimeOnly DefaultCutoff = new(19, 30);

    private ReportPeriod(DateOnly date, TimeOnly cutoff)
    {
        (Date, Cutoff) = (date, cutoff);
        Start = KyivTime.ToUtc(date.AddDays(-1), cutoff);
        End = KyivTime.ToUtc(date, cutoff);
    }

    /// <summary>The report's date: its period ends at the cut-off of this day.</summary>
    public DateOnly Date { get; }

    /// <summary>The cut-off on a Kyiv wall clock.</summary>
    public TimeOnly Cutoff { get; }

    /// <summary>The previous day's cut-off, as a UTC instant; not in the period.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>This day's cut-off, as a UTC instant; in the period.</summary>
    public DateTimeOffset End { get; }

    public static ReportPeriod Of(DateOnly date, TimeOnly? cutoff = null) => new(date, cutoff ?? DefaultCutoff);

    /// <summary>The period before this one, which the report compares with (not written out: it would go on for ever).</summary>
    [JsonIgnore]
    public ReportPeriod Previous => new(Date.AddDays(-1), Cutoff);

    public bool Contains(DateTimeOffset instant) => instant > Start && instant <= End;

    /// <summary>The date of the report whose period holds <paramref name="instant"/> at <paramref name="cutoff"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeOnly cutoff)
    {
        var local = KyivTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) > cutoff ? date.AddDays(1) : date;
    }

    /// <summary>The cut-off as people write it, <c>19:30</c>.</summary>
    [JsonIgnore]
    public string CutoffText => Cutoff.ToString("HH:mm", CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} to {End.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (cut-off {CutoffText} Kyiv time)";

    /// <summary>
    /// Reads a report's date (<c>2025-03-20</c>; today in Kyiv when blank) and cut-off (<c>19:30</c>; the
    /// default when blank); what cannot be read is named under <paramref name="dateField"/> or <paramref name="cutoffField"/>.
    /// </summary>
    public static ReportPeriod? Read(string? date, string? cutoff, DateOnly today, ValidationErrors errors, string dateField = "date", string cutoffField = "cutoff")
    {
        var day = DomainLimits.ReadDate(date, today, errors, dateField);
        var time = ReadCutoff(cutoff, errors, cutoffField);
        return day is { } d && time is { } t ? Of(d, t) : null;
    }

    /// <summary>A cut-off as <c>HH:mm</c> on the 24-hour clock; the default (19:30) when none is given.</summary>
    public static TimeOnly? ReadCutoff(string? text, ValidationErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultCutoff;
        }

        var trimmed = text.Trim();
        if (TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, $"Expected a time of day on the 24-hour clock, Kyiv time, such as 19:30; got '{Shown(trimmed)}'.");
        return null;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
