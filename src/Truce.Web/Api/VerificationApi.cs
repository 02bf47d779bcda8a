using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Verification;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Incidents over HTTP: the analysts' worklist, fusion proposals, one incident with its observations and
/// candidates, and every act on it — make, add observations, merge, split, move through verification,
/// attribute, release the marking, ask for help, claim and give back. Acts need an analyst, a verifier or an
/// admin (a token needs read and incidents:write); a change sends the incident's ETag (its version) in If-Match.
/// </summary>
public static class VerificationApi
{
    public static RouteGroupBuilder MapVerificationApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents").WithTags("Verification");
        incidents.MapGet("/", Worklist).WithSummary("The worklist: proposals among observations that arrived in the last 36 hours, then open incidents by section (new, mine, needs help, claimed by others, ready for review).");
        incidents.MapGet("/proposals", Proposals).WithSummary("Fusion proposals over current observations in no incident that were observed in [from, to) (at most 36 hours): groups of two or more with a score (0–1) and the reasons in words. Nothing is merged until a person confirms.");
        incidents.MapGet("/candidates", Candidates).WithSummary("The incidents an observation (observation=ID) may belong to, best first, with a score and the reasons.");
        incidents.MapGet("/{id:long}", Get).WithSummary("One incident: its observations, independent sources, candidate observations nearby, history, and the states you may move it to; its ETag is its version.");
        incidents.MapPost("/", Create).RequireAuthorization(SecuritySetup.ReviewIncidents)
            .WithSummary("Make an incident of observations you judge one event: {observations: [ids], reason, claim}. Its marking is the most restrictive of theirs.");
        incidents.MapPost("/{id:long}/observations", Add).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Add observations: {observations, reason}; If-Match.");
        incidents.MapPost("/{id:long}/merge", Merge).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Merge another incident into this one: {other, reason}; If-Match.");
        incidents.MapPost("/{id:long}/split", Split).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Split observations off into a new incident: {observations, reason}; If-Match. Returns the new incident's id.");
        incidents.MapPost("/{id:long}/moves", Move).RequireAuthorization(SecuritySetup.ReviewIncidents)
            .WithSummary("Move through verification: {to, reason}; If-Match. Corroboration needs two independent sources; a second person verifies.");
        incidents.MapPut("/{id:long}/attribution", Attribute).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Attribute to a party: {attributedTo, confidence (low, medium, high), reason}; neither withdraws it; If-Match.");
        incidents.MapPut("/{id:long}/marking", Release).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Release under a wider marking: {marking, reason}; no marking returns it to its observations' most restrictive; audited; If-Match.");
        incidents.MapPost("/{id:long}/help", Help).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Ask for help: {need}; the next move clears it; If-Match.");
        incidents.MapPost("/{id:long}/claim", Claim).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Take the incident to work on, so nobody else does meanwhile.");
        incidents.MapDelete("/{id:long}/claim", Unclaim).RequireAuthorization(SecuritySetup.ReviewIncidents).WithSummary("Give the incident back.");
        return api;
    }

    private static async Task<Ok<Worklist>> Worklist(IncidentReads reads, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await reads.QueueAsync(user.ToPrincipal(), clock.GetUtcNow(), ct: ct));

    private static async Task<Results<Ok<IReadOnlyList<Proposal>>, ProblemHttpResult, ValidationProblem>> Proposals(IncidentReads reads, ClaimsPrincipal user, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            var errors = new ValidationErrors();
            errors.Add(from is null ? "from" : "to", "Required: an instant such as 2025-03-20T00:00:00Z.");
            return Problems.Invalid(errors);
        }

        return (await reads.ProposalsAsync(user.ToPrincipal(), from.Value, to.Value, ct: ct)).Http();
    }

    private static async Task<Results<Ok<IReadOnlyList<Candidate>>, ValidationProblem>> Candidates(IncidentReads reads, ClaimsPrincipal user, long? observation, CancellationToken ct)
    {
        if (observation is null)
        {
            var errors = new ValidationErrors();
            errors.Add("observation", "Required: the id of an observation.");
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await reads.IncidentsForAsync(user.ToPrincipal(), observation.Value, ct));
    }

    private static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> Get(IncidentReads reads, ClaimsPrincipal user, HttpResponse response, long id, CancellationToken ct)
    {
        var view = await reads.GetAsync(user.ToPrincipal(), id, ct);
        if (view is null)
        {
            return Problems.Problem(OutcomeKind.NotFound, $"No incident {id} that you may see.");
        }

        response.Headers.ETag = IfMatch.ETag(view.Incident.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Created<IncidentId>, ProblemHttpResult, ValidationProblem>> Create(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<IncidentInput>(context.Request);
        var outcome = input.IsDone
            ? await writes.CreateAsync(user.ToPrincipal(), input.Value.Observations ?? [], input.Value.Reason, input.Value.Claim, ct)
            : input.AsRefusal();
        return outcome.Http(id => TypedResults.Created($"/api/v1/incidents/{id}", new IncidentId(id)));
    }

    private static Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Add(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct) =>
        ActAsync(context, (input, expected, _) => writes.AddAsync(user.ToPrincipal(), id, input.Observations ?? [], input.Reason, expected, ct));

    private static Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Merge(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct) =>
        ActAsync(context, (input, expected, errors) =>
        {
            if (input.Other is null)
            {
                errors.Add("other", "Required: the id of the incident to merge into this one.");
            }

            return errors.IsEmpty ? writes.MergeAsync(user.ToPrincipal(), id, input.Other!.Value, input.Reason, expected, ct) : Invalid(errors);
        });

    private static async Task<Results<Created<IncidentId>, ProblemHttpResult, ValidationProblem>> Split(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "incident");
        var input = expected.IsDone ? await JsonBody.ReadAsync<IncidentInput>(context.Request) : expected.AsRefusal();
        var outcome = input.IsDone ? await writes.SplitAsync(user.ToPrincipal(), id, input.Value.Observations ?? [], input.Value.Reason, expected.Value, ct) : input.AsRefusal();
        return outcome.Http(split => TypedResults.Created($"/api/v1/incidents/{split}", new IncidentId(split)));
    }

    private static Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Move(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct) =>
        ActAsync(context, (input, expected, errors) =>
            input.State(errors) is { } to ? writes.MoveAsync(user.ToPrincipal(), id, to, input.Reason, expected, ct) : Invalid(errors));

    private static Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Attribute(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct) =>
        ActAsync(context, (input, expected, errors) =>
        {
            var confidence = input.ConfidenceLevel(errors);
            return errors.IsEmpty ? writes.AttributeAsync(user.ToPrincipal(), id, input.AttributedTo, confidence, input.Reason, expected, ct) : Invalid(errors);
        });

    private static Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Release(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct) =>
        ActAsync(context, (input, expected, _) => writes.ReleaseAsync(user.ToPrincipal(), id, input.Marking, input.Reason, expected, ct));

    private static Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Help(IncidentWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct) =>
        ActAsync(context, (input, expected, _) => writes.AskHelpAsync(user.ToPrincipal(), id, input.Need, expected, ct));

    private static async Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Claim(IncidentWrites writes, ClaimsPrincipal user, HttpResponse response, long id, CancellationToken ct) =>
        Tagged(response, await writes.ClaimAsync(user.ToPrincipal(), id, claim: true, ct)).Http();

    private static async Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> Unclaim(IncidentWrites writes, ClaimsPrincipal user, HttpResponse response, long id, CancellationToken ct) =>
        Tagged(response, await writes.ClaimAsync(user.ToPrincipal(), id, claim: false, ct)).Http();

    /// <summary>The frame of a conditional act: If-Match read, the body read, the act, the new ETag.</summary>
    private static async Task<Results<Ok<Incident>, ProblemHttpResult, ValidationProblem>> ActAsync(HttpContext context, Func<IncidentInput, ExpectedVersion, ValidationErrors, Task<Outcome<Incident>>> act)
    {
        var expected = IfMatch.Read(context.Request, "incident");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<Incident>().Http();
        }

        var input = await JsonBody.ReadAsync<IncidentInput>(context.Request);
        var outcome = input.IsDone ? await act(input.Value, expected.Value, new ValidationErrors()) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static Task<Outcome<Incident>> Invalid(ValidationErrors errors) => Task.FromResult<Outcome<Incident>>(Outcome.Invalid(errors));

    private static Outcome<Incident> Tagged(HttpResponse response, Outcome<Incident> outcome)
    {
        if (outcome.IsDone)
        {
            response.Headers.ETag = IfMatch.ETag(outcome.Value.Version);
        }

        return outcome;
    }
}

/// <summary>The id of an incident just made.</summary>
public sealed record IncidentId(long Id);
