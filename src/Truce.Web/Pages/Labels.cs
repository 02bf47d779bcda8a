using System.Globalization;

namespace Truce.Web.Pages;

/// <summary>Turns the kebab-case words of the API into what a person reads on a page.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["isr"] = "ISR",
        ["us-backstop"] = "US backstop",
        ["un-mandate"] = "UN mandate",
        ["us-involvement"] = "US involvement",
        ["no-basing-in-ukraine"] = "No basing in Ukraine",
        ["co-lead"] = "Co-lead",
        ["in-person"] = "In person",
        ["military-aid"] = "Military aid",
        ["air-defence"] = "Air defence",
    };

    public static string Of(string? kebab)
    {
        if (string.IsNullOrEmpty(kebab))
        {
            return string.Empty;
        }

        if (Special.TryGetValue(kebab, out var label))
        {
            return label;
        }

        var words = kebab.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture)}";

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Instant(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
