namespace Truce.Core.Planning;

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
