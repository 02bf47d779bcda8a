using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Storage.Planning;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Force-generation planning: the capability catalogue, missions and their requirements, saved scenarios,
/// and plans. A plan is computed for the caller from the pledges the caller may read.
/// </summary>
public static class PlanningApi
{
    public static RouteGroupBuilder MapPlanningApi(this RouteGroupBuilder api)
    {
        var planning = api.MapGroup("/planning").WithTags("Planning");
        planning.MapGet("/capabilities", Capabilities).WithSummary("The capability catalogue: what a unit of each means and what it is measured in.");
        planning.MapGet("/sectors", Sectors).WithSummary("The named areas requirements are placed in, and whether each is in Ukraine or near the front line.");
        planning.MapGet("/missions", Missions).WithSummary("Missions with their requirement lines.");
        planning.MapGet("/missions/{code}", Mission).WithSummary("One mission with its requirement lines.");
        planning.MapPost("/missions/{code}/requirements", AddRequirement).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Add a requirement line (capability, quantity, sector, window, priority); audited.").Accepts<RequirementInput>("application/json");
        planning.MapPut("/requirements/{id:int}", UpdateRequirement).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Change a requirement line: any of capability, quantity, sector, window, priority, note; audited.").Accepts<RequirementInput>("application/json");
        planning.MapDelete("/requirements/{id:int}", RemoveRequirement).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Remove a requirement line; audited with the line as it was.");
        planning.MapGet("/scenarios", Scenarios).WithSummary("Saved scenarios.");
        planning.MapGet("/scenarios/{id:int}", Scenario).WithSummary("One saved scenario's settings.");
        planning.MapPost("/scenarios", SaveScenario).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Save a scenario under its name (conditions that do not hold, excluded members, plan date, member limits); audited.").Accepts<ScenarioInput>("application/json");
        planning.MapPost("/plans", Plan).WithSummary("Plan a mission under a scenario: allocations, shortfalls, unused pledges with reasons, status, bound, gap, time.")
            .Accepts<PlanRequest>("application/json");
        planning.MapPost("/compare", Compare).WithSummary("Plan a mission under two or more scenarios side by side: coverage per line, pledges that drop out and why.")
            .Accepts<CompareRequest>("application/json");
        return api;
    }

    public sealed class PlanRequest
    {
        public string? Mission { get; set; }

        public ScenarioInput? Scenario { get; set; }

        /// <summary>A saved scenario instead of an inline one.</summary>
        public int? ScenarioId { get; set; }

        /// <summary>How long the solver may take, 0.1–30 seconds (default 2).</summary>
        public double? TimeLimitSeconds { get; set; }
    }

    public sealed class CompareRequest
    {
        public string? Mission { get; set; }

        public List<ScenarioInput>? Scenarios { get; set; }

        public double? TimeLimitSeconds { get; set; }
    }

    private static async Task<Ok<IReadOnlyList<CapabilityView>>> Capabilities(PlanningCatalogue catalogue, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.CapabilitiesAsync(user.ToPrincipal(), ct));

    private static async Task<Ok<IReadOnlyList<SectorView>>> Sectors(PlanningCatalogue catalogue, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.SectorsAsync(user.ToPrincipal(), ct));

    private static async Task<Ok<IReadOnlyList<MissionView>>> Missions(PlanningCatalogue catalogue, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.MissionsAsync(user.ToPrincipal(), ct));

    private static async Task<Results<Ok<MissionView>, ProblemHttpResult, ValidationProblem>> Mission(PlanningCatalogue catalogue, ClaimsPrincipal user, string code, CancellationToken ct) =>
        (await catalogue.MissionAsync(user.ToPrincipal(), code, ct)).Http();

    private static async Task<Results<Created<RequirementView>, ProblemHttpResult, ValidationProblem>> AddRequirement(RequirementLines lines, ClaimsPrincipal user, HttpContext context, string code, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<RequirementInput>(context.Request);
        var outcome = input.IsDone ? await lines.AddAsync(user.ToPrincipal(), code, input.Value, ct) : input.AsRefusal();
        return outcome.Http(line => TypedResults.Created($"/api/v1/planning/missions/{code}", line));
    }

