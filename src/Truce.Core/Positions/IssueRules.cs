using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Positions;

/// <summary>
/// Checks an <see cref="IssueInput"/> and builds the issue, naming every field at fault under <c>at</c>
/// (<c>issues[1].options[2].code</c>). Whether its parties are actors Truce knows is checked by the caller, which knows them.
/// </summary>
public static class IssueRules
{
    public const int MaxTitle = 300;
    public const int MaxWords = 300;

    /// <summary>A range issue's domain lies within 0 and <see cref="DomainLimits.MaxQuantity"/>: counts of troops, tanks, km, billions.</summary>
    public const long MaxDomain = DomainLimits.MaxQuantity;

    public static NegotiationIssue? Read(IssueInput input, ValidationErrors errors, string at = "")
    {
        string Field(string name) => at.Length == 0 ? name : $"{at}.{name}";
        var before = errors.Count;

        var code = PositionRules.Key(input.Code, errors, Field("code"), "the issue's key, e.g. foreign-troops");
        var title = PositionRules.Required(TextRules.Read(input.Title, MaxTitle, errors, Field("title")), errors, Field("title"), "the issue in words, e.g. Foreign troops in Ukraine");
        var knownKind = Kebab.TryParse(input.Kind, out IssueKind kind);
        if (!knownKind)
        {
            errors.Add(Field("kind"), $"'{input.Kind}' is not a kind of issue; expected one of {Kebab.Choices<IssueKind>()}.");
        }

        // Options and domain are read only once the kind says which of the two the issue should have.
        var issue = new NegotiationIssue { Code = code ?? string.Empty, Title = title ?? string.Empty, Kind = kind };
        if (knownKind && kind == IssueKind.Options)
        {
            ReadOptions(input, issue, errors, Field);
        }
        else if (knownKind)
        {
            ReadDomain(input, issue, errors, Field);
        }

        if (TextRules.CheckList(input.Parties, errors, Field("parties")))
        {
            for (var i = 0; i < (input.Parties?.Count ?? 0); i++)
            {
                if (TextRules.Read(input.Parties![i], TextRules.MaxCode, errors, $"{Field("parties")}[{i}]") is not { } party)
                {
                    continue;
                }

                if (issue.Parties.Contains(party))
                {
                    errors.Add($"{Field("parties")}[{i}]", $"{party} is already a party to this issue.");
                }
                else
                {
                    issue.Parties.Add(party);
                }
            }
        }

        // A zone of agreement among fewer than two parties is no negotiation.
        if (issue.Parties.Count < 2 && !errors.Has(Field("parties")))
        {
            errors.Add(Field("parties"), "At least two parties must agree on an issue: their actor codes, e.g. [\"UKR\", \"RUS\"].");
        }

        issue.Marking = MarkingRules.Read(input.Marking, owner: string.Empty, errors) ?? Marking.Coalition();
        return errors.Count > before ? null : issue;
    }

    private static void ReadOptions(IssueInput input, NegotiationIssue issue, ValidationErrors errors, Func<string, string> field)
    {
        if (input.Unit is not null || input.Minimum is not null || input.Maximum is not null)
        {
            errors.Add(field(input.Unit is not null ? "unit" : input.Minimum is not null ? "minimum" : "maximum"), "Only a range issue has a unit and a domain; this one has options.");
        }

        if (!TextRules.CheckList(input.Options, errors, field("options")))
        {
            return;
        }

        for (var i = 0; i < (input.Options?.Count ?? 0); i++)
        {
            if (input.Options![i] is not { } o)
            {
                continue;
            }

            var at = $"{field("options")}[{i}]";
            var code = PositionRules.Key(o.Code, errors, at + ".code", "the option's key, e.g. reassurance-force");
            var words = PositionRules.Required(TextRules.Read(o.Words, MaxWords, errors, at + ".words"), errors, at + ".words", "the option as a sentence says it, e.g. a reassurance force after a ceasefire");
            if (code is not null && issue.Option(code) is not null)
            {
                errors.Add(at + ".code", $"'{code}' is already an option of this issue.");
            }
            else if (code is not null && words is not null)
            {
                issue.Options.Add(new IssueOption { Code = code, Words = words });
            }
        }

        // One option leaves nothing to negotiate; the zone of agreement would be decided by the issue, not the parties.
        if ((input.Options?.Count ?? 0) < 2 && !errors.Has(field("options")))
        {
            errors.Add(field("options"), "An options issue has at least two options, each with a code and words.");
        }
    }

    private static void ReadDomain(IssueInput input, NegotiationIssue issue, ValidationErrors errors, Func<string, string> field)
    {
        if (input.Options is { Count: > 0 })
        {
            errors.Add(field("options"), "Only an options issue has options; this one is a range.");
        }

        issue.Unit = PositionRules.Required(TextRules.Read(input.Unit, TextRules.MaxCode, errors, field("unit")), errors, field("unit"), "what the range counts, e.g. troops");
        var min = input.Minimum ?? 0;
        if (min is < 0 or > MaxDomain)
        {
            errors.Add(field("minimum"), $"From 0 to {MaxDomain.ToString("N0", CultureInfo.InvariantCulture)}; got {min.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (input.Maximum is not { } max)
        {
            errors.Add(field("maximum"), "Required: the largest value a position may name, e.g. 2000000 troops.");
        }
        else if (max <= min || max > MaxDomain)
        {
            errors.Add(field("maximum"), $"Above the minimum ({min.ToString("N0", CultureInfo.InvariantCulture)}) and at most {MaxDomain.ToString("N0", CultureInfo.InvariantCulture)}; got {max.ToString(CultureInfo.InvariantCulture)}.");
        }
        else
        {
            (issue.Minimum, issue.Maximum) = (min, max);
        }
    }
}
