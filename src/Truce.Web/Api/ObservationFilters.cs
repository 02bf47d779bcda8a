using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Storage.Monitoring;

namespace Truce.Web.Api;

/// <summary>
/// The one reading of the observation filters (from, to, bbox, type, verdict, source, side) for the map's
/// endpoint and the monitoring pages: each list comma-separated, each value checked and named when wrong.
/// </summary>
public static class ObservationFilters
{
    /// <summary>The most values one filter may list.</summary>
    public const int MaxValues = 20;

    public static ObservationFilter Read(string? from, string? to, string? bbox, string? type, string? verdict, string? source, string? side, ValidationErrors errors)
    {
        var start = Instants.Read(from, errors, "from");
        var end = Instants.Read(to, errors, "to");
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add("to", "The window ends at or after it starts.");
        }

        return new ObservationFilter(
            start,
            end,
            Boxes.Read(bbox, errors),
            Values(type, "type", errors, text => (Kebab.TryParse(text, out EventType t), t), $"an event type; expected one of {Kebab.Choices<EventType>()}"),
            Values(verdict, "verdict", errors, text => (Kebab.TryParse(text, out WorstVerdict v), v), $"a verdict; expected one of {Kebab.Choices<WorstVerdict>()}"),
            Values(source, "source", errors, text => (IsCode(text), text.ToLowerInvariant()), "a source code (letters, digits and hyphens)"),
            Values(side, "side", errors, text => (IsCode(text), text.ToUpperInvariant()), "a party's code, e.g. UKR or RUS"));
    }

    private static bool IsCode(string text) => text.Length <= TextRules.MaxCode && TextRules.IsKey(text.ToLowerInvariant());

    private static List<T> Values<T>(string? text, string field, ValidationErrors errors, Func<string, (bool Ok, T Value)> read, string expected)
    {
        var values = new List<T>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return values;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxValues)
        {
            errors.Add(field, $"At most {MaxValues.ToString(CultureInfo.InvariantCulture)} values, comma-separated; got {parts.Length.ToString(CultureInfo.InvariantCulture)}.");
            return values;
        }

        foreach (var part in parts)
        {
            var (ok, value) = read(part);
            if (ok)
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, $"'{(part.Length <= 40 ? part : part[..40] + "…")}' is not {expected}.");
            }
        }

        return values;
    }
}
