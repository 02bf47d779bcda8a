namespace Truce.Core.Planning;

public enum PlanStatus
{
    /// <summary>Proven best for the objective, within the solver's tolerance.</summary>
    Optimal,

    /// <summary>A valid plan whose distance from the best is bounded by <see cref="PlanResult.Gap"/>.</summary>
    Feasible,

    /// <summary>No plan satisfies the constraints; <see cref="PlanResult.Message"/> says why.</summary>
    Infeasible,

    /// <summary>The stage did not run (no time left, or a model too large for it).</summary>
    NotRun,
}

public sealed record Allocation(int PledgeId, string Member, int RequirementId, string RequirementCode, long Quantity);

public sealed record Shortfall(int RequirementId, string Code, string CapabilityCode, string SectorCode, int Priority, long Demand, long Covered)
{
    public long Missing => Demand - Covered;

    public double Coverage => Demand == 0 ? 1 : (double)Covered / Demand;
}

public sealed record UnusedPledge(int PledgeId, string Member, string Title, string Reason);

public sealed record MemberContribution(string Member, string Measure, long Quantity);

/// <summary>
/// A plan and how good it is. <see cref="Objective"/> is the coverage value (see <see cref="PlanObjective"/>);
/// <see cref="BestBound"/> the most any plan could reach; <see cref="Gap"/> their relative distance. The
/// secondary preferences (fewer nations per line, earlier readiness) are reported as <see cref="NationLines"/>
/// and <see cref="ReadinessTerm"/>, with their own status.
/// </summary>
public sealed record PlanResult(
    string Method,
    string Scenario,
    PlanStatus Status,
    long Objective,
    long BestBound,
    double Gap,
    PlanStatus SecondaryStatus,
    int NationLines,
    long ReadinessTerm,
    TimeSpan Elapsed,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<UnusedPledge> Unused,
    IReadOnlyList<MemberContribution> Contributions,
    string? Message = null)
{
    /// <summary>Priority-weighted share of the requirements covered, 0–1: the objective over its ceiling.</summary>
    public double WeightedCoverage(PlanningProblem problem) =>
        problem.Requirements.Count == 0 ? 1 : (double)Objective / problem.Requirements.Sum(r => PlanObjective.Ceiling(r));
}
