using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Reports;
using Truce.Storage.Reports;
using Truce.Web.Security;

namespace Truce.Web.Pages.Reports;

/// <summary>The trend of the last days: violations and explosions per report day by oblast, charted by wwwroot/js/weekly.js from the figures rendered into the page.</summary>
public sealed class WeeklyModel(ReportReads reads, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<int> DayChoices = [7, 14, 28];

    public WeeklyTrend? Trend { get; private set; }

    public string End { get; private set; } = string.Empty;

    public int Days { get; private set; } = WeeklyTrend.DefaultDays;

    public string Cutoff { get; private set; } = ReportPeriod.DefaultCutoff.ToString("HH:mm", CultureInfo.InvariantCulture);

    public string? Errors => ModelState.IsValid ? null : ModelState.Summary();

    public async Task OnGetAsync(string? end, int? days, string? cutoff, CancellationToken ct)
    {
        var today = KyivTime.Today(clock);
        (End, Cutoff) = (end?.Trim() ?? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cutoff?.Trim() ?? Cutoff);
        var errors = new ValidationErrors();
        var last = DomainLimits.ReadDate(end, today, errors, "end");
        var time = ReportPeriod.ReadCutoff(cutoff, errors, "cutoff");
        if (days is { } d && d is < 1 or > WeeklyTrend.MaxDays)
        {
            errors.Add("days", $"From 1 to {WeeklyTrend.MaxDays} days.");
        }
        else if (days is { } chosen)
        {
            Days = chosen;
        }

        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
            return;
        }

        Trend = await reads.WeeklyAsync(User.ToPrincipal(), last!.Value, Days, time!.Value, ct);
    }

    /// <summary>What the charts draw.</summary>
    public object ChartData() => new
    {
        Days = Trend!.Days.Select(d => d.ToString("d MMM", CultureInfo.InvariantCulture)),
        Series = Trend.ByOblast.Select(s => new { Oblast = s.Oblast ?? "unplaced", s.Violations, s.Explosions }),
    };
}
