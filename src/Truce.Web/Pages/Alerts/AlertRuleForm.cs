using System.Globalization;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Web.Pages.Alerts;

/// <summary>The rule form as the browser sends it: every field text, read into an <see cref="AlertRuleInput"/> with each unreadable number named.</summary>
public sealed class AlertRuleForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; } = "threshold";

    public string? Type { get; set; } = "artillery";

    public string? Sector { get; set; }

    public string? Threshold { get; set; } = "10";

    public string? WindowMinutes { get; set; } = "60";

    public string? Agreement { get; set; }

    public string? Provision { get; set; }

    public string? MarkingLevel { get; set; } = "coalition";

    /// <summary>Members a rel-to rule is released to, separated by commas or spaces.</summary>
    public string? RelTo { get; set; }

    public AlertRuleInput ToInput(ValidationErrors errors)
    {
        var threshold = Kind == "threshold";
        return new AlertRuleInput
        {
            Name = Name,
            Kind = Kind,
            Type = threshold ? Type : null,
            Sector = threshold ? Sector : null,
            Threshold = threshold ? Number(Threshold, errors, "threshold") : null,
            WindowMinutes = threshold ? Number(WindowMinutes, errors, "windowMinutes") : null,
            Agreement = threshold ? null : Agreement,
            Provision = threshold ? null : Number(Provision, errors, "provision"),
            Marking = new MarkingInput
            {
                Level = MarkingLevel,
                RelTo = MarkingLevel == "rel-to" ? [.. (RelTo ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null,
            },
        };
    }

    private static int? Number(string? text, ValidationErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(field, $"'{text}' is not a whole number.");
        return null;
    }
}
