namespace Truce.Core.Planning;

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
        var memberUsed = allocated.Where(a => a.Quantity > 0)
            .GroupBy(a => (problem.Offers[a.Offer].Member, problem.Capabilities[problem.Offers[a.Offer].CapabilityCode].Measure))
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        var unused = problem.Offers.Select((o, i) => (o, i)).Where(x => !used.Contains(x.i))
            .Select(x => new UnusedPledge(x.o.PledgeId, x.o.Member, x.o.Title, Eligibility.WhyUnused(x.o, problem, covered, memberUsed))).ToList();
        var contributions = memberUsed.Select(m => new MemberContribution(m.Key.Member, m.Key.Measure, m.Value))
            .OrderBy(c => c.Member, StringComparer.Ordinal).ThenBy(c => c.Measure, StringComparer.Ordinal).ToList();
        var nationLines = allocated.Where(a => a.Quantity > 0).Select(a => (problem.Offers[a.Offer].Member, a.Requirement)).Distinct().Count();
        var readiness = allocated.Sum(a => ReadinessCost(problem.Offers[a.Offer], problem.Requirements[a.Requirement], a.Quantity));
        var bound = Math.Max(bestBound, objective);
        var gap = bound == 0 ? 0 : (double)(bound - objective) / bound;
        return new PlanResult(method, problem.Scenario.Name, status, objective, bound, gap, secondaryStatus, nationLines, readiness, elapsed, allocations, shortfalls, unused, contributions, message);
    }
}
