using System.Globalization;
using Truce.Core.Common;

namespace Truce.Core.Agreements;

/// <summary>
/// The lifecycle of an agreement as a state machine: proposed → in force → extended (again and again) →
/// expired or collapsed; a proposal that never comes into force lapses. Every other move is refused with
/// its reason, and every move made is kept in the agreement's history.
/// </summary>
public static class Lifecycle
{
    /// <summary>The longest an agreement runs or an extension adds: ten years.</summary>
    public const int MaxDays = 3650;

    private static readonly Dictionary<AgreementStatus, AgreementStatus[]> Allowed = new()
    {
        [AgreementStatus.Proposed] = [AgreementStatus.InForce, AgreementStatus.Lapsed],
        [AgreementStatus.InForce] = [AgreementStatus.Extended, AgreementStatus.Expired, AgreementStatus.Collapsed],
        [AgreementStatus.Extended] = [AgreementStatus.Extended, AgreementStatus.Expired, AgreementStatus.Collapsed],
        [AgreementStatus.Expired] = [],
        [AgreementStatus.Collapsed] = [],
        [AgreementStatus.Lapsed] = [],
    };

    /// <summary>The statuses <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<AgreementStatus> Next(AgreementStatus from) => Allowed[from];

    /// <summary>
    /// Moves <paramref name="agreement"/> to <paramref name="to"/> at <paramref name="at"/>, or says why not
    /// (naming the field at fault); nothing changes when it is refused.
    /// </summary>
    /// <param name="effectiveFrom">When coming into force: the instant it takes effect, if the agreement does not say already.</param>
    /// <param name="days">When extending: by how many days.</param>
    public static ValidationErrors Move(Agreement agreement, AgreementStatus to, DateTimeOffset at, string? reason, string by, int? days = null, DateTimeOffset? effectiveFrom = null)
    {
        var errors = new ValidationErrors();
        var from = agreement.Status;
        if (!Allowed[from].Contains(to))
        {
            errors.Add("to", Refusal(from, to));
            return errors;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Required: say why the status changes, for the history.");
        }

        if (agreement.History.Count > 0 && at < agreement.History[^1].At)
        {
            errors.Add("at", $"The move must not come before the last one ({Format(agreement.History[^1].At)}).");
        }

        if (DateOnly.FromDateTime(at.UtcDateTime) < agreement.ProposedOn)
        {
            errors.Add("at", $"The move must not come before the agreement was proposed ({agreement.ProposedOn:yyyy-MM-dd}).");
        }

        switch (to)
        {
            case AgreementStatus.InForce:
                CheckComingIntoForce(agreement, effectiveFrom, errors);
                break;
            case AgreementStatus.Extended:
                CheckExtension(agreement, at, days, errors);
                break;
            case AgreementStatus.Expired when agreement.ExpiresAt is not { } end:
                errors.Add("to", "It has no end date, so it cannot expire; record that it collapsed, or was replaced by a linked agreement.");
                break;
            case AgreementStatus.Expired when at < agreement.ExpiresAt:
                errors.Add("at", $"It runs until {Format(agreement.ExpiresAt!.Value)}; it cannot expire before then. Extend it or record that it collapsed.");
                break;
            case AgreementStatus.Collapsed when agreement.EffectiveFrom is { } start && at < start:
                errors.Add("at", $"It took effect at {Format(start)}; it cannot collapse before then.");
                break;
        }

        if (to != AgreementStatus.Extended && days is not null)
        {
            errors.Add("days", "Only an extension adds days.");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        if (to == AgreementStatus.InForce && effectiveFrom is { } effective)
        {
            agreement.EffectiveFrom = effective;
        }

        agreement.History.Add(new StatusChange { From = from, To = to, At = at, ExtendedByDays = to == AgreementStatus.Extended ? days : null, Reason = reason!.Trim(), By = by });
        agreement.Status = to;
        return errors;
    }

    private static void CheckComingIntoForce(Agreement agreement, DateTimeOffset? effectiveFrom, ValidationErrors errors)
    {
        var notBound = agreement.Parties.Where(p => !p.Binds).Select(p => $"{p.ActorCode} ({Kebab.Of(p.State)})").ToList();
        if (agreement.Parties.Count == 0)
        {
            errors.Add("parties", "An agreement with no parties cannot come into force.");
        }
        else if (notBound.Count > 0)
        {
            errors.Add("parties", $"Every party must have accepted it (with or without conditions) before it comes into force; not yet: {string.Join(", ", notBound)}. Acceptance in principle is not acceptance.");
        }

        var start = effectiveFrom ?? agreement.EffectiveFrom;
        if (start is null)
        {
            errors.Add("effectiveFrom", "Required: the instant it takes effect.");
        }
        else if (DateOnly.FromDateTime(start.Value.UtcDateTime) < agreement.ProposedOn)
        {
            errors.Add("effectiveFrom", $"It cannot take effect before it was proposed ({agreement.ProposedOn:yyyy-MM-dd}).");
        }
    }

    private static void CheckExtension(Agreement agreement, DateTimeOffset at, int? days, ValidationErrors errors)
    {
        if (agreement.ExpiresAt is not { } end)
        {
            errors.Add("to", "It has no end date, so there is nothing to extend.");
            return;
        }

        if (days is not (>= 1 and <= MaxDays))
        {
            errors.Add("days", $"Required: the days the extension adds, from 1 to {MaxDays.ToString("N0", CultureInfo.InvariantCulture)}.");
        }
        else if (agreement.DurationDays + agreement.ExtensionDays + days > 10 * MaxDays)
        {
            errors.Add("days", $"An agreement may run at most {(10 * MaxDays).ToString("N0", CultureInfo.InvariantCulture)} days in all.");
        }

        if (at >= end)
        {
            errors.Add("at", $"It expired at {Format(end)}; an agreement is extended before it runs out. Record that it expired, and propose a new one linked to it.");
        }
    }

    /// <summary>Why a move the machine does not allow is refused, in words a monitor understands.</summary>
    public static string Refusal(AgreementStatus from, AgreementStatus to)
    {
        var next = Allowed[from];
        var options = next.Length == 0 ? "nothing: that is final" : string.Join(", ", next.Select(Kebab.Of));
        var why = (from, to) switch
        {
            (_, _) when from == to => $"It is already {Kebab.Of(from)}.",
            (AgreementStatus.Proposed, AgreementStatus.Extended or AgreementStatus.Expired or AgreementStatus.Collapsed) => "It never came into force.",
            (AgreementStatus.Expired or AgreementStatus.Collapsed or AgreementStatus.Lapsed, _) => $"It has {Kebab.Of(from)}; propose a new agreement and link it to this one.",
            (_, AgreementStatus.Proposed or AgreementStatus.Lapsed) => "It has already come into force.",
            (AgreementStatus.Extended, AgreementStatus.InForce) => "It is in force already, as extended.",
            _ => $"{Kebab.Of(from)} cannot become {Kebab.Of(to)}.",
        };
        return $"{why} From {Kebab.Of(from)} it may become: {options}.";
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
