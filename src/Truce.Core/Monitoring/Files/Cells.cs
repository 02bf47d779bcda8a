using System.Globalization;

namespace Truce.Core.Monitoring.Files;

/// <summary>
/// Reading one CSV cell as a number or an instant, in invariant notation (a dot for decimals), naming the
/// column and the value when it cannot be read. An empty cell is "not given", never zero.
/// </summary>
internal static class Cells
{
    public const int MaxShown = 80;

    /// <summary>The value as a rejection shows it: at most 80 characters, then "…".</summary>
    public static string? Shown(string? value) => value is null || value.Length <= MaxShown ? value : value[..MaxShown] + "…";

    /// <summary>The cell at <paramref name="column"/>; null when the column is absent or the cell blank.</summary>
    public static string? At(IReadOnlyList<string> fields, int column) =>
        column < 0 || column >= fields.Count || string.IsNullOrWhiteSpace(fields[column]) ? null : fields[column];

    public static double? Number(string? text, int row, string column, ref List<Rejection>? rejections)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Reject(ref rejections, row, column, $"Expected a number with a dot for decimals, e.g. 48.0159; '{Shown(text)}' is not one.", text);
        return null;
    }

    public static int? Whole(string? text, int row, string column, ref List<Rejection>? rejections)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Reject(ref rejections, row, column, $"Expected a whole number, e.g. 3; '{Shown(text)}' is not one.", text);
        return null;
    }

    /// <summary>An instant as <see cref="Common.Instants"/> reads one: a date alone (00:00 UTC) or ISO 8601 with its offset (none means UTC).</summary>
    public static DateTimeOffset? Instant(string? text, int row, string column, ref List<Rejection>? rejections)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 10 && DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (trimmed.Length >= 16 && trimmed[4] == '-' && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        Reject(ref rejections, row, column, $"Expected a date such as 2025-03-20 or an instant such as 2025-03-20T10:12:00Z; '{Shown(text)}' is neither.", text);
        return null;
    }

    /// <summary>The end of a day: 23:59:59 UTC, the last instant an event dated to that day may have happened in.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static void Reject(ref List<Rejection>? rejections, int row, string column, string reason, string? value) =>
        (rejections ??= []).Add(new Rejection(row, column, reason, Shown(value)));

    /// <summary>A field path without its list index and the index: <c>attachments[2]</c> → (<c>attachments</c>, 2); -1 when none.</summary>
    public static (string Path, int Item) Split(string path)
    {
        if (path.EndsWith(']') && path.LastIndexOf('[') is var open and > 0
            && int.TryParse(path.AsSpan(open + 1, path.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var item))
        {
            return (path[..open], item);
        }

        return (path, -1);
    }
}
