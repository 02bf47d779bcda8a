using System.Globalization;

namespace Truce.Core.Common;

/// <summary>
/// The one reading of "at" for every surface (API, pages, CLI): an instant with its offset
/// (<c>2015-02-15T00:00:00+02:00</c>) or a date alone, which means 00:00 UTC of that day — so a ceasefire
/// that took effect at midnight Kyiv time is in force on its first date, and one that expired at midnight
/// UTC is not on its last.
/// </summary>
public static class Instants
{
    public static DateTimeOffset? Read(string? text, ValidationErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DomainLimits.CheckDate(date, errors, field) ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        }

        if (trimmed.Length >= 16 && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return DomainLimits.CheckDate(DateOnly.FromDateTime(instant.UtcDateTime), errors, field) ? instant : null;
        }

        var shown = trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
        errors.Add(field, $"Expected a date (2015-02-15) or an instant with its offset (2015-02-15T00:00:00+02:00); got '{shown}'.");
        return null;
    }

    /// <summary>A latitude or longitude in degrees within ±<paramref name="limit"/>, in invariant notation; what is wrong is named under <paramref name="field"/>.</summary>
    public static double Degrees(string? text, string field, double limit, ValidationErrors errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
        {
            return value;
        }

        var shown = text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "…";
        errors.Add(field, $"Expected degrees between -{limit} and {limit} (a dot for decimals); got '{shown}'.");
        return 0;
    }
}
