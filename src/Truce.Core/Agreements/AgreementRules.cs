using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Agreements;

/// <summary>
/// Checks an <see cref="AgreementInput"/> and builds the agreement it describes, as proposed, naming every
/// field at fault (<c>provisions[2].withdrawals[0].distanceKm</c>). Whether the actors and layers it names
/// exist is for the store to check; reading a GeoJSON area is for the geography module, passed in as <c>readArea</c>.
/// </summary>
public static class AgreementRules
{
    public const int MaxTitle = 300;
    public const int MaxText = 4000;

    /// <summary>A withdrawal distance: more than 0, at most 500 km (Minsk II's longest was 70 km from each side).</summary>
    public const double MaxWithdrawalKm = 500;

    public static Agreement? Read(AgreementInput input, ValidationErrors errors, Func<JsonElement, string, ValidationErrors, Geometry?> readArea)
    {
        var before = errors.Count;
        var key = TextRules.Read(input.Key, 100, errors, "key");
        if (key is null && !errors.Has("key"))
        {
            errors.Add("key", "Required: a short kebab-case key, e.g. minsk-ii.");
        }
        else if (key is not null && !TextRules.IsKey(key))
        {
            errors.Add("key", $"'{key}' is not a key; expected lower-case letters, digits and hyphens, e.g. minsk-ii.");
        }

        var title = Required(TextRules.Read(input.Title, MaxTitle, errors, "title"), errors, "title", "the agreement's title");
        var kind = Parse<AgreementKind>(input.Kind, errors, "kind", required: true);
        var summary = TextRules.Read(input.Summary, MaxText, errors, "summary", multiline: true);
        if (input.ProposedOn is not { } proposed)
        {
            errors.Add("proposedOn", "Required: the date it was proposed (yyyy-MM-dd).");
        }
        else
        {
            DomainLimits.CheckDate(proposed, errors, "proposedOn");
        }

        if (input.EffectiveFrom is { } effective)
        {
            DomainLimits.CheckDate(DateOnly.FromDateTime(effective.UtcDateTime), errors, "effectiveFrom");
        }

        if (input.DurationDays is { } days && days is < 1 or > Lifecycle.MaxDays)
        {
            errors.Add("durationDays", $"From 1 to {Lifecycle.MaxDays.ToString("N0", CultureInfo.InvariantCulture)} days, or leave it out when it has no end; got {days}.");
        }

        var marking = MarkingRules.Read(input.Marking, owner: string.Empty, errors);
        if (marking?.Level == MarkingLevel.National)
        {
            errors.Add("marking.level", "An agreement is between parties; it cannot be one member's national record. Use rel-to.");
        }

        var agreement = new Agreement
        {
            Key = key ?? string.Empty,
            Title = title ?? string.Empty,
            Kind = kind,
            Summary = summary,
            ProposedOn = input.ProposedOn ?? default,
            EffectiveFrom = input.EffectiveFrom?.ToUniversalTime(),
            DurationDays = input.DurationDays,
            ExtensionTerms = TextRules.Read(input.ExtensionTerms, MaxText, errors, "extensionTerms", multiline: true),
            Status = AgreementStatus.Proposed,
            Marking = marking ?? Marking.Coalition(),
            Sources = CitationRules.Read(input.Sources, errors, "sources", required: "where the agreement or its terms were published"),
        };

        ReadList(input.Parties, errors, "parties", (p, at) =>
        {
            var party = ReadParty(p, errors, at);
            if (party.ActorCode.Length > 0 && agreement.Parties.Exists(x => x.ActorCode == party.ActorCode))
            {
                errors.Add(at + ".actor", $"{party.ActorCode} is already a party.");
            }

            agreement.Parties.Add(party);
        });
        if (input.Parties is not { Count: > 0 })
        {
            errors.Add("parties", "At least one party is required.");
        }

        ReadList(input.Roles, errors, "roles", (r, at) => agreement.Roles.Add(new AgreementRole
        {
            ActorCode = Required(TextRules.Read(r.Actor, TextRules.MaxCode, errors, at + ".actor"), errors, at + ".actor", "the actor's code") ?? string.Empty,
            Role = Parse<AgreementRoleKind>(r.Role, errors, at + ".role", required: true),
            Note = TextRules.Read(r.Note, MaxTitle, errors, at + ".note"),
        }));
        ReadList(input.Links, errors, "links", (l, at) =>
        {
            var other = Required(TextRules.Read(l.Agreement, 100, errors, at + ".agreement"), errors, at + ".agreement", "the linked agreement's key");
            if (other is not null && other == key)
            {
                errors.Add(at + ".agreement", "An agreement cannot link to itself.");
            }

            agreement.Links.Add(new AgreementLink { OtherKey = other ?? string.Empty, Kind = Parse<LinkKind>(l.Kind, errors, at + ".kind", required: true) });
        });
        ReadList(input.Provisions, errors, "provisions", (p, at) => agreement.Provisions.Add(ReadProvision(p, at, agreement.Provisions.Count + 1, errors, readArea)));
        foreach (var provision in agreement.Provisions)
        {
            provision.Marking = agreement.Marking.Copy();
        }

        return errors.Count > before ? null : agreement;
    }

