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

    /// <summary>The reason an unused offer gives: unusable, barred from every line of its capability, or not used by the plan.</summary>
    public static string WhyUnused(Offer offer, PlanningProblem problem)
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
        return barred.All(b => b is not null)
            ? string.Join("; ", barred.Distinct())
            : "not used: the lines it could fill are covered by others, or what is left of them is smaller than one of its units or beyond its member's cap";
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
