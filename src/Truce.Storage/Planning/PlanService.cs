using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Security;

namespace Truce.Storage.Planning;

public sealed record RequirementView(int Id, string Code, string Capability, string CapabilityName, string Measure, long Quantity, string Sector, string SectorName, DateOnly WindowStart, DateOnly WindowEnd, int Priority, string? Note, string Marking);

public sealed record MissionView(string Code, string Name, string? Description, bool Illustrative, string Marking, IReadOnlyList<RequirementView> Requirements);

public sealed record LineView(string Code, string Capability, string Measure, string Sector, int Priority, long Demand, long Covered, long Missing, double Coverage);

public sealed record AllocationView(int PledgeId, string Member, string Title, string Requirement, long Quantity);

public sealed record PlanView(
    string Mission,
    string Scenario,
    string ComputedFor,
    int PledgesConsidered,
    string Method,
    string Status,
    long Objective,
    long BestBound,
    double Gap,
    string PreferencesStatus,
    int NationLines,
    double ElapsedMs,
    double WeightedCoverage,
    IReadOnlyList<LineView> Lines,
    IReadOnlyList<AllocationView> Allocations,
    IReadOnlyList<UnusedPledge> Unused,
    IReadOnlyList<MemberContribution> Contributions,
    string Note);

public sealed record DroppedPledge(int PledgeId, string Member, string Title, string Scenario, long UsedInFirst, string Reason);

public sealed record ComparisonView(IReadOnlyList<PlanView> Plans, IReadOnlyList<string> Scenarios, IReadOnlyList<ComparedLine> Lines, IReadOnlyList<DroppedPledge> DroppedOut, string Optimality);

public sealed record ComparedLine(string Code, string Capability, string Measure, int Priority, long Demand, IReadOnlyList<long> Covered);

