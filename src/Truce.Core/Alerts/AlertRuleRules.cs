using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Monitoring;

namespace Truce.Core.Alerts;

/// <summary>
/// Checks an <see cref="AlertRuleInput"/> and builds the rule, naming every field at fault and its range: the
/// same rules for the API, the page's form and the CLI. The marking is read beside it by the storage layer's
/// one check (<c>MarkingChecks</c>), which also knows the coalition's members.
/// </summary>
public static class AlertRuleRules
{
    /// <summary>The most events a threshold may ask for: more than any sector sees in a week of heavy fighting.</summary>
    public const int MaxThreshold = 10_000;

    /// <summary>The shortest window: a minute (observations are timed to the minute at best).</summary>
    public const int MinWindowMinutes = 1;

    /// <summary>The longest window: a week — longer trends are the weekly report's, not an alert's.</summary>
    public const int MaxWindowMinutes = 7 * 24 * 60;

    public const int MaxName = 200;

    /// <summary>The highest provision number a rule may name (agreements number theirs from 1; none has a thousand).</summary>
    public const int MaxProvision = 1_000;

    public static AlertRule? Read(AlertRuleInput input, ValidationErrors errors)
    {
        var before = errors.Count;
        var name = TextRules.Read(input.Name, MaxName, errors, "name");
        if (name is null && !errors.Has("name"))
        {
            errors.Add("name", "Required: what people call the rule, e.g. 'Artillery in sector north'.");
        }

        if (!Kebab.TryParse(input.Kind, out AlertRuleKind kind))
        {
            errors.Add("kind", $"'{input.Kind}' is not a kind of rule; expected one of {Kebab.Choices<AlertRuleKind>()}.");
            return null;
        }

        var rule = new AlertRule { Name = name ?? string.Empty, Kind = kind, IsEnabled = input.Enabled ?? true };
        if (kind == AlertRuleKind.Threshold)
        {
            ReadThreshold(input, rule, errors);
        }
        else
        {
            ReadVerifiedViolation(input, rule, errors);
        }

        return errors.Count > before ? null : rule;
    }

    private static void ReadThreshold(AlertRuleInput input, AlertRule rule, ValidationErrors errors)
    {
        if (!Kebab.TryParse(input.Type, out EventType type))
        {
            errors.Add("type", $"'{input.Type}' is not an event type; expected one of {Kebab.Choices<EventType>()}.");
        }

        rule.Type = type;
        rule.SectorCode = TextRules.Read(input.Sector, TextRules.MaxCode, errors, "sector");
        rule.Threshold = Ranged(input.Threshold, 1, MaxThreshold, errors, "threshold", "events (the sum of the observations' counts)");
        rule.WindowMinutes = Ranged(input.WindowMinutes, MinWindowMinutes, MaxWindowMinutes, errors, "windowMinutes", "minutes (up to 7 days)");
        if (!string.IsNullOrWhiteSpace(input.Agreement))
        {
            errors.Add("agreement", "Only a verified-violation rule names an agreement.");
        }

        if (input.Provision is not null)
        {
            errors.Add("provision", "Only a verified-violation rule names a provision.");
        }
    }

    private static void ReadVerifiedViolation(AlertRuleInput input, AlertRule rule, ValidationErrors errors)
    {
        foreach (var (field, given) in new[] { ("type", input.Type is { Length: > 0 }), ("sector", input.Sector is { Length: > 0 }), ("threshold", input.Threshold is not null), ("windowMinutes", input.WindowMinutes is not null) })
        {
            if (given)
            {
                errors.Add(field, "Only a threshold rule counts events; a verified-violation rule fires on every verified violation.");
            }
        }

        rule.AgreementKey = TextRules.Read(input.Agreement, 100, errors, "agreement");
        if (rule.AgreementKey is { } key && !TextRules.IsKey(key))
        {
            errors.Add("agreement", $"'{key}' is not an agreement's key (lower-case words joined by hyphens, e.g. minsk-ii).");
        }

        if (input.Provision is { } provision)
        {
            rule.ProvisionNumber = Ranged(provision, 1, MaxProvision, errors, "provision", "(a provision's number)");
            if (rule.AgreementKey is null && !errors.Has("agreement"))
            {
                errors.Add("provision", "A provision is numbered within its agreement: name the agreement too.");
            }
        }
    }

    private static int? Ranged(int? value, int min, int max, ValidationErrors errors, string field, string what)
    {
        if (value is { } v && v >= min && v <= max)
        {
            return v;
        }

        errors.Add(field, value is null
            ? $"Required: from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)} {what}."
            : $"From {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)} {what}; got {value.Value.ToString("N0", CultureInfo.InvariantCulture)}.");
        return null;
    }
}