    /// <summary>One party's stand, its fields named under <paramref name="at"/> (<c>parties[1]</c>; empty for a party on its own).</summary>
    public static PartyAcceptance ReadParty(PartyInput p, ValidationErrors errors, string at)
    {
        string Field(string name) => at.Length == 0 ? name : $"{at}.{name}";
        var actor = Required(TextRules.Read(p.Actor, TextRules.MaxCode, errors, Field("actor")), errors, Field("actor"), "the party's actor code");
        var state = Parse<AcceptanceState>(p.State, errors, Field("state"), required: true);
        if (p.On is { } on)
        {
            DomainLimits.CheckDate(on, errors, Field("on"));
        }

        var conditions = TextRules.Read(p.Conditions, MaxText, errors, Field("conditions"), multiline: true);
        if (state == AcceptanceState.AcceptedWithConditions && conditions is null && !errors.Has(Field("conditions")))
        {
            errors.Add(Field("conditions"), "Required when a party accepts with conditions: the conditions in words.");
        }

        return new PartyAcceptance { ActorCode = actor ?? string.Empty, State = state, On = p.On, Conditions = conditions };
    }

    private static Provision ReadProvision(ProvisionInput p, string at, int number, ValidationErrors errors, Func<JsonElement, string, ValidationErrors, Geometry?> readArea)
    {
        var provision = new Provision
        {
            Number = number,
            Kind = Parse<ProvisionKind>(p.Kind, errors, at + ".kind", required: true),
            Reference = TextRules.Read(p.Reference, MaxTitle, errors, at + ".reference"),
            AreaText = TextRules.Read(p.AreaText, MaxTitle, errors, at + ".areaText"),
            MonitorCode = TextRules.Read(p.Monitor, TextRules.MaxCode, errors, at + ".monitor"),
        };
        if (TextRules.CheckList(p.Domains, errors, at + ".domains"))
        {
            for (var i = 0; i < (p.Domains?.Count ?? 0); i++)
            {
                provision.Domains.Add(Parse<Domain>(p.Domains![i], errors, $"{at}.domains[{i}]", required: true));
            }
        }

        if (TextRules.CheckList(p.Targets, errors, at + ".targets"))
        {
            for (var i = 0; i < (p.Targets?.Count ?? 0); i++)
            {
                if (TextRules.Read(p.Targets![i], TextRules.MaxCode, errors, $"{at}.targets[{i}]") is { } target)
                {
                    provision.TargetClasses.Add(target);
                }
            }
        }

        ReadList(p.Withdrawals, errors, at + ".withdrawals", (w, wat) =>
        {
            if (w.DistanceKm is not { } km || !(km > 0) || km > MaxWithdrawalKm)
            {
                errors.Add(wat + ".distanceKm", $"Required: the distance in km, more than 0 and at most {MaxWithdrawalKm}.");
            }

            provision.Withdrawals.Add(new WithdrawalRule
            {
                WeaponClass = Required(TextRules.Read(w.WeaponClass, TextRules.MaxCode, errors, wat + ".weaponClass"), errors, wat + ".weaponClass", "a weapon class code, e.g. artillery-100mm-plus") ?? string.Empty,
                Description = Required(TextRules.Read(w.Description, MaxTitle, errors, wat + ".description"), errors, wat + ".description", "the weapon class in words") ?? string.Empty,
                DistanceKm = w.DistanceKm ?? 0,
                ActorCode = TextRules.Read(w.Actor, TextRules.MaxCode, errors, wat + ".actor"),
            });
        });
        ReadList(p.Baselines, errors, at + ".baselines", (b, bat) =>
        {
            if (b.AsOf is not { } asOf)
            {
                errors.Add(bat + ".asOf", "Required: the date whose version of the layer is the baseline (yyyy-MM-dd).");
            }
            else
            {
                DomainLimits.CheckDate(asOf, errors, bat + ".asOf");
            }

            provision.Baselines.Add(new Baseline
            {
                ActorCode = Required(TextRules.Read(b.Actor, TextRules.MaxCode, errors, bat + ".actor"), errors, bat + ".actor", "the party whose baseline it is") ?? string.Empty,
                LayerKey = Required(TextRules.Read(b.Layer, 100, errors, bat + ".layer"), errors, bat + ".layer", "the key of a line layer, e.g. line-of-contact") ?? string.Empty,
                AsOf = b.AsOf ?? default,
            });
        });

        if (p.CompleteWithinDays is { } days && days is < 1 or > Lifecycle.MaxDays)
        {
            errors.Add(at + ".completeWithinDays", $"From 1 to {Lifecycle.MaxDays}; got {days}.");
        }

        provision.CompleteWithinDays = p.CompleteWithinDays;
        if (p.Area is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } area)
        {
            provision.Area = readArea(area, at + ".area", errors);
        }

