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
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/planning").WithTags("Planning").RequireAuthorization();
        api.MapGet("/capabilities", Capabilities).WithSummary("The capability catalogue: what a unit of each means and what it is measured in.");
        api.MapGet("/sectors", Sectors).WithSummary("The named areas requirements are placed in, and whether each is in Ukraine or near the front line.");
        api.MapGet("/missions", Missions).WithSummary("Missions with their requirement lines.");
        api.MapGet("/missions/{code}", Mission).WithSummary("One mission with its requirement lines.");
        api.MapPost("/missions/{code}/requirements", AddRequirement).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Add a requirement line (capability, quantity, sector, window, priority); audited.").Accepts<RequirementInput>("application/json");
        api.MapPut("/requirements/{id:int}", UpdateRequirement).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Change a requirement line: any of capability, quantity, sector, window, priority, note; audited.").Accepts<RequirementInput>("application/json");
        api.MapDelete("/requirements/{id:int}", RemoveRequirement).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Remove a requirement line; audited with the line as it was.");
        api.MapGet("/scenarios", Scenarios).WithSummary("Saved scenarios.");
        api.MapGet("/scenarios/{id:int}", Scenario).WithSummary("One saved scenario's settings.");
        api.MapPost("/scenarios", SaveScenario).RequireAuthorization(SecuritySetup.EditPlanning)
            .WithSummary("Save a scenario under its name (conditions that do not hold, excluded members, plan date, member limits); audited.").Accepts<ScenarioInput>("application/json");
        api.MapPost("/plans", Plan).WithSummary("Plan a mission under a scenario: allocations, shortfalls, unused pledges with reasons, status, bound, gap, time.")
            .Accepts<PlanRequest>("application/json");
        api.MapPost("/compare", Compare).WithSummary("Plan a mission under two or more scenarios side by side: coverage per line, pledges that drop out and why.")
            .Accepts<CompareRequest>("application/json");
        return app;
    }

    public sealed record CapabilityView(string Code, string Name, string Category, string Measure, int PersonnelPerUnit, string? Equipment);

    public sealed record SectorView(string Code, string Name, bool InUkraine, bool NearFrontLine, bool Maritime);

    public sealed record ScenarioSummary(int Id, string Name, int Version, DateTime UpdatedAt, string UpdatedBy, string Marking);

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

    private static async Task<Ok<List<CapabilityView>>> Capabilities(PlanService plans, CancellationToken ct) =>
        TypedResults.Ok((await plans.CapabilitiesAsync(ct)).Select(c => new CapabilityView(c.Code, c.Name, Kebab.Of(c.Category), c.Measure, c.PersonnelPerUnit, c.Equipment)).ToList());

    private static async Task<Ok<List<SectorView>>> Sectors(PlanService plans, CancellationToken ct) =>
        TypedResults.Ok((await plans.SectorsAsync(ct)).Select(s => new SectorView(s.Code, s.Name, s.InUkraine, s.NearFrontLine, s.Maritime)).ToList());

    private static async Task<Ok<IReadOnlyList<MissionView>>> Missions(PlanService plans, CancellationToken ct) => TypedResults.Ok(await plans.MissionsAsync(ct));

    private static async Task<Results<Ok<MissionView>, ProblemHttpResult>> Mission(PlanService plans, string code, CancellationToken ct) =>
        await plans.MissionAsync(code, ct) is { } mission ? TypedResults.Ok(mission) : ApiProblems.NotFound($"No mission '{code}'.");

    private static async Task<IResult> AddRequirement(PlanService plans, HttpContext context, string code, CancellationToken ct)
    {
        var (input, problem) = await ApiProblems.ReadBody<RequirementInput>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (line, errors, found) = await plans.AddRequirementAsync(code, input!, context.User.ToPrincipal(), ct);
        return !found ? ApiProblems.NotFound($"No mission '{code}'.")
            : line is null ? ApiProblems.Invalid(errors)
            : TypedResults.Created($"/api/v1/planning/missions/{code}", line);
    }

    private static async Task<IResult> UpdateRequirement(PlanService plans, HttpContext context, int id, CancellationToken ct)
    {
        var (input, problem) = await ApiProblems.ReadBody<RequirementInput>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (line, errors, found) = await plans.UpdateRequirementAsync(id, input!, context.User.ToPrincipal(), ct);
        return !found ? ApiProblems.NotFound($"No requirement line {id}.") : line is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(line);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveRequirement(PlanService plans, HttpContext context, int id, CancellationToken ct) =>
        await plans.RemoveRequirementAsync(id, context.User.ToPrincipal(), ct) ? TypedResults.NoContent() : ApiProblems.NotFound($"No requirement line {id}.");

    private static async Task<Ok<List<ScenarioSummary>>> Scenarios(PlanService plans, CancellationToken ct) =>
        TypedResults.Ok((await plans.ScenariosAsync(ct)).Select(s => new ScenarioSummary(s.Id, s.Name, s.Version, DateTime.SpecifyKind(s.UpdatedAtUtc, DateTimeKind.Utc), s.UpdatedBy, s.Marking.ToString())).ToList());

    private static async Task<Results<Ok<ScenarioInput>, ProblemHttpResult>> Scenario(PlanService plans, int id, CancellationToken ct) =>
        await plans.ScenarioAsync(id, ct) is { } scenario ? TypedResults.Ok(scenario) : ApiProblems.NotFound($"No scenario {id}.");

    private static async Task<IResult> SaveScenario(PlanService plans, HttpContext context, CancellationToken ct)
    {
        var (input, problem) = await ApiProblems.ReadBody<ScenarioInput>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (saved, errors) = await plans.SaveScenarioAsync(input!, context.User.ToPrincipal(), ct);
        return saved is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(new ScenarioSummary(saved.Id, saved.Name, saved.Version, DateTime.SpecifyKind(saved.UpdatedAtUtc, DateTimeKind.Utc), saved.UpdatedBy, saved.Marking.ToString()));
    }

    private static async Task<IResult> Plan(PlanService plans, HttpContext context, CancellationToken ct)
    {
        var (request, problem) = await ApiProblems.ReadBody<PlanRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (limit, errors) = Checked(request!.Mission, request.TimeLimitSeconds);
        var scenario = request.Scenario ?? new ScenarioInput();
        if (request.ScenarioId is { } id)
        {
            var saved = await plans.ScenarioAsync(id, ct);
            if (saved is null)
            {
                errors.Add("scenarioId", $"No saved scenario {id}.");
            }
            else
            {
                scenario = saved;
            }
        }

        return errors.IsEmpty ? Respond(request.Mission!, await plans.SolveAsync(request.Mission!, scenario, limit, ct)) : ApiProblems.Invalid(errors);
    }

    private static async Task<IResult> Compare(PlanService plans, HttpContext context, CancellationToken ct)
    {
        var (request, problem) = await ApiProblems.ReadBody<CompareRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (limit, errors) = Checked(request!.Mission, request.TimeLimitSeconds);
        return errors.IsEmpty ? Respond(request.Mission!, await plans.CompareAsync(request.Mission!, request.Scenarios ?? [], limit, ct)) : ApiProblems.Invalid(errors);
    }

    /// <summary>What every planning request must say: the mission, and a time limit within bounds.</summary>
    private static (TimeSpan Limit, ValidationErrors Errors) Checked(string? mission, double? seconds)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(mission))
        {
            errors.Add("mission", "Required: the mission's code, e.g. reassurance-force.");
        }

        return (Limit(seconds, errors), errors);
    }

    /// <summary>A planning outcome as HTTP: 404 for an unknown mission, 400 naming each bad field, else the result.</summary>
    private static IResult Respond<T>(string mission, (T? Result, ValidationErrors Errors, bool MissionFound) outcome)
        where T : class =>
        !outcome.MissionFound ? ApiProblems.NotFound($"No mission '{mission}'.")
        : outcome.Result is null ? ApiProblems.Invalid(outcome.Errors)
        : TypedResults.Ok(outcome.Result);

    private static TimeSpan Limit(double? seconds, ValidationErrors errors)
    {
        if (seconds is { } s && (s < 0.1 || s > 30))
        {
            errors.Add("timeLimitSeconds", $"Between 0.1 and 30 seconds; got {s}.");
        }

        return seconds is { } v && v >= 0.1 && v <= 30 ? TimeSpan.FromSeconds(v) : PlanService.DefaultLimit;
    }
}
