using Truce.Core.Common;

namespace Truce.Core.Planning;

/// <summary>Contradictory or incomplete inputs, named before any solver runs.</summary>
public static class PlanningValidation
{
    /// <summary>Every rule of a problem: its lines, its offers and its scenario.</summary>
    public static ValidationErrors Check(PlanningProblem problem)
    {
        var errors = new ValidationErrors();
        CheckLinesAndOffers(problem, errors);
        CheckScenario(problem.Scenario, errors);
        return errors;
    }

    /// <summary>The requirement lines and the offers of a problem, for callers that read the scenario themselves.</summary>
    public static void CheckLinesAndOffers(PlanningProblem problem, ValidationErrors errors)
    {
        if (problem.Requirements.Count == 0)
        {
            errors.Add("requirements", "The mission has no requirements: there is nothing to plan.");
        }

        foreach (var (r, i) in problem.Requirements.Select((r, i) => (r, i)))
        {
            RequirementRules.Check(r, problem.Capabilities.ContainsKey, problem.Sectors.ContainsKey, errors, $"requirements[{i}].");
        }

        foreach (var (o, i) in problem.Offers.Select((o, i) => (o, i)))
        {
            if (!problem.Capabilities.ContainsKey(o.CapabilityCode))
            {
                errors.Add($"offers[{i}].capability", $"pledge {o.PledgeId}: '{o.CapabilityCode}' is not in the capability catalogue.");
            }

            if (o.UnitSize < 1 || o.Quantity < 0)
            {
                errors.Add($"offers[{i}].quantity", $"pledge {o.PledgeId}: quantity must be at least 0 and the unit size at least 1.");
            }
        }

    }

    /// <summary>
    /// The rules of a scenario itself: a plan date in range, member caps from 0 to the largest quantity, an
    /// excluded member without one, and lists of a sane length.
    /// </summary>
    public static void CheckScenario(PlanningScenario scenario, ValidationErrors errors, string prefix = "scenario")
    {
        DomainLimits.CheckDate(scenario.PlanDate, errors, $"{prefix}.planDate");
        if (scenario.MemberLimits.Count > TextRules.MaxListItems)
        {
            errors.Add($"{prefix}.memberLimits", $"At most {TextRules.MaxListItems} members; got {scenario.MemberLimits.Count}.");
            return;
        }

        foreach (var (member, limit) in scenario.MemberLimits)
        {
            if (limit < 0 || limit > DomainLimits.MaxQuantity)
            {
                errors.Add($"{prefix}.memberLimits.{member}", $"A limit from 0 to {DomainLimits.MaxQuantity:N0}; got {limit}.");
            }
            else if (scenario.ExcludedMembers.Contains(member) && limit > 0)
            {
                errors.Add($"{prefix}.memberLimits.{member}", $"{member} is excluded from the scenario and given a limit of {limit}: choose one.");
            }
        }
    }
}