        switch (provision.Kind)
        {
            case ProvisionKind.WeaponWithdrawal when provision.Withdrawals.Count == 0:
                errors.Add(at + ".withdrawals", "A weapon withdrawal names at least one weapon class and its distance.");
                break;
            case ProvisionKind.WeaponWithdrawal when provision.Baselines.Count == 0:
                errors.Add(at + ".baselines", "A weapon withdrawal names the line each party measures from.");
                break;
            case ProvisionKind.WeaponWithdrawal:
                foreach (var rule in provision.Withdrawals.Where(r => r.ActorCode is not null && !provision.Baselines.Exists(b => b.ActorCode == r.ActorCode)))
                {
                    errors.Add(at + ".withdrawals", $"{rule.ActorCode} withdraws {rule.WeaponClass} but has no baseline to measure from.");
                }

                break;
            case ProvisionKind.StrikeMoratorium when provision.TargetClasses.Count == 0:
                errors.Add(at + ".targets", "A strike moratorium names the classes of target it protects, e.g. energy-infrastructure.");
                break;
            case ProvisionKind.DisengagementArea when provision.Area is null && !errors.Has(at + ".area"):
                errors.Add(at + ".area", "A disengagement area needs its polygon (GeoJSON, WGS 84).");
                break;
        }

        return provision;
    }

    private static void ReadList<T>(List<T?>? list, ValidationErrors errors, string field, Action<T, string> read)
        where T : class
    {
        if (!TextRules.CheckList(list, errors, field))
        {
            return;
        }

        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is { } item)
            {
                read(item, $"{field}[{i}]");
            }
        }
    }

    private static TEnum Parse<TEnum>(string? text, ValidationErrors errors, string field, bool required)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"Required: one of {Kebab.Choices<TEnum>()}.");
            }

            return default;
        }

        if (!Kebab.TryParse(text.Trim(), out TEnum value))
        {
            var shown = text.Length <= 40 ? text : text[..40] + "…";
            errors.Add(field, $"'{shown}' is not valid; expected one of {Kebab.Choices<TEnum>()}.");
        }

        return value;
    }

    private static string? Required(string? value, ValidationErrors errors, string field, string what)
    {
        if (value is null && !errors.Has(field))
        {
            errors.Add(field, $"Required: {what}.");
        }

        return value;
    }
}
