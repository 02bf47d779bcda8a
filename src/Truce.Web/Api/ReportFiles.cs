using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Reports;

namespace Truce.Web.Api;

/// <summary>The daily report as files: its table as CSV (RFC 4180) for spreadsheets, its events as GeoJSON (RFC 7946) for maps.</summary>
public static class ReportFiles
{
    public const string CsvMediaType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "date", "cutoff_kyiv", "oblast", "sector", "violations", "explosions", "violation_count", "explosion_count",
        "previous_violations", "previous_explosions", "previous_violation_count", "previous_explosion_count", "violations_change", "explosions_change",
    ];

    public static string FileName(DailyReport report, string extension) =>
        $"truce-daily-report-{report.Period.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>
    /// One row per oblast and sector of the report's table, then one per oblast (sector <c>all</c>), then the
    /// total (oblast <c>all</c>); an oblast or sector Truce could not place is <c>none</c>.
    /// </summary>
    public static string Csv(DailyReport report)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var line in report.BySector)
        {
            Row(csv, report, line, line.Oblast ?? "none", line.Sector ?? "none");
        }

        foreach (var line in report.ByOblast)
        {
            Row(csv, report, line, line.Oblast ?? "none", "all");
        }

        Row(csv, report, report.Total, "all", "all");
        return csv.ToString();
    }

    /// <summary>The period's counted events as points, with what the report says of each; the period as foreign members of the collection.</summary>
    public static string GeoJson(DailyReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + (report.Events.Count * 400));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("date", report.Period.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("cutoff", report.Period.CutoffText);
            json.WriteString("periodStart", Instant(report.Period.Start));
            json.WriteString("periodEnd", Instant(report.Period.End));
            json.WriteStartArray("features");
            foreach (var e in report.Events)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", e.Key);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(e.Lon);
                json.WriteNumberValue(e.Lat);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("key", e.Key);
                Number(json, "incident", e.IncidentId);
                json.WriteNumber("observation", e.FirstObservation);
                json.WriteString("at", Instant(e.At));
                json.WriteString("type", Kebab.Of(e.Type));
                json.WriteNumber("count", e.Count);
                json.WriteString("verdict", Kebab.Of(e.Worst));
                json.WriteBoolean("violation", e.IsViolation);
                json.WriteBoolean("explosion", e.IsExplosion);
                Text(json, "oblast", e.Oblast);
                Text(json, "sector", e.SectorCode);
                Text(json, "state", e.State is { } state ? Kebab.Of(state) : null);
                json.WriteNumber("reports", e.Reports);
                Text(json, "weapon", e.Weapon);
                Number(json, "calibreMm", e.CalibreMm);
                Number(json, "casualties", e.Casualties);
                json.WriteStartArray("withdrawalBreaches");
                foreach (var breach in e.WithdrawalBreaches)
                {
                    json.WriteStringValue(breach);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Row(StringBuilder csv, DailyReport report, ReportLine line, string oblast, string sector)
    {
        string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        string[] fields =
        [
            report.Period.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Period.CutoffText, Defused(oblast), Defused(sector),
            N(line.Now.Violations), N(line.Now.Explosions), N(line.Now.ViolationCount), N(line.Now.ExplosionCount),
            N(line.Before.Violations), N(line.Before.Explosions), N(line.Before.ViolationCount), N(line.Before.ExplosionCount),
            N(line.ViolationsChange), N(line.ExplosionsChange),
        ];
        csv.Append(string.Join(',', fields.Select(Truce.Core.Common.Csv.Field))).Append("\r\n");
    }

    // A code from an imported layer that began with = + - @ would run as a formula in a spreadsheet; a quote mark defuses it.
    private static string Defused(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
