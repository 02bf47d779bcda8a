using NetTopologySuite.Geometries;
using Truce.Core.Security;

namespace Truce.Core.Agreements;

public enum ProvisionKind
{
    /// <summary>No hostilities in the given domains and area.</summary>
    Cessation,

    /// <summary>No strikes on the given classes of target (energy infrastructure).</summary>
    StrikeMoratorium,

    /// <summary>Weapon classes kept a distance back from each party's baseline.</summary>
    WeaponWithdrawal,

    /// <summary>An area where no party may have military presence.</summary>
    DisengagementArea,

    /// <summary>Monitors may go where they need, unhindered.</summary>
    FreedomOfMovement,
}

public enum Domain
{
    Land,
    Air,
    Sea,
}

/// <summary>
/// One clause of an agreement, typed so that a machine can judge an observation against it: what is
/// forbidden (hostilities, strikes on a class of target, a weapon within a distance of a line, presence in
/// an area, hindering monitors), where and for whom. <see cref="ProvisionWords"/> says it in plain words.
/// </summary>
public sealed class Provision : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public int Id { get; set; }

    public int AgreementId { get; set; }

    /// <summary>Its order within the agreement, from 1.</summary>
    public int Number { get; set; }

    public ProvisionKind Kind { get; set; }

    /// <summary>Where in the agreement's text it stands: "Package of Measures, point 2".</summary>
    public string? Reference { get; set; }

    /// <summary>The domains a cessation covers; empty means all three.</summary>
    public List<Domain> Domains { get; set; } = [];

    /// <summary>Where it applies, in words, when no geometry says it ("the whole line of contact", "the Black Sea").</summary>
    public string? AreaText { get; set; }

    /// <summary>What may not be struck, as kebab codes: <c>energy-infrastructure</c>, <c>civilian-vessels</c>, <c>ports</c>.</summary>
    public List<string> TargetClasses { get; set; } = [];

    /// <summary>For a withdrawal: how far back each class of weapon must be.</summary>
    public List<WithdrawalRule> Withdrawals { get; set; } = [];

    /// <summary>For a withdrawal: the line each party measures from (Minsk II gave the two sides different lines).</summary>
    public List<Baseline> Baselines { get; set; } = [];

    /// <summary>For a disengagement area: the area, in WGS 84.</summary>
    public Geometry? Area { get; set; }

    /// <summary>Days from the agreement's effect by which a withdrawal must be complete; until then a weapon in the zone is not yet a breach.</summary>
    public int? CompleteWithinDays { get; set; }

    /// <summary>For freedom of movement: the monitors it protects (an actor code, e.g. <c>osce</c>).</summary>
    public string? MonitorCode { get; set; }
}

/// <summary>A class of weapon and how far from its baseline a party keeps it; <see cref="ActorCode"/> null means every party.</summary>
public sealed class WithdrawalRule
{
    /// <summary>A kebab code: <c>artillery-100mm-plus</c>, <c>mlrs</c>, <c>tanks</c>.</summary>
    public required string WeaponClass { get; set; }

    /// <summary>The class in words, as the agreement lists it.</summary>
    public required string Description { get; set; }

    public double DistanceKm { get; set; }

    public string? ActorCode { get; set; }
}

/// <summary>The line a party's distances are measured from: a geography layer as it stood on a date.</summary>
public sealed class Baseline
{
    public required string ActorCode { get; set; }

    /// <summary>The layer's key, e.g. <c>line-of-contact</c>.</summary>
    public required string LayerKey { get; set; }

    /// <summary>The date whose version of the layer is meant; the line does not move with later versions.</summary>
    public DateOnly AsOf { get; set; }
}
