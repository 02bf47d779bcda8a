using System.Globalization;
using System.Text.RegularExpressions;
using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Core.Candidates;

/// <summary>What a statement says of a pledge: a number of something a member would send, a sum of money, a condition.</summary>
/// <param name="Category">The pledge category its words point to (kebab), or null when they name none.</param>
/// <param name="Words">The words of the statement that say it, for the reason.</param>
public sealed record PledgeSignal(string? Category, long? Quantity, string? Unit, long? Amount, string? Currency, string Words);

/// <summary>
/// The general words of an announced or conditioned pledge, in any article: a count of troops, aircraft or ships
/// ("10,000 troops", "two frigates", "up to 12 jets"), a sum of money ("£1.6 billion", "€3bn", "2 billion euros"),
/// an offer of a kind of force without a number ("boots on the ground", "send troops"), and the conditions a pledge
/// is given under ("a US backstop", "after a ceasefire", "a UN mandate", "a vote in parliament").
/// </summary>
public static class PledgeWords
{
    // No timeout: every pattern here is bounded (no nested unbounded quantifiers), so a match is linear in the
    // statement; a clock would only fire when a loaded machine JIT-compiles a pattern on its first use.
    private static readonly TimeSpan Limit = Regex.InfiniteMatchTimeout;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static readonly Dictionary<string, long> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["a hundred"] = 100, ["a thousand"] = 1000, ["dozen"] = 12, ["a dozen"] = 12,
    };

    // The noun counted, and the category of pledge it belongs to.
    private static readonly (string Nouns, PledgeCategory Category, string Unit)[] Counted =
    [
        ("troops|soldiers|personnel|servicemen|service members|service personnel|peacekeepers|military personnel", PledgeCategory.Troops, "troops"),
        ("battalions?|brigades?", PledgeCategory.Troops, "units"),
        ("air defen[cs]e systems?|air-defen[cs]e systems?|Patriot systems?|Patriot batteries|batteries", PledgeCategory.AirDefence, "systems"),
        ("fighter jets|fighters|jets|aircraft|warplanes|planes|helicopters", PledgeCategory.Air, "aircraft"),
        ("warships|ships|vessels|frigates|destroyers|minehunters|submarines", PledgeCategory.Maritime, "ships"),
    ];

    private static readonly string NumberPattern =
        @"(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s?(?:thousand|k))?|" + string.Join('|', NumberWords.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + ")";

    private static readonly (Regex Pattern, PledgeCategory Category, string Unit)[] Counts =
    [
        .. Counted.Select(c => (new Regex($@"(?<![\w,.]){NumberPattern}(?:\s+(?:more|additional|extra|British|French|German|European|combat|fighter|navy|naval|ground|new|of\s+its|of\s+our|of\s+their)){{0,2}}\s+(?<noun>{c.Nouns})\b", Options, Limit), c.Category, c.Unit)),
    ];

    private static readonly Regex Money = new(
        @"(?<cur>[£€$])\s?(?<n>\d+(?:[.,]\d+)?)\s?(?<mag>billion|bn|million|mn|m)\b|(?<n>\d+(?:\.\d+)?)\s(?<mag>billion|million)\s(?<cur>pounds|euros|dollars|sterling)\b",
        Options, Limit);

    private static readonly Regex MilitaryAid = new(@"\b(military aid|weapons|arms|ammunition|missiles|equipment|air defen[cs]e)\b", Options, Limit);

    // An offer of a kind of force without a number.
    private static readonly (Regex Pattern, PledgeCategory Category)[] Offers =
    [
        (new Regex(@"\bboots on the ground\b|\b(?:send|sending|sent|deploy|deploying|deployed|put|putting|contribute|contributing|commit|committing|offer|offering|provide|providing)\s+(?:\w+\s+){0,3}?(?:troops|soldiers|forces|personnel|peacekeepers)\b", Options, Limit), PledgeCategory.Troops),
        (new Regex(@"\bplanes in the air\b|\b(?:send|sending|deploy|deploying|contribute|contributing|commit|committing|offer|offering|provide|providing)\s+(?:\w+\s+){0,3}?(?:jets|aircraft|warplanes|planes|air power)\b", Options, Limit), PledgeCategory.Air),
        (new Regex(@"\bships at sea\b|\b(?:send|sending|deploy|deploying|contribute|contributing|commit|committing|offer|offering|provide|providing)\s+(?:\w+\s+){0,3}?(?:warships|ships|vessels|naval)\b", Options, Limit), PledgeCategory.Maritime),
    ];

    private static readonly (Regex Pattern, ConditionKind Kind)[] ConditionPatterns =
    [
        (new Regex(@"\bbackstop\b", Options, Limit), ConditionKind.UsBackstop),
        (new Regex(@"\b(?:after|once|following|when|if|until)\s+(?:there\s+is\s+|there's\s+)?(?:a|an|the|any)?\s*(?:lasting\s+|durable\s+|full\s+)?(?:ceasefire|cease-fire|truce|peace deal|peace agreement|peace settlement)\b|\bin\s+the\s+event\s+of\s+(?:a|any)\s+(?:ceasefire|cease-fire|truce|peace deal|peace agreement)\b|\bpost-ceasefire\b|\b(?:ceasefire|peace deal)\s+(?:is|was|has been)\s+(?:agreed|reached|signed|in place)\b", Options, Limit), ConditionKind.AfterCeasefire),
        (new Regex(@"\b(?:UN|U\.N\.|United Nations)(?:\s+Security\s+Council)?\s+mandate\b|\bmandate\s+(?:from|of)\s+the\s+(?:UN|U\.N\.|United Nations)\b", Options, Limit), ConditionKind.UnMandate),
        (new Regex(@"\bparliament(?:ary)?\s+(?:vote|approval|would\s+vote|will\s+vote|must\s+approve|would\s+have\s+to\s+approve)\b|\b(?:vote|approval)\s+(?:in|of|by)\s+(?:parliament|the\s+Bundestag|the\s+Commons|the\s+House\s+of\s+Commons|the\s+National\s+Assembly)\b", Options, Limit), ConditionKind.ParliamentaryApproval),
    ];

    /// <summary>The pledges a statement announces, one a category (in the order the text gives them), with the number or sum when it gives one.</summary>
    public static IReadOnlyList<PledgeSignal> Signals(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var found = new List<(int At, PledgeSignal Signal)>();
        foreach (var (pattern, category, unit) in Counts)
        {
            if (pattern.Match(quote) is { Success: true } m)
            {
                found.Add((m.Index, new PledgeSignal(Kebab.Of(category), Number(m.Groups["n"].Value), unit, null, null, m.Value)));
            }
        }

        if (Money.Match(quote) is { Success: true } money)
        {
            var category = MilitaryAid.IsMatch(quote) ? PledgeCategory.MilitaryAid : PledgeCategory.Funding;
            found.Add((money.Index, new PledgeSignal(Kebab.Of(category), null, null, Amount(money), Currency(money.Groups["cur"].Value), money.Value)));
        }

        foreach (var (pattern, category) in Offers)
        {
            var word = Kebab.Of(category);
            if (!found.Exists(f => f.Signal.Category == word) && pattern.Match(quote) is { Success: true } m)
            {
                found.Add((m.Index, new PledgeSignal(word, null, null, null, null, m.Value)));
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => f.Signal)];
    }

    /// <summary>The conditions a statement attaches (kebab words of <see cref="ConditionKind"/>) with the words that say each.</summary>
    public static IReadOnlyList<(string Kind, string Words)> Conditions(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return [.. ConditionPatterns.Select(c => (c.Kind, Match: c.Pattern.Match(quote))).Where(c => c.Match.Success).Select(c => (Kebab.Of(c.Kind), c.Match.Value))];
    }

    private static long? Number(string text)
    {
        if (NumberWords.TryGetValue(text, out var word))
        {
            return word;
        }

        var thousands = text.EndsWith("thousand", StringComparison.OrdinalIgnoreCase) || text.EndsWith('k') || text.EndsWith('K');
        var digits = Regex.Replace(text, @"[^\d.]", string.Empty, RegexOptions.None, Limit);
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? (long)Math.Round(thousands ? value * 1000 : value)
            : null;
    }

    private static long? Amount(Match money)
    {
        var n = money.Groups["n"].Value.Replace(',', '.');
        if (!decimal.TryParse(n, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var magnitude = money.Groups["mag"].Value.ToLowerInvariant() is "billion" or "bn" ? 1_000_000_000m : 1_000_000m;
        return (long)Math.Round(value * magnitude);
    }

    private static string Currency(string word) => word.ToLowerInvariant() switch
    {
        "£" or "pounds" or "sterling" => "GBP",
        "€" or "euros" => "EUR",
        _ => "USD",
    };
}
