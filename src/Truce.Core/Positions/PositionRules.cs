using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Positions;

/// <summary>
/// Checks a <see cref="PositionInput"/> against its issue and builds the position, naming every field at fault under
/// <c>at</c> (<c>positions[2].acceptable</c>, <c>positions[4].range.high</c>): the answers are the issue's own, the
/// preferred answer is acceptable, nothing acceptable lies behind the red line, and a range lies in the issue's domain.
/// </summary>
public static class PositionRules
{
    public const int MaxStance = 1000;

    /// <summary>The fields a position may list as illustrative (no source gives their value; <c>asOf</c> when a source gives the year, not the day).</summary>
    public static readonly IReadOnlyList<string> IllustrativeFields = ["asOf", "preferred", "acceptable", "redLine", "preferredValue", "range", "refusesBelow", "refusesAbove"];

    /// <param name="issues">The issues by code; a position names one of them.</param>
    /// <param name="owner">The member a NATIONAL marking belongs to: the writer's, who assessed the position (a file's positions: the party).</param>
    public static Position? Read(PositionInput input, IReadOnlyDictionary<string, NegotiationIssue> issues, ValidationErrors errors, string at = "", string? owner = null)
    {
        string Field(string name) => at.Length == 0 ? name : $"{at}.{name}";
        var before = errors.Count;

        var party = Required(TextRules.Read(input.Party, TextRules.MaxCode, errors, Field("party")), errors, Field("party"), "the party's actor code, e.g. RUS");
        var issueCode = Key(input.Issue, errors, Field("issue"), "the issue's key, e.g. foreign-troops");
        NegotiationIssue? issue = null;
        if (issueCode is not null && !issues.TryGetValue(issueCode, out issue))
        {
            errors.Add(Field("issue"), $"'{issueCode}' is not an issue; expected one of {string.Join(", ", issues.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (input.AsOf is not { } asOf)
        {
            errors.Add(Field("asOf"), "Required: the day the position was stated (yyyy-MM-dd).");
        }
        else
        {
            DomainLimits.CheckDate(asOf, errors, Field("asOf"));
        }

        var position = new Position
        {
            PartyCode = party ?? string.Empty,
            IssueCode = issueCode ?? string.Empty,
            AsOf = input.AsOf ?? default,
            Stance = Required(TextRules.Read(input.Stance, MaxStance, errors, Field("stance"), multiline: true), errors, Field("stance"), "the position in words") ?? string.Empty,
            Sources = CitationRules.Read(input.Sources, errors, Field("sources"), required: "the statement or document the position rests on"),
            Marking = MarkingRules.Read(input.Marking, owner ?? party ?? string.Empty, errors) ?? Marking.Coalition(),
        };

        if (issue?.Kind == IssueKind.Options)
        {
            ReadOptions(input, issue, position, errors, Field);
        }
        else if (issue?.Kind == IssueKind.Range)
        {
            ReadRange(input, issue, position, errors, Field);
        }

        if (TextRules.CheckList(input.Illustrative, errors, Field("illustrative")))
        {
            for (var i = 0; i < (input.Illustrative?.Count ?? 0); i++)
            {
                var name = input.Illustrative![i]?.Trim();
                if (name is null)
                {
                    continue;
                }

                if (!IllustrativeFields.Contains(name))
                {
                    errors.Add($"{Field("illustrative")}[{i}]", $"'{name}' is not a field that can be illustrative; expected one of {string.Join(", ", IllustrativeFields)}.");
                }
                else if (!position.Illustrative.Contains(name))
                {
                    position.Illustrative.Add(name);
                }
            }
        }

        return errors.Count > before ? null : position;
    }

    private static void ReadOptions(PositionInput input, NegotiationIssue issue, Position position, ValidationErrors errors, Func<string, string> field)
    {
        const string Other = "A range issue's field; this issue has options.";
        foreach (var (name, value) in new (string, object?)[] { ("preferredValue", input.PreferredValue), ("range", input.Range), ("refusesBelow", input.RefusesBelow), ("refusesAbove", input.RefusesAbove) })
        {
            if (value is not null)
            {
                errors.Add(field(name), Other);
            }
        }

        var before = errors.Count;
        var acceptable = Codes(input.Acceptable, issue, errors, field("acceptable"));
        var named = errors.Count > before;
        var redLine = Codes(input.RedLine, issue, errors, field("redLine"));
        if (acceptable.Count == 0 && !named)
        {
            errors.Add(field("acceptable"), $"At least one option the party would accept; expected codes among {Choices(issue)}.");
        }

        var both = acceptable.Intersect(redLine).ToList();
        if (both.Count > 0)
        {
            errors.Add(field("redLine"), $"A red line refuses what the party would not accept; {string.Join(", ", both)} is also acceptable.");
        }

        if (input.Preferred is not null)
        {
            var preferred = input.Preferred.Trim();
            if (issue.Option(preferred) is null)
            {
                errors.Add(field("preferred"), $"'{preferred}' is not an option of {issue.Code}; expected one of {Choices(issue)}.");
            }
            else if (!acceptable.Contains(preferred))
            {
                errors.Add(field("preferred"), $"The preferred option '{preferred}' must be among the acceptable ones.");
            }

            position.Preferred = preferred;
        }

        // Kept in the issue's order, so a set reads the same however it was written.
        position.Acceptable = issue.Options.Select(o => o.Code).Where(acceptable.Contains).ToList();
        position.RedLine = issue.Options.Select(o => o.Code).Where(redLine.Contains).ToList();
    }

    private static void ReadRange(PositionInput input, NegotiationIssue issue, Position position, ValidationErrors errors, Func<string, string> field)
    {
        const string Other = "An options issue's field; this issue is a range.";
        if (input.Preferred is not null)
        {
            errors.Add(field("preferred"), Other + " Use preferredValue.");
        }

        if (input.Acceptable is not null)
        {
            errors.Add(field("acceptable"), Other + " Use range.");
        }

        if (input.RedLine is not null)
        {
            errors.Add(field("redLine"), Other + " Use refusesBelow or refusesAbove.");
        }

        var (min, max) = (issue.Minimum ?? 0, issue.Maximum ?? 0);
        string Domain() => $"from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)} {issue.Unit}";
        bool InDomain(long? value, string name)
        {
            if (value is not { } v || (v >= min && v <= max))
            {
                return true;
            }

            errors.Add(field(name), $"Within the issue's domain, {Domain()}; got {v.ToString("N0", CultureInfo.InvariantCulture)}.");
            return false;
        }

        if (input.Range is not { } range)
        {
            errors.Add(field("range"), $"Required: the range the party would accept, {{ \"low\": …, \"high\": … }}, {Domain()}.");
            return;
        }

        // A missing end is the domain's: "at most 600,000" is [min, 600,000].
        var low = range.Low ?? min;
        var high = range.High ?? max;
        var ok = InDomain(low, "range.low") & InDomain(high, "range.high");
        if (ok && low > high)
        {
            errors.Add(field("range"), $"The low end ({low.ToString("N0", CultureInfo.InvariantCulture)}) is above the high end ({high.ToString("N0", CultureInfo.InvariantCulture)}).");
            ok = false;
        }

        if (InDomain(input.PreferredValue, "preferredValue") && ok && input.PreferredValue is { } preferred && (preferred < low || preferred > high))
        {
            errors.Add(field("preferredValue"), "The preferred value must lie in the acceptable range.");
        }

        if (InDomain(input.RefusesBelow, "refusesBelow") && ok && input.RefusesBelow is { } below && low < below)
        {
            errors.Add(field("refusesBelow"), $"The party refuses anything below {below.ToString("N0", CultureInfo.InvariantCulture)}, yet its range starts at {low.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        if (InDomain(input.RefusesAbove, "refusesAbove") && ok && input.RefusesAbove is { } above && high > above)
        {
            errors.Add(field("refusesAbove"), $"The party refuses anything above {above.ToString("N0", CultureInfo.InvariantCulture)}, yet its range ends at {high.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        (position.Low, position.High, position.PreferredValue, position.RefusesBelow, position.RefusesAbove) = (low, high, input.PreferredValue, input.RefusesBelow, input.RefusesAbove);
    }

    private static List<string> Codes(List<string?>? codes, NegotiationIssue issue, ValidationErrors errors, string field)
    {
        var read = new List<string>();
        if (!TextRules.CheckList(codes, errors, field))
        {
            return read;
        }

        for (var i = 0; i < (codes?.Count ?? 0); i++)
        {
            var code = codes![i]?.Trim();
            if (code is null)
            {
                continue;
            }

            if (issue.Option(code) is null)
            {
                errors.Add($"{field}[{i}]", $"'{code}' is not an option of {issue.Code}; expected one of {Choices(issue)}.");
            }
            else if (read.Contains(code))
            {
                errors.Add($"{field}[{i}]", $"'{code}' is listed twice.");
            }
            else
            {
                read.Add(code);
            }
        }

        return read;
    }

    private static string Choices(NegotiationIssue issue) => string.Join(", ", issue.Options.Select(o => o.Code));

    internal static string? Required(string? value, ValidationErrors errors, string field, string what)
    {
        if (value is null && !errors.Has(field))
        {
            errors.Add(field, $"Required: {what}.");
        }

        return value;
    }

    /// <summary>A kebab key, required, named under <paramref name="field"/> when missing or misspelt.</summary>
    internal static string? Key(string? text, ValidationErrors errors, string field, string what)
    {
        var key = Required(TextRules.Read(text, 100, errors, field), errors, field, what);
        if (key is not null && !TextRules.IsKey(key))
        {
            errors.Add(field, $"'{key}' is not a key; expected lower-case letters, digits and hyphens.");
            return null;
        }

        return key;
    }
}
