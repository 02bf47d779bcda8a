using System.Security.Claims;
using System.Text;
using Truce.Core.Common;
using Truce.Core.Reports;
using Truce.Storage.Reports;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// The reports over HTTP: the daily report of a date and cut-off (JSON, or as a CSV or GeoJSON file — an
/// export, recorded in the audit trail) and the trend of several days. Open to every signed-in reader (a token
/// needs read); each sees the figures of what their markings let them read.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/daily", Daily)
            .WithSummary("The daily report (OSCE SMM shape): date=YYYY-MM-DD (today in Kyiv when left out), cutoff=HH:mm Kyiv time (19:30 when left out; the period runs from the previous day's cut-off, not included, to this one, included), format=json (the default), csv (the table per oblast and sector with the previous period) or geojson (the period's events as points). Violations and explosions count an incident once. CSV and GeoJSON are exports and are audited.")
            .Produces<DailyReport>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonResults.MediaType);
        reports.MapGet("/weekly", Weekly)
            .WithSummary($"Violations and explosions per report day by oblast: end=YYYY-MM-DD (the last day; today in Kyiv when left out), days (1–{WeeklyTrend.MaxDays}, {WeeklyTrend.DefaultDays} when left out), cutoff=HH:mm Kyiv time.");
        return api;
    }

    private static async Task<IResult> Daily(ReportReads reads, ClaimsPrincipal user, TimeProvider clock, string? date, string? cutoff, string? format, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var period = ReportPeriod.Read(date, cutoff, KyivTime.Today(clock), errors);
        var kind = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (kind is not ("json" or "csv" or "geojson"))
        {
            errors.Add("format", $"'{format}' is not a format of the report; expected json, csv or geojson.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (kind == "json")
        {
            return TypedResults.Ok(await reads.DailyAsync(user.ToPrincipal(), period!, ct));
        }

        var report = await reads.ExportAsync(user.ToPrincipal(), period!, kind, ct);
        return kind == "csv"
            ? TypedResults.File(Encoding.UTF8.GetBytes(ReportFiles.Csv(report)), ReportFiles.CsvMediaType, ReportFiles.FileName(report, "csv"))
            : TypedResults.File(Encoding.UTF8.GetBytes(ReportFiles.GeoJson(report)), GeoJsonResults.MediaType, ReportFiles.FileName(report, "geojson"));
    }

    private static async Task<IResult> Weekly(ReportReads reads, ClaimsPrincipal user, TimeProvider clock, string? end, string? days, string? cutoff, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var last = DomainLimits.ReadDate(end, KyivTime.Today(clock), errors, "end");
        var time = ReportPeriod.ReadCutoff(cutoff, errors, "cutoff");
        var count = WeeklyTrend.DefaultDays;
        if (!string.IsNullOrWhiteSpace(days) && (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > WeeklyTrend.MaxDays))
        {
            errors.Add("days", $"A whole number of days from 1 to {WeeklyTrend.MaxDays}.");
        }

        return errors.IsEmpty ? TypedResults.Ok(await reads.WeeklyAsync(user.ToPrincipal(), last!.Value, count, time!.Value, ct)) : Problems.Invalid(errors);
    }
}
