using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;

namespace Truce.Storage.Planning;

/// <summary>
/// Planning a mission under scenarios. A plan is computed for its reader from the pledges, lines and
/// catalogue that reader may see (the releasability filter sees to it), and says so. Planning reads only.
/// </summary>
public sealed class PlanRuns(TruceDb db, IPlanner planner, PlanSlots queue)
{
    public async Task<Outcome<PlanView>> SolveAsync(Principal reader, string missionCode, ScenarioInput scenario, TimeSpan? limit = null, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var ledger = await LedgerAsync(missionCode, ct);
        if (ledger is null)
        {
            return Outcome.NotFound($"No mission '{missionCode}'.");
        }

        var errors = ledger.Check();
        var problem = ledger.Under(scenario, errors, "scenario");
        if (problem is null || !errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var result = await queue.RunAsync(() => planner.Solve(problem, limit ?? PlanLimits.Default), ct);
        return result is null ? Outcome.Busy(PlanSlots.Full) : Outcome.Done(View(reader, missionCode, problem, result));
    }

    public async Task<Outcome<ComparisonView>> CompareAsync(Principal reader, string missionCode, IReadOnlyList<ScenarioInput> scenarios, TimeSpan? limit = null, CancellationToken ct = default)
    {
        if (scenarios.Count is < 2 or > PlanLimits.MaxCompared)
        {
            return Outcome.Invalid("scenarios", $"Give two to {PlanLimits.MaxCompared} scenarios to compare, e.g. the base case and one without the US backstop.");
        }

        using var reading = db.ReadAs(reader);
        var ledger = await LedgerAsync(missionCode, ct);
        if (ledger is null)
        {
            return Outcome.NotFound($"No mission '{missionCode}'.");
        }

        var errors = ledger.Check();
        var problems = scenarios.Select((s, i) => ledger.Under(s, errors, $"scenarios[{i}]")).ToList();
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var share = PlanLimits.PerScenario(limit ?? PlanLimits.Default, scenarios.Count);
        // One place in the queue for the whole comparison: its plans share the comparison's time budget.
        var results = await queue.RunAsync(() => problems.Select(p => planner.Solve(p!, share)).ToList(), ct);
        if (results is null)
        {
            return Outcome.Busy(PlanSlots.Full);
        }

        var plans = problems.Select((p, i) => View(reader, missionCode, p!, results[i])).ToList();
        var first = plans[0];
        var lines = first.Lines.Select(l => new ComparedLine(l.Code, l.Capability, l.Measure, l.Priority, l.Demand, plans.Select(p => p.Lines.Single(x => x.Code == l.Code).Covered).ToList())).ToList();
        var used = first.Allocations.GroupBy(a => a.PledgeId).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        var dropped = plans.Skip(1)
            .SelectMany(plan => plan.Unused.Where(u => used.ContainsKey(u.PledgeId)).Select(u => new DroppedPledge(u.PledgeId, u.Member, u.Title, plan.Scenario, used[u.PledgeId], u.Reason)))
            .ToList();
        var notOptimal = plans.Where(p => p.Status != nameof(PlanStatus.Optimal)).ToList();
        var optimality = notOptimal.Count == 0
            ? "Every plan is proven optimal for coverage: the differences are the scenarios'."
            : "Not every plan is proven optimal: " + string.Join("; ", notOptimal.Select(p => $"'{p.Scenario}' is {p.Status.ToLowerInvariant()} with a gap of {p.Gap:P2}")) + ". Differences in coverage smaller than the gaps may be the solver's, not the scenarios'.";
        return Outcome.Done(new ComparisonView(plans, plans.Select(p => p.Scenario).ToList(), lines, dropped, optimality));
    }

    /// <summary>
    /// What a mission is planned from, read once per request however many scenarios it is planned under:
    /// the lines, the offers and catalogue the reader may see, the sectors and the members.
    /// </summary>
    private async Task<PlanningLedger?> LedgerAsync(string missionCode, CancellationToken ct)
    {
        if (!await db.Missions.AnyAsync(m => m.Code == missionCode, ct))
        {
            return null;
        }

        var requirements = (await db.Requirements.AsNoTracking().Where(r => r.MissionCode == missionCode).OrderBy(r => r.Id).ToListAsync(ct)).Select(r => r.ToRequirement()).ToList();
        var capabilities = (await db.Capabilities.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.ToType());

        // A pledge offering a capability the reader cannot see in the catalogue cannot serve their plan.
        var offers = (await db.Pledges.AsNoTracking().Where(p => p.CapabilityCode != null).OrderBy(p => p.Id).ToListAsync(ct))
            .Select(Offers.From).OfType<Offer>().Where(o => capabilities.ContainsKey(o.CapabilityCode)).ToList();
        var sectors = (await db.Sectors.AsNoTracking().ToListAsync(ct)).ToDictionary(s => s.Code, s => s.ToSector());
        var members = (await db.Members.Select(m => m.ActorCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return new PlanningLedger(requirements, offers, capabilities, sectors, members);
    }

    private sealed record PlanningLedger(
        IReadOnlyList<Requirement> Requirements,
        IReadOnlyList<Offer> Offers,
        IReadOnlyDictionary<string, CapabilityType> Capabilities,
        IReadOnlyDictionary<string, Sector> Sectors,
        IReadOnlySet<string> Members)
    {
        /// <summary>What is wrong with the mission's lines and the offers, whatever the scenario.</summary>
        public ValidationErrors Check()
        {
            var errors = new ValidationErrors();
            PlanningValidation.CheckLinesAndOffers(new PlanningProblem(Requirements, Offers, new PlanningScenario(), Capabilities, Sectors), errors);
            return errors;
        }

        /// <summary>The problem under <paramref name="scenario"/>, or null with each fault named under <paramref name="prefix"/>.</summary>
        public PlanningProblem? Under(ScenarioInput scenario, ValidationErrors errors, string prefix)
        {
            var before = errors.Count;
            var planningScenario = scenario.ToScenario(errors, prefix);
            foreach (var member in (scenario.ExcludedMembers ?? []).Concat(scenario.ParliamentApproved ?? []).Concat(scenario.MemberLimits?.Keys.ToList() ?? []).Distinct())
            {
                if (!Members.Contains(member))
                {
                    errors.Add($"{prefix}.members", $"'{member}' is not a coalition member.");
                }
            }

            return errors.Count == before ? new PlanningProblem(Requirements, Offers, planningScenario, Capabilities, Sectors) : null;
        }
    }

    private static PlanView View(Principal reader, string missionCode, PlanningProblem problem, PlanResult plan)
    {
        var titles = problem.Offers.ToDictionary(o => o.PledgeId, o => o.Title);
        var lines = plan.Shortfalls.Select(s => new LineView(s.Code, s.CapabilityCode, problem.Capabilities[s.CapabilityCode].Measure, s.SectorCode, s.Priority, s.Demand, s.Covered, s.Missing, s.Coverage)).ToList();
        return new PlanView(
            missionCode,
            plan.Scenario,
            reader.Name,
            problem.Offers.Count,
            plan.Method,
            plan.Status.ToString(),
            plan.Objective,
            plan.BestBound,
            plan.Gap,
            plan.SecondaryStatus.ToString(),
            plan.NationLines,
            plan.Elapsed.TotalMilliseconds,
            plan.WeightedCoverage(problem),
            lines,
            plan.Allocations.Select(a => new AllocationView(a.PledgeId, a.Member, titles[a.PledgeId], a.RequirementCode, a.Quantity)).ToList(),
            plan.Unused,
            plan.Contributions,
            reader.SeesAll
                ? $"Computed from all {problem.Offers.Count} pledges mapped to the catalogue."
                : $"Computed for {reader.Name} from the {problem.Offers.Count} pledges releasable to them; pledges they may not read are not counted.");
    }
}
