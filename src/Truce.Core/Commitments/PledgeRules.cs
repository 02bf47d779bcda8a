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

        var member = input.Member?.Trim();
        if (string.IsNullOrEmpty(member))
        {
            errors.Add("member", "Required: the code of the coalition member making the pledge, e.g. GBR.");
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "Required: a short description of what is pledged.");
        }
        else if (title.Length > MaxTitle)
        {
            errors.Add("title", $"At most {MaxTitle} characters; got {title.Length}.");
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

        var capability = Trimmed(input.Capability);
        if (capability?.Length > MaxTitle)
        {
            errors.Add("capability", $"At most {MaxTitle} characters.");
        }

        var capabilityCode = Trimmed(input.CapabilityCode);
        if (input.UnitSize is { } unitSize)
        {
            if (unitSize < 1)
            {
                errors.Add("unitSize", $"Must be at least 1; got {unitSize}.");
            }
            else if (input.Quantity is not { } whole || whole % unitSize != 0)
            {
                errors.Add("unitSize", $"The quantity must be a whole number of units of {unitSize}.");
            }
        }

        if (capabilityCode is not null && input.Quantity is null)
        {
            errors.Add("quantity", "Required with a capability code: how much of it is offered, in its measure.");
        }

        var unit = Trimmed(input.Unit);
        if (input.Quantity is { } q)
        {
            if (q <= 0)
            {
                errors.Add("quantity", $"Must be a whole number above zero; got {q}.");
            }

            if (unit is null)
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
            else if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                errors.Add("value.currency", $"'{value.Currency}' is not an ISO 4217 code; expected three letters such as EUR.");
                currency = null;
            }

            if (value.Amount is not { } amount)
            {
                errors.Add("value.amount", "Required with a value: the amount in the currency's major units.");
            }
            else if (amount <= 0)
            {
                errors.Add("value.amount", $"Must be above zero; got {amount}.");
            }
            else if (currency is not null)
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
            }
            else if (value.Eur is { } eur)
            {
                if (eur <= 0)
                {
                    errors.Add("value.eur", $"Must be above zero; got {eur}.");
                }
                else
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

        var conditions = new List<PledgeCondition>();
        for (var i = 0; i < (input.Conditions?.Count ?? 0); i++)
        {
            var c = input.Conditions![i];
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

            conditions.Add(new PledgeCondition { Kind = kind, Note = Trimmed(c.Note) });
        }

        var caveats = new List<string>();
        for (var i = 0; i < (input.Caveats?.Count ?? 0); i++)
        {
            var caveat = Trimmed(input.Caveats![i]);
            if (caveat is null)
            {
                errors.Add($"caveats[{i}]", "Must not be empty.");
            }
            else if (caveat.Length > MaxText)
            {
                errors.Add($"caveats[{i}]", $"At most {MaxText} characters.");
            }
            else
            {
                caveats.Add(caveat);
            }
        }

        var sources = new List<Citation>();
        if (input.Sources is not { Count: > 0 })
        {
            errors.Add("sources", "At least one source is required: where the pledge was announced or submitted.");
        }
        else
        {
            for (var i = 0; i < input.Sources.Count; i++)
            {
                var s = input.Sources[i];
                if (!Uri.TryCreate(s.Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    errors.Add($"sources[{i}].url", $"Expected an absolute http(s) address; got '{s.Url}'.");
                    continue;
                }

                var quote = Trimmed(s.Quote);
                if (quote?.Length > MaxText)
                {
                    errors.Add($"sources[{i}].quote", $"At most {MaxText} characters.");
                    continue;
                }

                sources.Add(new Citation { Url = uri.ToString(), Publisher = Trimmed(s.Publisher), Date = s.Date, Quote = quote });
            }
        }

        var confidence = Confidence.Medium;
        if (!string.IsNullOrWhiteSpace(input.Confidence) && !Kebab.TryParse(input.Confidence, out confidence))
        {
            errors.Add("confidence", $"'{input.Confidence}' is not a confidence; expected one of {Kebab.Choices<Confidence>()}.");
        }

        var illustrative = new List<string>();
        foreach (var field in input.Illustrative ?? [])
        {
            if (!IllustrativeFields.Contains(field))
            {
                errors.Add("illustrative", $"'{field}' cannot be marked illustrative; expected any of {string.Join(", ", IllustrativeFields)}.");
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

        if (previousStage is not null && string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Required when changing a pledge: say why, for the history.");
        }
        else if (input.Reason?.Length > MaxText)
        {
            errors.Add("reason", $"At most {MaxText} characters.");
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

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
