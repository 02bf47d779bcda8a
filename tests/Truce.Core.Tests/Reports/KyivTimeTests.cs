using Truce.Core.Common;
using Truce.Core.Reports;

namespace Truce.Core.Tests.Reports;

/// <summary>Kyiv time by Truce's own rule, the report's period around the cut-off, and the rule against the host's time-zone data where there is one.</summary>
public sealed class KyivTimeTests
{
    [Theory]
    [InlineData("2025-03-20", "2025-03-19T17:30:00Z", "2025-03-20T17:30:00Z")] // winter: UTC+2
    [InlineData("2025-06-10", "2025-06-09T16:30:00Z", "2025-06-10T16:30:00Z")] // summer: UTC+3
    [InlineData("2025-03-31", "2025-03-30T16:30:00Z", "2025-03-31T16:30:00Z")] // the day after the clocks go forward: both cut-offs in summer time
    [InlineData("2025-03-30", "2025-03-29T17:30:00Z", "2025-03-30T16:30:00Z")] // the day they go forward: 23 hours
    [InlineData("2025-10-26", "2025-10-25T16:30:00Z", "2025-10-26T17:30:00Z")] // the day they go back: 25 hours
    public void A_days_period_runs_from_the_previous_cut_off_to_this_one_at_19_30_Kyiv_time(string date, string start, string end)
    {
        var period = ReportPeriod.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(period.Start, period.Previous.End);
    }

    [Fact]
    public void An_event_exactly_at_the_cut_off_is_in_that_days_report_and_not_the_next()
    {
        var day = ReportPeriod.Of(new DateOnly(2025, 3, 20));
        var next = ReportPeriod.Of(new DateOnly(2025, 3, 21));

        Assert.True(day.Contains(day.End));
        Assert.False(next.Contains(day.End));
        Assert.False(day.Contains(day.Start));
        Assert.Equal(new DateOnly(2025, 3, 20), ReportPeriod.DateOf(day.End, ReportPeriod.DefaultCutoff));
        Assert.Equal(new DateOnly(2025, 3, 21), ReportPeriod.DateOf(day.End.AddTicks(10), ReportPeriod.DefaultCutoff));
    }

    [Fact]
    public void A_skipped_time_moves_on_by_the_hour_and_a_repeated_one_is_its_first_showing()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), KyivTime.ToUtc(new DateOnly(2025, 3, 30), new TimeOnly(3, 30)));
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), KyivTime.ToUtc(new DateOnly(2025, 10, 26), new TimeOnly(3, 30)));
    }

    [Theory]
    [InlineData("2025-3-20", null, "date")]
    [InlineData("20/03/2025", null, "date")]
    [InlineData("1999-12-31", null, "date")]
    [InlineData("2025-03-20", "7.30pm", "cutoff")]
    [InlineData("2025-03-20", "24:00", "cutoff")]
    public void A_date_or_cut_off_that_cannot_be_read_is_named(string date, string? cutoff, string field)
    {
        var errors = new ValidationErrors();

        Assert.Null(ReportPeriod.Read(date, cutoff, new DateOnly(2025, 1, 1), errors));
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void The_rule_agrees_with_the_hosts_Europe_Kyiv_from_2000_to_2030()
    {
        // Older tzdata spells it Europe/Kiev.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kyiv", out var zone) && !TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Kiev", out zone))
        {
            Assert.Skip("This machine has no time-zone data (tzdata); the rule stands on its own here.");
        }

        var differ = new List<string>();
        for (var at = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero); at.Year < 2031; at = at.AddMinutes(30))
        {
            if (zone.GetUtcOffset(at) != KyivTime.OffsetAt(at))
            {
                differ.Add($"{at:u}: host {zone.GetUtcOffset(at)}, rule {KyivTime.OffsetAt(at)}");
            }
        }

        Assert.True(differ.Count == 0, string.Join("\n", differ.Take(10)));
    }
}
