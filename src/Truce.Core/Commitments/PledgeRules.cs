using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

/// <summary>
/// Turns a <see cref="PledgeInput"/> into pledge fields, or says exactly which fields are wrong and what
/// was expected. The same rules serve the API, the pages and the CLI.
/// </summary>
public static class PledgeRules
{
    public const int MaxTitle = 200;
    public const int MaxText = 1000;
    public const int MaxReadinessDays = 3650;

    /// <summary>The field names that may be marked illustrative.</summary>
    public static readonly IReadOnlySet<string> IllustrativeFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "capability", "capabilityCode", "unitSize", "quantity", "quantityIsUpTo", "unit", "value.amount", "value.eur", "stage", "readinessDays",
        "announcedOn", "conditions", "caveats", "confidence",
    };

    /// <summary>
    /// Checks the input and, when it is valid, writes it onto <paramref name="pledge"/>. Nothing is written
    /// when any field is wrong. Which members exist and who may edit them are the ledger's checks.
    /// </summary>
    /// <param name="previousStage">The stage before this change, or null for a new pledge.</param>
    /// <param name="mayCorrectStage">Admins may move a stage backwards to correct a mistake.</param>
    public static ValidationErrors Apply(PledgeInput input, Pledge pledge, PledgeStage? previousStage, bool mayCorrectStage)
    {
        var errors = new ValidationErrors();

        var member = TextRules.Read(input.Member, TextRules.MaxCode, errors, "member");
        if (member is null && !errors.Has("member"))
        {
            errors.Add("member", "Required: the code of the coalition member making the pledge, e.g. GBR.");
        }

        var title = TextRules.Read(input.Title, MaxTitle, errors, "title");
        if (title is null && !errors.Has("title"))
        {
            errors.Add("title", "Required: a short description of what is pledged.");
        }

        PledgeCategory category = default;
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add("category", $"Required: one of {Kebab.Choices<PledgeCategory>()}.");
        }
        else if (!Kebab.TryParse(input.Category, out category))
        {
            errors.Add("category", $"'{input.Category}' is not a category; expected one of {Kebab.Choices<PledgeCategory>()}.");
        }

        var capability = TextRules.Read(input.Capability, MaxTitle, errors, "capability");
        var capabilityCode = TextRules.Read(input.CapabilityCode, TextRules.MaxCode, errors, "capabilityCode");
        if (input.UnitSize is { } unitSize && DomainLimits.CheckQuantity(unitSize, errors, "unitSize", "The size of one unit: a whole number")
            && (input.Quantity is not { } whole || whole % unitSize != 0))
        {
            errors.Add("unitSize", $"The quantity must be a whole number of units of {unitSize}.");
        }

        if (capabilityCode is not null && input.Quantity is null)
        {
            errors.Add("quantity", "Required with a capability code: how much of it is offered, in its measure.");
        }

        var unit = TextRules.Read(input.Unit, TextRules.MaxCode, errors, "unit");
        if (input.Quantity is { } q)
        {
            DomainLimits.CheckQuantity(q, errors, "quantity");

            if (unit is null && !errors.Has("unit"))
            {
                errors.Add("unit", "Required when a quantity is given, e.g. troops, aircraft, ships.");
            }
        }
        else if (input.QuantityIsUpTo)
        {
            errors.Add("quantityIsUpTo", "Only meaningful with a quantity.");
        }

        long? valueMinor = null, eurMinor = null;
        string? currency = null;
        DateOnly? fxDate = null;
        if (input.Value is { } value)
        {
            currency = value.Currency?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(currency))
            {
                errors.Add("value.currency", "Required with a value: an ISO 4217 code such as EUR, GBP, USD.");
            }
            else if (!Money.IsCurrency(currency))
            {
                errors.Add("value.currency", $"'{Shown(value.Currency)}' is not the ISO 4217 code of a currency; expected three letters such as EUR, GBP, USD.");
                currency = null;
            }

            if (value.Amount is not { } amount)
            {
                errors.Add("value.amount", "Required with a value: the amount in the currency's major units.");
            }
            else if (DomainLimits.CheckMoney(amount, errors, "value.amount") && currency is not null)
            {
                valueMinor = Money.ToMinor(amount, currency);
                if (valueMinor is null)
                {
                    errors.Add("value.amount", $"Too precise or too large for {currency}.");
                }
            }

            if (currency == "EUR")
            {
                eurMinor = valueMinor;
                fxDate = value.FxDate;
                if (fxDate is { } date)
                {
                    DomainLimits.CheckDate(date, errors, "value.fxDate");
                }
            }
            else if (value.Eur is not { } eur)
            {
                // The ledger's totals are in euros: an amount in another currency without its euro value
                // would be left out of them without anyone noticing.
                if (currency is not null)
                {
                    errors.Add("value.eur", $"Required for an amount in {currency}: its value in euros, with value.fxDate, the date of the rate used.");
                }
            }
            else
            {
                if (DomainLimits.CheckMoney(eur, errors, "value.eur"))
                {
                    eurMinor = Money.ToMinor(eur, "EUR");
                    if (eurMinor is null)
                    {
                        errors.Add("value.eur", "At most two decimal places.");
                    }
                }

                if (value.FxDate is null)
                {
                    errors.Add("value.fxDate", "Required with value.eur: the date of the exchange rate used.");
                }
                else
                {
                    DomainLimits.CheckDate(value.FxDate.Value, errors, "value.fxDate");
                }

                fxDate = value.FxDate;
            }
        }

        var stage = PledgeStage.Announced;
        if (!string.IsNullOrWhiteSpace(input.Stage) && !Kebab.TryParse(input.Stage, out stage))
        {
            errors.Add("stage", $"'{input.Stage}' is not a stage; expected one of {Kebab.Choices<PledgeStage>()}.");
        }
        else if (previousStage is { } before && !mayCorrectStage && !IsForward(before, stage))
        {
            errors.Add("stage", $"A pledge moves forward only: {Kebab.Of(before)} cannot become {Kebab.Of(stage)} (an admin may correct a mistake).");
        }

        if (input.ReadinessDays is { } days && (days < 0 || days > MaxReadinessDays))
        {
            errors.Add("readinessDays", $"Must be between 0 and {MaxReadinessDays} days; got {days}.");
        }

        if (input.AnnouncedOn is { } announced)
        {
            DomainLimits.CheckDate(announced, errors, "announcedOn");
        }

        var conditions = new List<PledgeCondition>();
        var conditionInputs = TextRules.CheckList(input.Conditions, errors, "conditions") ? input.Conditions ?? [] : [];
        for (var i = 0; i < conditionInputs.Count; i++)
        {
            if (conditionInputs[i] is not { } c)
            {
                continue;
            }

            if (!Kebab.TryParse(c.Kind, out ConditionKind kind))
            {
                errors.Add($"conditions[{i}].kind", $"'{c.Kind}' is not a condition; expected one of {Kebab.Choices<ConditionKind>()}.");
                continue;
            }

            if (conditions.Exists(x => x.Kind == kind))
            {
                errors.Add($"conditions[{i}].kind", $"'{Kebab.Of(kind)}' is listed twice.");
                continue;
            }

            conditions.Add(new PledgeCondition { Kind = kind, Note = TextRules.Read(c.Note, MaxText, errors, $"conditions[{i}].note", multiline: true) });
        }

        var caveats = new List<string>();
        var caveatInputs = TextRules.CheckList(input.Caveats, errors, "caveats") ? input.Caveats ?? [] : [];
        for (var i = 0; i < caveatInputs.Count; i++)
        {
            if (caveatInputs[i] is null)
            {
                continue;
            }

            var caveat = TextRules.Read(caveatInputs[i], MaxText, errors, $"caveats[{i}]", multiline: true);
            if (caveat is not null)
            {
                caveats.Add(caveat);
            }
            else if (!errors.Has($"caveats[{i}]"))
            {
                errors.Add($"caveats[{i}]", "Must not be empty.");
            }
        }

        var sources = CitationRules.Read(input.Sources, errors, "sources", required: "where the pledge was announced or submitted");

        var confidence = Confidence.Medium;
        if (!string.IsNullOrWhiteSpace(input.Confidence) && !Kebab.TryParse(input.Confidence, out confidence))
        {
            errors.Add("confidence", $"'{input.Confidence}' is not a confidence; expected one of {Kebab.Choices<Confidence>()}.");
        }

        var illustrative = new List<string>();
        var illustrativeInputs = TextRules.CheckList(input.Illustrative, errors, "illustrative") ? input.Illustrative ?? [] : [];
        foreach (var field in illustrativeInputs)
        {
            if (field is null)
            {
                continue;
            }

            if (!IllustrativeFields.Contains(field))
            {
                errors.Add("illustrative", $"'{Shown(field)}' cannot be marked illustrative; expected any of {string.Join(", ", IllustrativeFields)}.");
            }
            else if (!illustrative.Contains(field))
            {
                illustrative.Add(field);
            }
        }

        Marking? marking = null;
        if (previousStage is null)
        {
            marking = MarkingRules.Read(input.Marking, member ?? string.Empty, errors);
        }
        else if (input.Marking is not null)
        {
            var asked = MarkingRules.Read(input.Marking, pledge.MemberCode, errors);
            if (asked is not null && !asked.SameAs(pledge.Marking))
            {
                errors.Add("marking.level", "A marking changes only by a release (POST /api/v1/pledges/{id}/release), which has its own history and audit entry.");
            }
        }

        // A NATIONAL or REL TO pledge is kept for particular members; moving it to another member would hand
        // it over without a release. Release it to COALITION (or PUBLIC) first.
        if (previousStage is not null && member is not null && member != pledge.MemberCode && pledge.Marking.Level is MarkingLevel.National or MarkingLevel.RelTo)
        {
            errors.Add("member", $"A {pledge.Marking} pledge keeps its member; release it to COALITION first, then change the member.");
        }

        var reason = TextRules.Read(input.Reason, MaxText, errors, "reason", multiline: true);
        if (previousStage is not null && reason is null && !errors.Has("reason"))
        {
            errors.Add("reason", "Required when changing a pledge: say why, for the history.");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        if (marking is not null)
        {
            pledge.Marking = marking;
        }

        pledge.MemberCode = member!;
        pledge.Title = title!;
        pledge.Category = category;
        pledge.Capability = capability;
        pledge.CapabilityCode = capabilityCode;
        pledge.UnitSize = input.UnitSize is > 1 ? input.UnitSize : null;
        pledge.Quantity = input.Quantity;
        pledge.Unit = input.Quantity is null ? null : unit;
        pledge.QuantityIsUpTo = input.QuantityIsUpTo;
        pledge.ValueMinor = valueMinor;
        pledge.Currency = currency;
        pledge.ValueEurMinor = eurMinor;
        pledge.FxDate = fxDate;
        pledge.Stage = stage;
        pledge.ReadinessDays = input.ReadinessDays;
        pledge.AnnouncedOn = input.AnnouncedOn;
        pledge.Conditions = conditions;
        pledge.Caveats = caveats;
        pledge.Sources = sources;
        pledge.Confidence = confidence;
        pledge.Illustrative = illustrative;
        return errors;
    }

    public static bool IsForward(PledgeStage from, PledgeStage to) =>
        to == PledgeStage.Withdrawn || (from != PledgeStage.Withdrawn && to >= from);

    /// <summary>A value as a message may repeat it: short, so a refusal does not echo a megabyte back.</summary>
    private static string Shown(string? value) => value is null ? string.Empty : value.Length <= 80 ? value : value[..80] + "…";
}
