using Truce.Core.Planning;

namespace Truce.Planning.Tests;

/// <summary>
/// Enumerates every plan of a tiny problem and returns the best by the stated objective: coverage value,
/// then fewest nation-lines, then least readiness cost. The planners are checked against it.
/// </summary>
public static class BruteForce
{
    public static (long Value, int NationLines, long Readiness) Best(PlanningProblem problem)
    {
        var arcs = Eligibility.Arcs(problem);
        var choice = new long[arcs.Count];
        (long, int, long) best = (0, 0, 0);
        var first = true;

        void Visit(int i)
        {
            if (i == arcs.Count)
            {
                var supply = new long[problem.Offers.Count];
                var demand = new long[problem.Requirements.Count];
                for (var a = 0; a < arcs.Count; a++)
                {
                    supply[arcs[a].Offer] += choice[a];
                    demand[arcs[a].Requirement] += choice[a];
                }

                if (supply.Where((s, o) => s > problem.Offers[o].Quantity).Any() || demand.Where((d, r) => d > problem.Requirements[r].Quantity).Any())
                {
                    return;
                }

                var value = arcs.Select((a, k) => PlanObjective.UnitValue(problem.Requirements[a.Requirement]) * choice[k]).Sum();
                var lines = arcs.Where((a, k) => choice[k] > 0).Select(a => (problem.Offers[a.Offer].Member, a.Requirement)).Distinct().Count();
                var readiness = arcs.Select((a, k) => PlanObjective.ReadinessCost(problem.Offers[a.Offer], problem.Requirements[a.Requirement], choice[k])).Sum();
                if (first || value > best.Item1 || (value == best.Item1 && (lines < best.Item2 || (lines == best.Item2 && readiness < best.Item3))))
                {
                    best = (value, lines, readiness);
                    first = false;
                }

                return;
            }

            var offer = problem.Offers[arcs[i].Offer];
            var max = Math.Min(offer.Quantity, problem.Requirements[arcs[i].Requirement].Quantity) / offer.UnitSize;
            for (var n = 0L; n <= max; n++)
            {
                choice[i] = n * offer.UnitSize;
                Visit(i + 1);
            }
        }

        Visit(0);
        return best;
    }
}
