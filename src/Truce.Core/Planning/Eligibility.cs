using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Core.Planning;

/// <summary>
/// Which offers may fill which requirements, and why not. Used by every planner, so the optimiser and the
/// greedy baseline never disagree on what is allowed, and every unused pledge gets a reason.
/// </summary>
public static class Eligibility
{
    /// <summary>Why an offer cannot be used at all in this scenario, or null if it can.</summary>
    public static string? Unusable(Offer offer, PlanningScenario scenario)
    {
        if (scenario.ExcludedMembers.Contains(offer.Member))
        {
            return $"{offer.Member} is excluded in this scenario";
        }

        foreach (var condition in offer.Conditions.Where(c => !PlanningScenario.Caveats.Contains(c)).Order())
        {
            if (condition == ConditionKind.ParliamentaryApproval && scenario.Holding.Contains(condition))
            {
                if (scenario.ParliamentApproved is { } approved && !approved.Contains(offer.Member))
                {
                    return $"needs parliamentary approval, which {offer.Member} does not have in this scenario";
                }
            }
            else if (!scenario.Holding.Contains(condition))
            {
                return $"needs {Describe(condition)}, which does not hold in this scenario";
            }
        }

        return offer.Quantity < offer.UnitSize ? "offers less than one unit" : null;
    }

    /// <summary>Why an offer cannot fill this requirement, or null if it can.</summary>
    public static string? CannotFill(Offer offer, Requirement requirement, PlanningProblem problem)
    {
        if (offer.CapabilityCode != requirement.CapabilityCode)
        {
            return "another capability";
        }

        var sector = problem.Sectors[requirement.SectorCode];
        if (offer.Conditions.Contains(ConditionKind.NoBasingInUkraine) && sector.InUkraine)
        {
            return $"caveat: no basing in Ukraine ({sector.Name} is in Ukraine)";
        }

        if (offer.Conditions.Contains(ConditionKind.AwayFromFrontLine) && sector.NearFrontLine)
        {
            return $"caveat: away from the front line ({sector.Name} is near it)";
        }

        if (offer.Conditions.Contains(ConditionKind.LogisticsOnly) && problem.Capabilities[requirement.CapabilityCode].Category != PledgeCategory.Logistics)
        {
            return "caveat: logistics only";
        }

        if (offer.ReadinessDays is { } days && problem.Scenario.PlanDate.AddDays(days) > requirement.WindowStart)
        {
            return $"ready {problem.Scenario.PlanDate.AddDays(days):yyyy-MM-dd}, after the window opens {requirement.WindowStart:yyyy-MM-dd}";
        }

        return null;
    }

    /// <summary>The pairs (offer index, requirement index) a plan may use, in a stable order.</summary>
    public static IReadOnlyList<(int Offer, int Requirement)> Arcs(PlanningProblem problem)
    {
        var arcs = new List<(int, int)>();
        var byCapability = problem.Requirements.Select((r, i) => (r, i)).ToLookup(x => x.r.CapabilityCode);
        for (var o = 0; o < problem.Offers.Count; o++)
        {
            var offer = problem.Offers[o];
            if (Unusable(offer, problem.Scenario) is not null)
            {
                continue;
            }

            foreach (var (requirement, r) in byCapability[offer.CapabilityCode])
            {
                if (CannotFill(offer, requirement, problem) is null)
                {
                    arcs.Add((o, r));
                }
            }
        }

        return arcs;
    }

    /// <summary>
    /// The reason an unused offer gives: unusable, barred from every line of its capability, or — when the plan
    /// could have used it — which of the reasons holds for it in this plan: the lines are covered, its
    /// member's cap is reached, what is left is smaller than one of its units, or the plan preferred others.
    /// </summary>
    /// <param name="covered">How much of each line (by index) the plan covers.</param>
    /// <param name="memberUsed">How much each member gives in each measure in the plan.</param>
    public static string WhyUnused(Offer offer, PlanningProblem problem, IReadOnlyDictionary<int, long> covered, IReadOnlyDictionary<(string Member, string Measure), long> memberUsed)
    {
        if (Unusable(offer, problem.Scenario) is { } reason)
        {
            return reason;
        }

        var lines = problem.Requirements.Where(r => r.CapabilityCode == offer.CapabilityCode).ToList();
        if (lines.Count == 0)
        {
            return "no requirement asks for this capability";
        }

        var barred = lines.Select(r => CannotFill(offer, r, problem)).ToList();
        if (barred.All(b => b is not null))
        {
            return string.Join("; ", barred.Distinct());
        }

        var open = problem.Requirements.Select((r, i) => (r, i)).Where(x => x.r.CapabilityCode == offer.CapabilityCode && CannotFill(offer, x.r, problem) is null)
            .Select(x => (x.r.Code, Left: x.r.Quantity - covered.GetValueOrDefault(x.i))).ToList();
        var measure = problem.Capabilities[offer.CapabilityCode].Measure;
        if (open.All(l => l.Left <= 0))
        {
            return $"not used: the lines it could fill ({string.Join(", ", open.Select(l => l.Code))}) are covered by other pledges";
        }

        if (problem.Scenario.MemberLimits.TryGetValue(offer.Member, out var cap) && cap - memberUsed.GetValueOrDefault((offer.Member, measure)) < offer.UnitSize)
        {
            return $"not used: {offer.Member}'s cap of {cap:N0} {measure} in this scenario is reached ({memberUsed.GetValueOrDefault((offer.Member, measure)):N0} used)";
        }

        var largest = open.MaxBy(l => l.Left);
        if (largest.Left < offer.UnitSize)
        {
            return $"not used: what is left of {string.Join(", ", open.Where(l => l.Left > 0).Select(l => $"{l.Code} ({l.Left:N0} {measure})"))} is smaller than one of its units ({offer.UnitSize:N0} {measure})";
        }

        return $"not used: the plan fills {largest.Code} with other pledges it prefers (fewer nations per line, readier forces)";
    }

    public static string Describe(ConditionKind condition) => condition switch
    {
        ConditionKind.UsBackstop => "a US backstop",
        ConditionKind.UnMandate => "a UN mandate",
        ConditionKind.AfterCeasefire => "a ceasefire in force",
        ConditionKind.OnRequest => "a request to the member",
        ConditionKind.UsInvolvement => "US involvement",
        ConditionKind.PoliticalFramework => "an agreed political framework",
        _ => Kebab.Of(condition).Replace('-', ' '),
    };
}
