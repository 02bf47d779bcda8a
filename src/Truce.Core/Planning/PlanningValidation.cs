using Truce.Core.Common;

namespace Truce.Core.Planning;

/// <summary>Contradictory or incomplete inputs, named before any solver runs.</summary>
public static class PlanningValidation
{
    public static ValidationErrors Check(PlanningProblem problem)
    {
        var errors = new ValidationErrors();
        if (problem.Requirements.Count == 0)
        {
            errors.Add("requirements", "The mission has no requirements: there is nothing to plan.");
        }

        foreach (var (r, i) in problem.Requirements.Select((r, i) => (r, i)))
        {
            if (!problem.Capabilities.ContainsKey(r.CapabilityCode))
            {
                errors.Add($"requirements[{i}].capability", $"'{r.CapabilityCode}' is not in the capability catalogue.");
            }

            if (!problem.Sectors.ContainsKey(r.SectorCode))
            {
                errors.Add($"requirements[{i}].sector", $"'{r.SectorCode}' is not a known sector.");
            }

            if (r.Quantity <= 0)
            {
                errors.Add($"requirements[{i}].quantity", $"{r.Code}: must be above zero; got {r.Quantity}.");
            }

            if (r.WindowEnd < r.WindowStart)
            {
                errors.Add($"requirements[{i}].window", $"{r.Code}: the window ends ({r.WindowEnd:yyyy-MM-dd}) before it starts ({r.WindowStart:yyyy-MM-dd}).");
            }

            if (r.Priority < 1)
            {
                errors.Add($"requirements[{i}].priority", $"{r.Code}: priority 1 is the highest; got {r.Priority}.");
            }
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

        foreach (var (member, limit) in problem.Scenario.MemberLimits)
        {
            if (limit < 0)
            {
                errors.Add($"scenario.memberLimits.{member}", $"A limit cannot be negative; got {limit}.");
            }

            if (problem.Scenario.ExcludedMembers.Contains(member) && limit > 0)
            {
                errors.Add($"scenario.memberLimits.{member}", $"{member} is excluded from the scenario and given a limit of {limit}: choose one.");
            }
        }

        return errors;
    }
}
