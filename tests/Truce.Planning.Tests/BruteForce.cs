using Truce.Core.Commitments;
using Truce.Core.Planning;

namespace Truce.Planning.Tests;

/// <summary>
/// Enumerates every plan of a tiny problem and returns the best by the objective as docs/planning.md states
/// it: coverage value, then fewest nation-lines, then least readiness cost. What may fill what, and what a
/// unit is worth, are written here again from that page, not taken from Truce.Core's <c>Eligibility</c> or
/// <c>PlanObjective</c>: a mistake there cannot hide behind the oracle that checks it.
/// </summary>
public static class BruteForce
{
    public static (long Value, int NationLines, long Readiness) Best(PlanningProblem problem)
    {
        var arcs = new List<(int Offer, int Requirement)>();
        for (var o = 0; o < problem.Offers.Count; o++)
        {
            for (var r = 0; r < problem.Requirements.Count; r++)
            {
                if (MayFill(problem, problem.Offers[o], problem.Requirements[r]))
                {
                    arcs.Add((o, r));
                }
            }
        }

        var choice = new long[arcs.Count];
        (long, int, long) best = (0, 0, 0);
        var first = true;

        void Visit(int i)
        {
            if (i == arcs.Count)
            {
                var supply = new long[problem.Offers.Count];
                var demand = new long[problem.Requirements.Count];
                var byMember = new Dictionary<(string Member, string Measure), long>();
                for (var a = 0; a < arcs.Count; a++)
                {
                    var given = problem.Offers[arcs[a].Offer];
                    supply[arcs[a].Offer] += choice[a];
                    demand[arcs[a].Requirement] += choice[a];
                    var key = (given.Member, problem.Capabilities[given.CapabilityCode].Measure);
                    byMember[key] = byMember.GetValueOrDefault(key) + choice[a];
                }

                if (supply.Where((s, o) => s > problem.Offers[o].Quantity).Any()
                    || demand.Where((d, r) => d > problem.Requirements[r].Quantity).Any()
                    || byMember.Any(m => problem.Scenario.MemberLimits.TryGetValue(m.Key.Member, out var cap) && m.Value > cap))
                {
                    return;
                }

                var value = arcs.Select((a, k) => UnitValue(problem.Requirements[a.Requirement]) * choice[k]).Sum();
                var lines = arcs.Where((a, k) => choice[k] > 0).Select(a => (problem.Offers[a.Offer].Member, a.Requirement)).Distinct().Count();
                var readiness = arcs.Select((a, k) => UnitReadiness(problem.Offers[a.Offer], problem.Requirements[a.Requirement]) * choice[k]).Sum();
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

    // "What may fill what" in docs/planning.md.
    private static bool MayFill(PlanningProblem problem, Offer offer, Requirement requirement)
    {
        var scenario = problem.Scenario;
        var sector = problem.Sectors[requirement.SectorCode];
        if (offer.CapabilityCode != requirement.CapabilityCode || scenario.ExcludedMembers.Contains(offer.Member))
        {
            return false;
        }

        foreach (var condition in offer.Conditions)
        {
            var holds = condition switch
            {
                ConditionKind.NoBasingInUkraine => !sector.InUkraine,
                ConditionKind.AwayFromFrontLine => !sector.NearFrontLine,
                ConditionKind.LogisticsOnly => problem.Capabilities[requirement.CapabilityCode].Category == PledgeCategory.Logistics,
                ConditionKind.ParliamentaryApproval => scenario.Holding.Contains(condition) && (scenario.ParliamentApproved is null || scenario.ParliamentApproved.Contains(offer.Member)),
                _ => scenario.Holding.Contains(condition),
            };
            if (!holds)
            {
                return false;
            }
        }

        // Ready by the time the window opens; unknown readiness counts as ready.
        return offer.ReadinessDays is not { } days || scenario.PlanDate.AddDays(days) <= requirement.WindowStart;
    }

    // "The objective": weight 100 for priority 1, 10 for 2, 1 for 3 and below, over the line's demand.
    private static long UnitValue(Requirement r) =>
        Math.Max(1, (long)Math.Round((r.Priority <= 1 ? 100 : r.Priority == 2 ? 10 : 1) * 1_000_000.0 / r.Quantity));

    private static long UnitReadiness(Offer o, Requirement r) => (long)Math.Round((o.ReadinessDays ?? 0) * 1000.0 / r.Quantity);
}
