using Truce.Core.Commitments;

namespace Truce.Core.Planning;

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

    public DateOnly PlanDate { get; init; } = PlanLimits.DefaultPlanDate;

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
