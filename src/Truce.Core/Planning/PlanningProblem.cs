using Truce.Core.Commitments;

namespace Truce.Core.Planning;

/// <summary>
/// A kind of unit the mission may ask for (infantry, a frigate, an air-policing flight, money), measured
/// in one <see cref="Measure"/>: requirements and offers of this capability count in it.
/// </summary>
/// <param name="PersonnelPerUnit">People one unit of the measure stands for (1 for troops, 20 for a monitoring team).</param>
public sealed record CapabilityType(string Code, string Name, PledgeCategory Category, string Measure, int PersonnelPerUnit = 0, string? Equipment = null);

/// <summary>A named area where a requirement is to be filled; caveats and conditions are judged against it.</summary>
public sealed record Sector(string Code, string Name, bool InUkraine, bool NearFrontLine, bool Maritime = false);

/// <summary>
/// One line of the mission's statement of requirements (after NATO's CJSOR): so much of a capability, in a
/// sector, within a time window, at a priority (1 is the most important).
/// </summary>
public sealed record Requirement(
    int Id, string Code, string CapabilityCode, long Quantity, string SectorCode, DateOnly WindowStart, DateOnly WindowEnd, int Priority, string? Note = null);

/// <summary>
/// What a pledge can give to planning: so much of a catalogue capability, in blocks of <see cref="UnitSize"/>
/// (1 for a divisible pledge such as "up to 1,000 troops" or money; 700 for a battalion counted in troops),
/// from a member, with the pledge's conditions and readiness.
/// </summary>
public sealed record Offer(
    int PledgeId, string Member, string Title, string CapabilityCode, long Quantity, long UnitSize, int? ReadinessDays, IReadOnlySet<ConditionKind> Conditions)
{
    public bool Divisible => UnitSize == 1;
}

/// <summary>
/// A what-if: which pledge conditions hold, which members are out, the date plans are decided on (readiness
/// counts from it), and any cap on what one member may be asked for.
/// </summary>
public sealed record PlanningScenario
{
    public string Name { get; init; } = "Base case";

    /// <summary>Conditions that hold in this scenario; a pledge that needs any other is out.</summary>
    public IReadOnlySet<ConditionKind> Holding { get; init; } = new HashSet<ConditionKind>(Enum.GetValues<ConditionKind>().Where(c => !Caveats.Contains(c)));

    /// <summary>Members whose parliament has approved a deployment; null means every parliament has.</summary>
    public IReadOnlySet<string>? ParliamentApproved { get; init; }

    public IReadOnlySet<string> ExcludedMembers { get; init; } = new HashSet<string>();

    public DateOnly PlanDate { get; init; } = new(2025, 4, 1);

    /// <summary>The most one member may be allocated, in each measure (e.g. GBR: 5,000 troops).</summary>
    public IReadOnlyDictionary<string, long> MemberLimits { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Conditions that restrict where an offer may serve rather than whether it exists: judged against the
    /// requirement's sector and capability, never toggled by a scenario.
    /// </summary>
    public static readonly IReadOnlySet<ConditionKind> Caveats = new HashSet<ConditionKind>
    {
        ConditionKind.NoBasingInUkraine, ConditionKind.AwayFromFrontLine, ConditionKind.LogisticsOnly,
    };

    public PlanningScenario Without(ConditionKind condition, string? name = null) =>
        this with { Holding = Holding.Where(c => c != condition).ToHashSet(), Name = name ?? $"{Name}, no {condition}" };
}

/// <summary>Offers from the ledger: pledges mapped to a catalogue capability with a quantity, not withdrawn.</summary>
public static class Offers
{
    public static Offer? From(Pledge p) =>
        p.CapabilityCode is { } code && p.Quantity is { } quantity && p.Stage != PledgeStage.Withdrawn
            ? new Offer(p.Id, p.MemberCode, p.Title, code, quantity, p.UnitSize ?? 1, p.ReadinessDays, p.Conditions.Select(c => c.Kind).ToHashSet())
            : null;
}

/// <summary>Everything a planner needs, with the catalogue and sectors that give requirements meaning.</summary>
public sealed record PlanningProblem(
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<Offer> Offers,
    PlanningScenario Scenario,
    IReadOnlyDictionary<string, CapabilityType> Capabilities,
    IReadOnlyDictionary<string, Sector> Sectors);
