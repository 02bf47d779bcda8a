using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Reports;
using Truce.Storage.Monitoring;
using Truce.Storage.Reports;
using Truce.Web.Security;

namespace Truce.Web.Pages.Reports;

/// <summary>
/// The daily report as a printable page: its tables, lists and a map of the period's events over the offline
/// basemap (wwwroot/js/reports.js). A date or cut-off that cannot be read is named beside the form, with a 400.
/// </summary>
public sealed class DailyModel(ReportReads reads, ObservationReads observations, TimeProvider clock) : PageModel
{
    public DailyReport? Report { get; private set; }

    public string Date { get; private set; } = string.Empty;

    public string Cutoff { get; private set; } = ReportPeriod.DefaultCutoff.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>When the period holds nothing: the report day of the latest observation the reader may see, to offer it.</summary>
    public DateOnly? Latest { get; private set; }

    public string? Errors => ModelState.IsValid ? null : ModelState.Summary();

    public async Task OnGetAsync(string? date, string? cutoff, CancellationToken ct)
    {
        var today = KyivTime.Today(clock);
        (Date, Cutoff) = (date?.Trim() ?? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cutoff?.Trim() ?? Cutoff);
        var errors = new ValidationErrors();
        var period = ReportPeriod.Read(date, cutoff, today, errors);
        if (period is null)
        {
            this.Invalid(errors);
            return;
        }

        var reader = User.ToPrincipal();
        Report = await reads.DailyAsync(reader, period, ct);
        if (Report.Events.Count == 0 && (await observations.SpanAsync(reader, ct)) is { } span)
        {
            Latest = ReportPeriod.DateOf(span.Last, period.Cutoff);
        }
    }

    /// <summary>The most events the map draws (as the monitoring map): beyond it, the violations first, then the earliest.</summary>
    public const int MapLimit = 5_000;

    /// <summary>What the map draws: each event of the period (up to <see cref="MapLimit"/>) with what its popup says.</summary>
    public object MapData() => new
    {
        Total = Report?.Events.Count ?? 0,
        Events = (Report?.Events ?? []).OrderByDescending(e => e.IsViolation).ThenBy(e => e.At).Take(MapLimit).Select(e => new
        {
            e.Key,
            e.Lat,
            e.Lon,
            Type = Kebab.Of(e.Type),
            Verdict = Kebab.Of(e.Worst),
            e.IsViolation,
            e.IsExplosion,
            Restriction = e.Type == Core.Monitoring.EventType.RestrictionOfMovement,
            At = Labels.Instant(e.At),
            e.Oblast,
            e.Count,
            e.Reports,
            State = e.State is { } s ? Kebab.Of(s) : null,
        }),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A change in words: +3, −2, 0.</summary>
    public static string Change(int change) => change > 0 ? $"+{change}" : change < 0 ? $"−{-change}" : "0";

    public static string Place(string? oblast, string? sector = null) =>
        (oblast ?? "unplaced") + (sector is null ? string.Empty : $", sector {sector}");
}
