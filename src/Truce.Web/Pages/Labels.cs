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
        ["in-force"] = "In force",
        ["accepted-with-conditions"] = "Accepted with conditions",
        ["accepted-in-principle"] = "Accepted in principle",
        ["partial-energy"] = "Partial: energy infrastructure",
        ["partial-maritime"] = "Partial: maritime",
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

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["capabilityCode"] = "planning capability",
        ["unitSize"] = "unit size",
        ["quantityIsUpTo"] = "“up to”",
        ["value.amount"] = "amount",
        ["value.currency"] = "currency",
        ["value.eur"] = "value in euros",
        ["value.fxDate"] = "exchange-rate date",
        ["readinessDays"] = "readiness (days)",
        ["announcedOn"] = "date announced",
    };

    /// <summary>A field of a record as a reader says it: <c>readinessDays</c> → "readiness (days)".</summary>
    public static string Field(string field) =>
        Fields.TryGetValue(field, out var label) ? label : string.Concat(field.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string currency) =>
        $"{currency} {amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture)}";

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Instant(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The style of a marking written as people write it (PUBLIC, REL TO GBR, FRA): marking-public, marking-rel-to.</summary>
    public static string MarkingClass(string marking) => "marking-" + (marking.StartsWith("REL TO", StringComparison.Ordinal) ? "rel-to" : marking.Split(' ')[0].ToLowerInvariant());

    public static string Instant(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
