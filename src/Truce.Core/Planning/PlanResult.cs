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

/// <summary>
/// The objective every planner is scored by, stated exactly (docs/planning.md):
/// <list type="number">
/// <item>Coverage value, maximised: each unit allocated to requirement r is worth
/// <c>round(weight(priority) × 1,000,000 / demand_r)</c>, weight 100 for priority 1, 10 for 2, 1 for 3 and
/// below; a fully covered priority-1 line is worth 10⁸ whatever its size.</item>
/// <item>Then, among plans of that value, fewest nation-lines (pairs of member and requirement used).</item>
/// <item>Then the earliest readiness: Σ allocated × round(readiness days × 1000 / demand_r) (unknown readiness counts 0).</item>
/// </list>
/// </summary>
public static class PlanObjective
{
    public static long Weight(int priority) => priority <= 1 ? 100 : priority == 2 ? 10 : 1;

    public static long UnitValue(Requirement r) => Math.Max(1, (long)Math.Round(Weight(r.Priority) * 1_000_000.0 / r.Quantity));

    /// <summary>The value of a requirement fully covered.</summary>
    public static long Ceiling(Requirement r) => UnitValue(r) * r.Quantity;

    /// <summary>The readiness cost of one unit of <paramref name="o"/> on <paramref name="r"/>: days × 1000 / demand, rounded.</summary>
    public static long UnitReadiness(Offer o, Requirement r) => (long)Math.Round((o.ReadinessDays ?? 0) * 1000.0 / r.Quantity);

    public static long ReadinessCost(Offer o, Requirement r, long quantity) => UnitReadiness(o, r) * quantity;

    /// <summary>Builds the full result from allocations, so every planner reports shortfalls and reasons the same way.</summary>
    public static PlanResult Result(
        PlanningProblem problem, string method, PlanStatus status, long bestBound, PlanStatus secondaryStatus, TimeSpan elapsed,
        IReadOnlyList<(int Offer, int Requirement, long Quantity)> allocated, string? message = null)
    {
        var allocations = allocated.Where(a => a.Quantity > 0)
            .Select(a => new Allocation(problem.Offers[a.Offer].PledgeId, problem.Offers[a.Offer].Member, problem.Requirements[a.Requirement].Id, problem.Requirements[a.Requirement].Code, a.Quantity))
            .ToList();
        var objective = allocated.Sum(a => UnitValue(problem.Requirements[a.Requirement]) * a.Quantity);
        var covered = allocated.GroupBy(a => a.Requirement).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        var shortfalls = problem.Requirements.Select((r, i) => new Shortfall(r.Id, r.Code, r.CapabilityCode, r.SectorCode, r.Priority, r.Quantity, covered.GetValueOrDefault(i))).ToList();
        var used = allocated.Where(a => a.Quantity > 0).Select(a => a.Offer).ToHashSet();
        var unused = problem.Offers.Select((o, i) => (o, i)).Where(x => !used.Contains(x.i))
            .Select(x => new UnusedPledge(x.o.PledgeId, x.o.Member, x.o.Title, Eligibility.WhyUnused(x.o, problem))).ToList();
        var contributions = allocated.Where(a => a.Quantity > 0)
            .GroupBy(a => (problem.Offers[a.Offer].Member, problem.Capabilities[problem.Offers[a.Offer].CapabilityCode].Measure))
            .Select(g => new MemberContribution(g.Key.Member, g.Key.Measure, g.Sum(a => a.Quantity)))
            .OrderBy(c => c.Member, StringComparer.Ordinal).ThenBy(c => c.Measure, StringComparer.Ordinal).ToList();
        var nationLines = allocated.Where(a => a.Quantity > 0).Select(a => (problem.Offers[a.Offer].Member, a.Requirement)).Distinct().Count();
        var readiness = allocated.Sum(a => ReadinessCost(problem.Offers[a.Offer], problem.Requirements[a.Requirement], a.Quantity));
        var bound = Math.Max(bestBound, objective);
        var gap = bound == 0 ? 0 : (double)(bound - objective) / bound;
        return new PlanResult(method, problem.Scenario.Name, status, objective, bound, gap, secondaryStatus, nationLines, readiness, elapsed, allocations, shortfalls, unused, contributions, message);
    }
}

/// <summary>A planner matches offers to requirements. The optimiser lives in Truce.Planning (OR-Tools); the greedy baseline here.</summary>
public interface IPlanner
{
    PlanResult Solve(PlanningProblem problem, TimeSpan timeLimit);
}

/// <summary>
/// The plain baseline: requirements by priority (then order), each filled first-fit from eligible offers in
/// order, in whole units. What optimisation is measured against.
/// </summary>
public sealed class GreedyPlanner : IPlanner
{
    public PlanResult Solve(PlanningProblem problem, TimeSpan timeLimit)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var arcs = Eligibility.Arcs(problem).ToLookup(a => a.Requirement, a => a.Offer);
        var left = problem.Offers.Select(o => o.Quantity).ToArray();
        var memberUsed = new Dictionary<(string, string), long>();
        var allocated = new List<(int, int, long)>();
        foreach (var r in Enumerable.Range(0, problem.Requirements.Count).OrderBy(i => problem.Requirements[i].Priority).ThenBy(i => i))
        {
            var requirement = problem.Requirements[r];
            var need = requirement.Quantity;
            var measure = problem.Capabilities[requirement.CapabilityCode].Measure;
            foreach (var o in arcs[r])
            {
                var offer = problem.Offers[o];
                var cap = problem.Scenario.MemberLimits.TryGetValue(offer.Member, out var limit) ? limit - memberUsed.GetValueOrDefault((offer.Member, measure)) : long.MaxValue;
                var take = Math.Min(Math.Min(need, left[o]), cap) / offer.UnitSize * offer.UnitSize;
                if (take <= 0)
                {
                    continue;
                }

                allocated.Add((o, r, take));
                left[o] -= take;
                need -= take;
                memberUsed[(offer.Member, measure)] = memberUsed.GetValueOrDefault((offer.Member, measure)) + take;
                if (need == 0)
                {
                    break;
                }
            }
        }

        // Greedy proves nothing: its bound is the trivial one, every requirement fully covered.
        return PlanObjective.Result(problem, "greedy (priority order, first fit)", PlanStatus.Feasible, problem.Requirements.Sum(PlanObjective.Ceiling), PlanStatus.Feasible, System.Diagnostics.Stopwatch.GetElapsedTime(started), allocated);
    }
}