    private static async Task<Results<Ok<RequirementView>, ProblemHttpResult, ValidationProblem>> UpdateRequirement(RequirementLines lines, ClaimsPrincipal user, HttpContext context, int id, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<RequirementInput>(context.Request);
        return (input.IsDone ? await lines.UpdateAsync(user.ToPrincipal(), id, input.Value, ct) : input.AsRefusal()).Http();
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RemoveRequirement(RequirementLines lines, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await lines.RemoveAsync(user.ToPrincipal(), id, ct)).Http(_ => TypedResults.NoContent());

    private static async Task<Ok<IReadOnlyList<ScenarioSummary>>> Scenarios(SavedScenarios scenarios, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await scenarios.ListAsync(user.ToPrincipal(), ct));

    private static async Task<Results<Ok<ScenarioInput>, ProblemHttpResult, ValidationProblem>> Scenario(SavedScenarios scenarios, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await scenarios.GetAsync(user.ToPrincipal(), id, ct)).Http();

    /// <summary>A new scenario is 201 with its address; a new version of one already saved, 200.</summary>
    private static async Task<Results<Created<ScenarioSummary>, Ok<ScenarioSummary>, ProblemHttpResult, ValidationProblem>> SaveScenario(SavedScenarios scenarios, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<ScenarioInput>(context.Request);
        var saved = input.IsDone ? await scenarios.SaveAsync(user.ToPrincipal(), input.Value, ct) : input.AsRefusal().As<ScenarioSummary>();
        if (saved.Kind == OutcomeKind.Created)
        {
            return TypedResults.Created($"/api/v1/planning/scenarios/{saved.Value.Id}", saved.Value);
        }

        return saved.Http().Result switch
        {
            Ok<ScenarioSummary> ok => ok,
            ValidationProblem invalid => invalid,
            var problem => (ProblemHttpResult)problem,
        };
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult, ValidationProblem>> Plan(PlanRuns runs, SavedScenarios saved, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<PlanRequest>(context.Request);
        if (!body.IsDone)
        {
            return body.AsRefusal().As<PlanView>().Http();
        }

        var request = body.Value;
        var errors = new ValidationErrors();
        var limit = Checked(request.Mission, request.TimeLimitSeconds, errors);
        var scenario = request.Scenario ?? new ScenarioInput();
        if (request.ScenarioId is { } id)
        {
            var found = await saved.GetAsync(user.ToPrincipal(), id, ct);
            if (found.IsDone)
            {
                scenario = found.Value;
            }
            else
            {
                errors.Add("scenarioId", found.Message!);
            }
        }

        return errors.IsEmpty ? (await runs.SolveAsync(user.ToPrincipal(), request.Mission!, scenario, limit, ct)).Http() : Problems.Invalid(errors);
    }

    private static async Task<Results<Ok<ComparisonView>, ProblemHttpResult, ValidationProblem>> Compare(PlanRuns runs, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<CompareRequest>(context.Request);
        if (!body.IsDone)
        {
            return body.AsRefusal().As<ComparisonView>().Http();
        }

        var errors = new ValidationErrors();
        var limit = Checked(body.Value.Mission, body.Value.TimeLimitSeconds, errors);
        return errors.IsEmpty ? (await runs.CompareAsync(user.ToPrincipal(), body.Value.Mission!, body.Value.Scenarios ?? [], limit, ct)).Http() : Problems.Invalid(errors);
    }

    /// <summary>What every planning request must say: the mission, and a time limit within bounds.</summary>
    private static TimeSpan Checked(string? mission, double? seconds, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(mission))
        {
            errors.Add("mission", "Required: the mission's code, e.g. reassurance-force.");
        }

        return PlanLimits.TimeLimit(seconds, errors);
    }
}
