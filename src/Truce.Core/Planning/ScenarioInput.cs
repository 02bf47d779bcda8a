using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Planning;

/// <summary>
/// A scenario as clients write it: which conditions do not hold (<c>without</c>), whose parliaments have
/// approved (null: all), which members are out, the plan date, and per-member caps.
/// </summary>
public sealed class ScenarioInput
{
    public string? Name { get; set; }

    public List<string>? Without { get; set; }

    public List<string>? ParliamentApproved { get; set; }

    public List<string>? ExcludedMembers { get; set; }

    public DateOnly? PlanDate { get; set; }

    public Dictionary<string, long>? MemberLimits { get; set; }

    public MarkingInput? Marking { get; set; }

    public const int MaxName = 200;

    /// <summary>Reads the input into a scenario, naming each word that is wrong.</summary>
    public PlanningScenario ToScenario(ValidationErrors errors, string prefix = "scenario")
    {
        var holding = new HashSet<ConditionKind>(Enum.GetValues<ConditionKind>().Where(c => !PlanningScenario.Caveats.Contains(c)));
        var before = errors.Count;
        var name = TextRules.Read(Name, MaxName, errors, $"{prefix}.name");
        var listsFit = TextRules.CheckList(Without, errors, $"{prefix}.without")
            & TextRules.CheckList(ParliamentApproved, errors, $"{prefix}.parliamentApproved")
            & TextRules.CheckList(ExcludedMembers, errors, $"{prefix}.excludedMembers");
        if (!listsFit || errors.Count > before)
        {
            return new PlanningScenario { Name = name ?? "Base case" };
        }

        for (var i = 0; i < (Without?.Count ?? 0); i++)
        {
            if (!Kebab.TryParse(Without![i], out ConditionKind condition))
            {
                errors.Add($"{prefix}.without[{i}]", $"'{Without[i]}' is not a condition; expected one of {Kebab.Choices<ConditionKind>()}.");
            }
            else if (PlanningScenario.Caveats.Contains(condition))
            {
                errors.Add($"{prefix}.without[{i}]", $"'{Without[i]}' is a caveat on where a pledge may serve, not something a scenario turns off.");
            }
            else
            {
                holding.Remove(condition);
            }
        }

        var scenario = new PlanningScenario
        {
            Name = name ?? Describe(),
            Holding = holding,
            ParliamentApproved = ParliamentApproved?.ToHashSet(StringComparer.Ordinal),
            ExcludedMembers = (ExcludedMembers ?? []).ToHashSet(StringComparer.Ordinal),
            PlanDate = PlanDate ?? PlanLimits.DefaultPlanDate,
            MemberLimits = MemberLimits ?? [],
        };
        PlanningValidation.CheckScenario(scenario, errors, prefix);
        return scenario;
    }

    private string Describe()
    {
        var parts = (Without ?? []).Select(w => "no " + w.Replace('-', ' ')).Concat((ExcludedMembers ?? []).Select(m => "without " + m)).ToList();
        return parts.Count == 0 ? "Base case" : string.Join(", ", parts);
    }
}
