using System.Globalization;
using System.Text;
using Truce.Core.Commitments;

namespace Truce.Web.Api;

/// <summary>Pledges as CSV (RFC 4180), one row a pledge, lists joined with "; ", for spreadsheets.</summary>
public static class PledgeCsv
{
    private static readonly string[] Header =
    [
        "id", "member", "member_name", "title", "category", "capability", "quantity", "unit", "up_to", "amount", "currency", "eur", "fx_date",
        "stage", "readiness_days", "announced_on", "conditions", "caveats", "sources", "confidence", "illustrative", "marking", "version", "updated_at", "updated_by",
    ];

    public static string Write(IEnumerable<PledgeView> pledges)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (var p in pledges)
        {
            Row(csv,
            [
                Text(p.Id), p.Member, p.MemberName, p.Title, p.Category, p.Capability, Text(p.Quantity), p.Unit, p.QuantityIsUpTo ? "true" : "false",
                Text(p.Value?.Amount), p.Value?.Currency, Text(p.Value?.Eur), p.Value?.FxDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.Stage, Text(p.ReadinessDays), p.AnnouncedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Join("; ", p.Conditions.Select(c => c.Kind)), string.Join("; ", p.Caveats), string.Join("; ", p.Sources.Select(s => s.Url)),
                p.Confidence, string.Join("; ", p.Illustrative), p.Marking.Label, Text(p.Version), p.UpdatedAt.ToString("O", CultureInfo.InvariantCulture), p.UpdatedBy,
            ]);
        }

        return csv.ToString();
    }

    private static string? Text<T>(T? value)
        where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string Text<T>(T value)
        where T : struct, IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i] ?? string.Empty;

            // A leading = + - @ would run as a formula in a spreadsheet; a quote mark defuses it.
            if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
            {
                field = "'" + field;
            }

            csv.Append(field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }

        csv.Append("\r\n");
    }
}