/// <summary>
/// Planning over the stored catalogue, missions and ledger. A plan is computed for the current principal
/// from the pledges that principal may read (the storage layer's filters see to it), and says so.
/// </summary>
public sealed class PlanService(TruceDb db, CurrentPrincipal current, AuditTrail audit, IPlanner planner, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(2);

    public const int MaxCompared = 5;

    public async Task<IReadOnlyList<CatalogueCapability>> CapabilitiesAsync(CancellationToken ct = default) =>
        await db.Capabilities.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);

    public async Task<IReadOnlyList<MissionSector>> SectorsAsync(CancellationToken ct = default) =>
        await db.Sectors.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);

    public async Task<IReadOnlyList<MissionView>> MissionsAsync(CancellationToken ct = default)
    {
        var missions = await db.Missions.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        var result = new List<MissionView>();
        foreach (var m in missions)
        {
            result.Add((await MissionAsync(m.Code, ct))!);
        }

        return result;
    }

    public async Task<MissionView?> MissionAsync(string code, CancellationToken ct = default)
    {
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, ct);
        if (mission is null)
        {
            return null;
        }

        var capabilities = await db.Capabilities.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var lines = await db.Requirements.AsNoTracking().Where(r => r.MissionCode == code).OrderBy(r => r.Priority).ThenBy(r => r.Code).ToListAsync(ct);
        return new MissionView(mission.Code, mission.Name, mission.Description, mission.Illustrative, mission.Marking.ToString(), lines.Select(r => new RequirementView(
            r.Id, r.Code, r.CapabilityCode, capabilities.GetValueOrDefault(r.CapabilityCode)?.Name ?? r.CapabilityCode, capabilities.GetValueOrDefault(r.CapabilityCode)?.Measure ?? string.Empty,
            r.Quantity, r.SectorCode, sectors.GetValueOrDefault(r.SectorCode)?.Name ?? r.SectorCode, r.WindowStart, r.WindowEnd, r.Priority, r.Note, r.Marking.ToString())).ToList());
    }

    /// <summary>Adds a requirement line to a mission (audited); the errors name each bad field.</summary>
    public async Task<(RequirementView? Line, ValidationErrors Errors, bool MissionFound)> AddRequirementAsync(string missionCode, RequirementInput input, Principal principal, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var errors = new ValidationErrors();
        if (!await db.Missions.AnyAsync(m => m.Code == missionCode, ct))
        {
            return (null, errors, false);
        }

        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("code", "Required: a short code for the line, e.g. L5.");
        }
        else if (await db.Requirements.IgnoreQueryFilters().AnyAsync(r => r.MissionCode == missionCode && r.Code == code, ct))
        {
            // Neutral words: the taken code may belong to a line this principal may not read.
            errors.Add("code", $"The code '{code}' is taken in {missionCode}; choose another.");
        }

        if (input.Capability is null || !await db.Capabilities.AnyAsync(c => c.Code == input.Capability, ct))
        {
            errors.Add("capability", $"'{input.Capability}' is not in the capability catalogue (GET /api/v1/planning/capabilities).");
        }

        if (input.Sector is null || !await db.Sectors.AnyAsync(s => s.Code == input.Sector, ct))
        {
            errors.Add("sector", $"'{input.Sector}' is not a sector (GET /api/v1/planning/sectors).");
        }

        if (input.Quantity is not > 0)
        {
            errors.Add("quantity", "Required: a whole number above zero, in the capability's measure.");
        }

        if (input.WindowStart is null || input.WindowEnd is null)
        {
            errors.Add("window", "Required: windowStart and windowEnd (yyyy-mm-dd).");
        }
        else if (input.WindowEnd < input.WindowStart)
        {
            errors.Add("window", $"The window ends ({input.WindowEnd:yyyy-MM-dd}) before it starts ({input.WindowStart:yyyy-MM-dd}).");
        }

        if (input.Priority is < 1 or > 9)
        {
            errors.Add("priority", $"1 (most important) to 9; got {input.Priority}.");
        }

        var marking = MarkingRulesFor(input.Marking, principal, errors);
        await CheckRelToAsync(marking, errors, ct);
        if (!errors.IsEmpty)
        {
            return (null, errors, true);
        }

        var line = new MissionRequirement
        {
            MissionCode = missionCode,
            Code = code!,
            CapabilityCode = input.Capability!,
            SectorCode = input.Sector!,
            Quantity = input.Quantity!.Value,
            WindowStart = input.WindowStart!.Value,
            WindowEnd = input.WindowEnd!.Value,
            Priority = input.Priority ?? 1,
            Note = input.Note,
            Marking = marking!,
        };
        db.Requirements.Add(line);
        audit.Append(principal, "requirement.created", $"mission/{missionCode}/{code}", after: JsonSerializer.Serialize(input, TruceJson.Options), detail: $"{line.Quantity} {line.CapabilityCode} in {line.SectorCode}, priority {line.Priority} ({line.Marking})");
        await db.SaveChangesAsync(ct);
        var view = (await MissionAsync(missionCode, ct))!.Requirements.Single(r => r.Code == code);
        return (view, errors, true);
    }

    /// <summary>Changes a requirement line (audited with before and after); the code and mission stay.</summary>
    public async Task<(RequirementView? Line, ValidationErrors Errors, bool Found)> UpdateRequirementAsync(int id, RequirementInput input, Principal principal, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var line = await db.Requirements.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (line is null)
        {
            return (null, new ValidationErrors(), false);
        }

        var errors = new ValidationErrors();
        var capability = input.Capability ?? line.CapabilityCode;
        var sector = input.Sector ?? line.SectorCode;
        var (start, end) = (input.WindowStart ?? line.WindowStart, input.WindowEnd ?? line.WindowEnd);
        if (!await db.Capabilities.AnyAsync(c => c.Code == capability, ct))
        {
            errors.Add("capability", $"'{capability}' is not in the capability catalogue (GET /api/v1/planning/capabilities).");
        }

        if (!await db.Sectors.AnyAsync(s => s.Code == sector, ct))
        {
            errors.Add("sector", $"'{sector}' is not a sector (GET /api/v1/planning/sectors).");
        }

        if (input.Quantity is <= 0)
        {
            errors.Add("quantity", $"Must be above zero; got {input.Quantity}.");
        }

        if (end < start)
        {
            errors.Add("window", $"The window ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        if (input.Priority is < 1 or > 9)
        {
            errors.Add("priority", $"1 (most important) to 9; got {input.Priority}.");
        }

        if (input.Code is { } code && code != line.Code)
        {
            errors.Add("code", "A line keeps its code; add a new line instead.");
        }

        if (input.Marking is not null)
        {
            errors.Add("marking", "A line's marking is set when it is added.");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors, true);
        }

        var before = JsonSerializer.Serialize(line.ToRequirement(), TruceJson.Options);
        (line.CapabilityCode, line.SectorCode, line.WindowStart, line.WindowEnd) = (capability, sector, start, end);
        line.Quantity = input.Quantity ?? line.Quantity;
        line.Priority = input.Priority ?? line.Priority;
        line.Note = input.Note ?? line.Note;
        audit.Append(principal, "requirement.changed", $"mission/{line.MissionCode}/{line.Code}", before, JsonSerializer.Serialize(line.ToRequirement(), TruceJson.Options), $"{line.Quantity} {line.CapabilityCode} in {line.SectorCode}, priority {line.Priority}");
        await db.SaveChangesAsync(ct);
        return ((await MissionAsync(line.MissionCode, ct))!.Requirements.Single(r => r.Id == id), errors, true);
    }

    /// <summary>Removes a requirement line (audited, with the line as it was).</summary>
    public async Task<bool> RemoveRequirementAsync(int id, Principal principal, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var line = await db.Requirements.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (line is null)
        {
            return false;
        }

        db.Requirements.Remove(line);
        audit.Append(principal, "requirement.removed", $"mission/{line.MissionCode}/{line.Code}", JsonSerializer.Serialize(line.ToRequirement(), TruceJson.Options));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<SavedScenario>> ScenariosAsync(CancellationToken ct = default) =>
        await db.Scenarios.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

    /// <summary>Saves a scenario under its name (a new one, or a new version of the one with that name), audited.</summary>
    public async Task<(SavedScenario? Scenario, ValidationErrors Errors)> SaveScenarioAsync(ScenarioInput input, Principal principal, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", "Required: a name to find the scenario by, e.g. 'No US backstop'.");
        }

        input.ToScenario(errors, "scenario");
        var marking = MarkingRulesFor(input.Marking, principal, errors);
        await CheckRelToAsync(marking, errors, ct);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var name = input.Name!.Trim();
        var saved = await db.Scenarios.FirstOrDefaultAsync(s => s.Name == name, ct);
        if (saved is null && await db.Scenarios.IgnoreQueryFilters().AnyAsync(s => s.Name == name, ct))
        {
            errors.Add("name", "That name is taken; choose another.");
            return (null, errors);
        }

        if (saved is not null && input.Marking is not null && !saved.Marking.SameAs(marking!))
        {
            errors.Add("marking.level", $"A saved scenario keeps its marking ({saved.Marking}); save under a new name to mark it otherwise.");
            return (null, errors);
        }

        var settings = JsonSerializer.Serialize(input, TruceJson.Options);
        if (saved is null)
        {
            saved = new SavedScenario { Name = name, SettingsJson = settings, UpdatedBy = principal.Name, Marking = marking! };
            db.Scenarios.Add(saved);
        }
        else
        {
            saved.SettingsJson = settings;
            saved.Version++;
            saved.UpdatedBy = principal.Name;
        }

        saved.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Append(principal, "scenario.saved", $"scenario/{name}", after: settings, detail: $"version {saved.Version} ({saved.Marking})");
        await db.SaveChangesAsync(ct);
        return (saved, errors);
    }

    public async Task<ScenarioInput?> ScenarioAsync(int id, CancellationToken ct = default) =>
        await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? JsonSerializer.Deserialize<ScenarioInput>(s.SettingsJson, TruceJson.Options)
            : null;

    /// <summary>The problem as the current principal may see it: their requirements, their pledges.</summary>
    /// <summary>The problem as the current principal may see it: their requirements, their pledges.</summary>
    public async Task<(PlanningProblem? Problem, ValidationErrors Errors, bool MissionFound)> ProblemAsync(string missionCode, ScenarioInput scenario, CancellationToken ct = default)
    {
        var ledger = await LedgerAsync(missionCode, ct);
        if (ledger is null)
        {
            return (null, new ValidationErrors(), false);
        }

        var (problem, errors) = ledger.Under(scenario);
        return (problem, errors, true);
    }

    /// <summary>
    /// What a mission is planned from, read once per request however many scenarios it is planned under:
    /// the lines, the offers and catalogue the principal may see, the sectors and the members.
    /// </summary>
    private async Task<PlanningLedger?> LedgerAsync(string missionCode, CancellationToken ct)
    {
        if (!await db.Missions.AnyAsync(m => m.Code == missionCode, ct))
        {
            return null;
        }

        var requirements = (await db.Requirements.AsNoTracking().Where(r => r.MissionCode == missionCode).OrderBy(r => r.Id).ToListAsync(ct)).Select(r => r.ToRequirement()).ToList();
        var capabilities = (await db.Capabilities.AsNoTracking().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.ToType());

        // A pledge offering a capability the caller cannot see in the catalogue cannot serve their plan.
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
        public (PlanningProblem? Problem, ValidationErrors Errors) Under(ScenarioInput scenario)
        {
            var errors = new ValidationErrors();
            var planningScenario = scenario.ToScenario(errors);
            foreach (var member in (scenario.ExcludedMembers ?? []).Concat(scenario.ParliamentApproved ?? []).Concat(scenario.MemberLimits?.Keys.ToList() ?? []).Distinct())
            {
                if (!Members.Contains(member))
                {
                    errors.Add("scenario.members", $"'{member}' is not a coalition member.");
                }
            }

            var problem = new PlanningProblem(Requirements, Offers, planningScenario, Capabilities, Sectors);
            foreach (var (field, messages) in PlanningValidation.Check(problem).ToDictionary())
            {
                Array.ForEach(messages, m => errors.Add(field, m));
            }

            return (errors.IsEmpty ? problem : null, errors);
        }
    }

    public async Task<(PlanView? Plan, ValidationErrors Errors, bool MissionFound)> SolveAsync(string missionCode, ScenarioInput scenario, TimeSpan? limit = null, CancellationToken ct = default)
    {
        var (problem, errors, found) = await ProblemAsync(missionCode, scenario, ct);
        if (problem is null)
        {
            return (null, errors, found);
        }

        var plan = planner.Solve(problem, limit ?? DefaultLimit);
        return (View(missionCode, problem, plan), errors, true);
    }

    public async Task<(ComparisonView? Comparison, ValidationErrors Errors, bool MissionFound)> CompareAsync(string missionCode, IReadOnlyList<ScenarioInput> scenarios, TimeSpan? limit = null, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (scenarios.Count is < 2 or > MaxCompared)
        {
            errors.Add("scenarios", $"Give two to {MaxCompared} scenarios to compare, e.g. the base case and one without the US backstop.");
            return (null, errors, true);
        }

        // One request may not hold both cores for long: the scenarios share 30 seconds at most.
        limit = TimeSpan.FromTicks(Math.Min((limit ?? DefaultLimit).Ticks, TimeSpan.FromSeconds(30).Ticks / scenarios.Count));

        var ledger = await LedgerAsync(missionCode, ct);
        if (ledger is null)
        {
            return (null, errors, false);
        }

        var plans = new List<PlanView>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var (problem, problemErrors) = ledger.Under(scenarios[i]);
            if (problem is null)
            {
                foreach (var (field, messages) in problemErrors.ToDictionary())
                {
                    Array.ForEach(messages, m => errors.Add($"scenarios[{i}].{field.Replace("scenario.", string.Empty, StringComparison.Ordinal)}", m));
                }

                continue;
            }

            plans.Add(View(missionCode, problem, planner.Solve(problem, limit ?? DefaultLimit)));
        }

        if (!errors.IsEmpty)
        {
            return (null, errors, true);
        }

        var first = plans[0];
        var lines = first.Lines.Select(l => new ComparedLine(l.Code, l.Capability, l.Measure, l.Priority, l.Demand, plans.Select(p => p.Lines.Single(x => x.Code == l.Code).Covered).ToList())).ToList();
        var used = first.Allocations.GroupBy(a => a.PledgeId).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        var dropped = new List<DroppedPledge>();
        for (var i = 1; i < plans.Count; i++)
        {
            foreach (var unused in plans[i].Unused.Where(u => used.ContainsKey(u.PledgeId)))
            {
                dropped.Add(new DroppedPledge(unused.PledgeId, unused.Member, unused.Title, plans[i].Scenario, used[unused.PledgeId], unused.Reason));
            }
        }

        var notOptimal = plans.Where(p => p.Status != nameof(PlanStatus.Optimal)).ToList();
        var optimality = notOptimal.Count == 0
            ? "Every plan is proven optimal for coverage: the differences are the scenarios'."
            : "Not every plan is proven optimal: " + string.Join("; ", notOptimal.Select(p => $"'{p.Scenario}' is {p.Status.ToLowerInvariant()} with a gap of {p.Gap:P2}")) + ". Differences in coverage smaller than the gaps may be the solver's, not the scenarios'.";
        return (new ComparisonView(plans, plans.Select(p => p.Scenario).ToList(), lines, dropped, optimality), errors, true);
    }

    private PlanView View(string missionCode, PlanningProblem problem, PlanResult plan)
    {
        var titles = problem.Offers.ToDictionary(o => o.PledgeId, o => o.Title);
        var principal = current.Principal;
        var lines = plan.Shortfalls.Select(s => new LineView(s.Code, s.CapabilityCode, problem.Capabilities[s.CapabilityCode].Measure, s.SectorCode, s.Priority, s.Demand, s.Covered, s.Missing, s.Coverage)).ToList();
        return new PlanView(
            missionCode,
            plan.Scenario,
            principal.Name,
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
            principal.SeesAll
                ? $"Computed from all {problem.Offers.Count} pledges mapped to the catalogue."
                : $"Computed for {principal.Name} from the {problem.Offers.Count} pledges releasable to them; pledges they may not read are not counted.");
    }

    private async Task CheckRelToAsync(Marking? marking, ValidationErrors errors, CancellationToken ct)
    {
        foreach (var member in marking?.RelTo ?? [])
        {
            if (!await db.Members.IgnoreQueryFilters().AnyAsync(m => m.ActorCode == member, ct))
            {
                errors.Add("marking.relTo", $"'{member}' is not a coalition member.");
            }
        }
    }

    private static Marking? MarkingRulesFor(Truce.Core.Commitments.MarkingInput? input, Principal principal, ValidationErrors errors)
    {
        var marking = Truce.Core.Commitments.MarkingRules.Read(input, principal.MemberCode ?? string.Empty, errors);
        if (marking is not null && !principal.MaySee(marking))
        {
            errors.Add("marking.level", $"You would not be able to read a record marked {marking} yourself.");
        }

        return marking;
    }
}

/// <summary>A requirement line as clients write it.</summary>
public sealed class RequirementInput
{
    public string? Code { get; set; }

    public string? Capability { get; set; }

    public long? Quantity { get; set; }

    public string? Sector { get; set; }

    public DateOnly? WindowStart { get; set; }

    public DateOnly? WindowEnd { get; set; }

    public int? Priority { get; set; }

    public string? Note { get; set; }

    public Truce.Core.Commitments.MarkingInput? Marking { get; set; }
}
