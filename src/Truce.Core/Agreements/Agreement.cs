using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Agreements;

public enum AgreementKind
{
    /// <summary>A cessation of all hostilities.</summary>
    FullCeasefire,

    /// <summary>A partial halt: strikes on energy infrastructure only.</summary>
    PartialEnergy,

    /// <summary>A partial halt at sea (safe navigation, no use of force).</summary>
    PartialMaritime,

    /// <summary>A framework for peace, with ceasefire provisions among others (Minsk II's Package of Measures).</summary>
    PeaceFramework,
}

/// <summary>Where an agreement stands. <see cref="Lifecycle"/> says which moves between them are allowed.</summary>
public enum AgreementStatus
{
    Proposed,
    InForce,
    Extended,
    Expired,
    Collapsed,

    /// <summary>A proposal that never came into force and was given up.</summary>
    Lapsed,
}

/// <summary>
/// A ceasefire agreement as data: who proposed and accepted it on what conditions, when it took effect and
/// when it ends, who mediates, guarantees and monitors it, and the provisions a machine can judge an
/// observation against. Its status moves only through <see cref="Lifecycle"/>, each move kept in
/// <see cref="History"/>.
/// </summary>
public sealed class Agreement : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public int Id { get; set; }

    /// <summary>Stable and typed by people: <c>minsk-ii</c>, <c>jeddah-interim-ceasefire</c>.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    public AgreementKind Kind { get; set; }

    public AgreementStatus Status { get; set; }

    public string? Summary { get; set; }

    public DateOnly ProposedOn { get; set; }

    /// <summary>When the guns are to fall silent (an instant: Minsk II took effect at 00:00 Kyiv time).</summary>
    public DateTimeOffset? EffectiveFrom { get; set; }

    /// <summary>How long it lasts from <see cref="EffectiveFrom"/>; null when it has no end date.</summary>
    public int? DurationDays { get; set; }

    /// <summary>How it may be extended, in its own words ("by mutual agreement of the parties").</summary>
    public string? ExtensionTerms { get; set; }

    public List<PartyAcceptance> Parties { get; set; } = [];

    /// <summary>Mediators, guarantors, monitors and hosts.</summary>
    public List<AgreementRole> Roles { get; set; } = [];

    public List<AgreementLink> Links { get; set; } = [];

    public List<StatusChange> History { get; set; } = [];

    public List<Provision> Provisions { get; set; } = [];

    public List<Citation> Sources { get; set; } = [];

    public int Version { get; set; } = 1;

    /// <summary>The days added by every extension so far.</summary>
    public int ExtensionDays => History.Sum(h => h.ExtendedByDays ?? 0);

    /// <summary>When it ends by its terms (duration plus extensions); null when it has no end or never took effect.</summary>
    public DateTimeOffset? ExpiresAt => EffectiveFrom is { } from && DurationDays is { } days ? from.AddDays(days + ExtensionDays) : null;

    /// <summary>Whether its provisions bind at <paramref name="at"/>: it came into force, has taken effect, and has not expired or collapsed by then.</summary>
    public bool IsInForceAt(DateTimeOffset at)
    {
        var cameIntoForce = History.Exists(h => h.To == AgreementStatus.InForce);
        if (!cameIntoForce || EffectiveFrom is not { } from || at < from)
        {
            return false;
        }

        if (ExpiresAt is { } end && at >= end)
        {
            return false;
        }

        var collapsed = History.Find(h => h.To == AgreementStatus.Collapsed);
        return collapsed is null || at < collapsed.At;
    }
}

public enum AcceptanceState
{
    Proposed,
    Accepted,
    AcceptedWithConditions,
    AcceptedInPrinciple,
    Rejected,
}

/// <summary>Where one party stands on an agreement, with its conditions in its own words.</summary>
public sealed class PartyAcceptance
{
    public required string ActorCode { get; set; }

    public AcceptanceState State { get; set; }

    public DateOnly? On { get; set; }

    public string? Conditions { get; set; }

    /// <summary>Whether this party is bound: acceptance in principle is not acceptance.</summary>
    public bool Binds => State is AcceptanceState.Accepted or AcceptanceState.AcceptedWithConditions;
}

public enum AgreementRoleKind
{
    Mediator,
    Guarantor,
    Monitor,
    Host,
    Signatory,
}

public sealed class AgreementRole
{
    public required string ActorCode { get; set; }

    public AgreementRoleKind Role { get; set; }

    public string? Note { get; set; }
}

public enum LinkKind
{
    /// <summary>This agreement adds to or changes the other (the 29 Sep 2015 addendum to Minsk II).</summary>
    Amends,

    /// <summary>This agreement puts the other into practice.</summary>
    Implements,

    /// <summary>This agreement takes the other's place.</summary>
    Supersedes,

    /// <summary>Negotiated together or in the same track.</summary>
    Related,
}

public sealed class AgreementLink
{
    public required string OtherKey { get; set; }

    public LinkKind Kind { get; set; }
}

/// <summary>One move of the lifecycle: when, by whom, why; an extension says by how many days.</summary>
public sealed class StatusChange
{
    public AgreementStatus From { get; set; }

    public AgreementStatus To { get; set; }

    public DateTimeOffset At { get; set; }

    public int? ExtendedByDays { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }
}
