using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Storage.Coalition;
using Truce.Storage.Planning;
using Truce.Web.Security;

namespace Truce.Web.Pages.Planning;

/// <summary>
/// The planning page: pick a mission and a scenario (which conditions hold, who is out, the plan date), plan
/// it, and compare it with the base case. Planning reads only; a GET keeps each plan a shareable address.
/// </summary>
public sealed class PlanningModel(PlanningCatalogue catalogue, PlanRuns runs, CoalitionDirectory directory) : PageModel
{
    public static readonly IReadOnlyList<ConditionKind> Toggles = Enum.GetValues<ConditionKind>().Where(c => !PlanningScenario.Caveats.Contains(c)).ToList();

    public IReadOnlyList<MissionView> Missions { get; private set; } = [];

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public string Mission { get; private set; } = "reassurance-force";

    public HashSet<string> Holding { get; private set; } = [];

    public HashSet<string> Excluded { get; private set; } = [];

    public DateOnly PlanDate { get; private set; } = PlanLimits.DefaultPlanDate;

    public PlanView? Plan { get; private set; }

    /// <summary>How long the solver may search, in seconds, when the planner asks for other than the default.</summary>
    public double? Seconds { get; private set; }

    public ComparisonView? Comparison { get; private set; }

    public async Task OnGetAsync(string? mission, string[]? hold, string[]? exclude, DateOnly? planDate, double? seconds, string? run, CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        Missions = await catalogue.MissionsAsync(reader, ct);
        Members = await directory.MembersAsync(reader, ct);
        Mission = mission ?? (Missions.Count > 0 ? Missions[0].Code : Mission);
        Holding = run is null ? Toggles.Select(c => Kebab.Of(c)).ToHashSet() : (hold ?? []).ToHashSet();
        Excluded = (exclude ?? []).ToHashSet();
        PlanDate = planDate ?? PlanLimits.DefaultPlanDate;
        Seconds = seconds;
        var errors = new Truce.Core.Common.ValidationErrors();
        var limit = PlanLimits.TimeLimit(seconds, errors, "seconds");
        if (!errors.IsEmpty)
        {
            this.Refused(Truce.Core.Common.Outcome.Invalid(errors).As<PlanView>());
            return;
        }

        if (run is null || Missions.Count == 0)
        {
            return;
        }

        var without = Toggles.Select(c => Kebab.Of(c)).Where(c => !Holding.Contains(c)).ToList();
        var scenario = new ScenarioInput { Without = without, ExcludedMembers = [.. Excluded], PlanDate = PlanDate };
        if (run == "compare" && (without.Count > 0 || Excluded.Count > 0))
        {
            var compared = await runs.CompareAsync(reader, Mission, [new ScenarioInput { Name = "Base case", PlanDate = PlanDate }, scenario], limit, ct);
            if (!this.Refused(compared))
            {
                (Comparison, Plan) = (compared.Value, compared.Value.Plans[1]);
            }
        }
        else
        {
            var plan = await runs.SolveAsync(reader, Mission, scenario, limit, ct);
            if (!this.Refused(plan))
            {
                Plan = plan.Value;
            }
        }
    }

    /// <summary>What the shortfall chart draws: per line, covered and missing (and the base case's cover when comparing).</summary>
    public object ChartData() => new
    {
        lines = Plan!.Lines.Select(l => new { label = $"{l.Code} {l.Capability} ({l.Measure})", covered = l.Coverage, missing = 1 - l.Coverage }),
        baseline = Comparison?.Lines.Select(l => l.Demand == 0 ? 1 : (double)l.Covered[0] / l.Demand),
    };
}
