using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Storage.Agreements;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Ceasefire agreements over HTTP: read by every signed-in role as markings allow (the public ones by
/// everyone signed in); recorded, accepted and moved through their lifecycle by analysts and admins (token
/// scope agreements:write). An agreement's ETag is its version; a change sends it back in If-Match.
/// </summary>
public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapGet("/", List).WithSummary("Agreements, newest first; status=in-force etc. filters.");
        agreements.MapGet("/{key}", Get).WithSummary("One agreement: parties and their acceptance, roles, provisions in words, the history of its status; its ETag is its version.");
        agreements.MapGet("/{key}/provisions/{number:int}/zones", ProvisionZones).WithSummary("The zones one provision draws (per party and weapon class), as GeoJSON.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonResults.MediaType);
        agreements.MapPost("/", Record).RequireAuthorization(SecuritySetup.EditAgreements)
            .WithSummary("Record an agreement as proposed, with its parties, roles, links, provisions and sources.")
            .Accepts<AgreementInput>("application/json");
        agreements.MapPost("/{key}/status", Move).RequireAuthorization(SecuritySetup.EditAgreements)
            .WithSummary("Move the agreement through its lifecycle (proposed → in-force → extended / expired / collapsed; proposed → lapsed). Send If-Match; a move the lifecycle forbids is refused with the reason.")
            .Accepts<StatusChangeInput>("application/json");
        agreements.MapPut("/{key}/parties/{actor}", SetAcceptance).RequireAuthorization(SecuritySetup.EditAgreements)
            .WithSummary("Record where a party stands now (accepted, accepted-with-conditions, accepted-in-principle, rejected). Send If-Match.")
            .Accepts<PartyInput>("application/json");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AgreementSummary>>, ValidationProblem>> List(AgreementBook book, ClaimsPrincipal user, string? status, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(status) && !Kebab.TryParse(status, out AgreementStatus _))
        {
            var errors = new ValidationErrors();
            errors.Add("status", $"'{status}' is not a status; expected one of {Kebab.Choices<AgreementStatus>()}.");
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await book.ListAsync(user.ToPrincipal(), string.IsNullOrWhiteSpace(status) ? null : status.Trim(), ct));
    }

    private static async Task<Results<Ok<AgreementView>, ProblemHttpResult, ValidationProblem>> Get(AgreementBook book, ClaimsPrincipal user, HttpResponse response, string key, CancellationToken ct)
    {
        var outcome = await book.GetAsync(user.ToPrincipal(), key, ct);
        if (outcome.IsDone)
        {
            response.Headers.ETag = IfMatch.ETag(outcome.Value.Version);
        }

        return outcome.Http();
    }

    private static async Task<IResult> ProvisionZones(AgreementBook book, ProvisionZones zones, ClaimsPrincipal user, string key, int number, CancellationToken ct)
    {
        var reader = user.ToPrincipal();
        var agreement = await book.FindAsync(reader, key, ct);
        var provision = agreement?.Provisions.Find(p => p.Number == number);
        if (agreement is null || provision is null)
        {
            return Problems.Problem(OutcomeKind.NotFound, agreement is null ? $"No agreement '{key}'." : $"{key} has no provision {number}.");
        }

        return GeoJsonResults.Zones(await zones.OfAsync(reader, agreement, provision, ct));
    }

    private static async Task<Results<Created<AgreementSummary>, ProblemHttpResult, ValidationProblem>> Record(AgreementWrites writes, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<AgreementInput>(context.Request);
        var outcome = input.IsDone ? await writes.RecordAsync(user.ToPrincipal(), input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http(a => TypedResults.Created($"/api/v1/agreements/{a.Key}", a));
    }

    private static async Task<Results<Ok<AgreementSummary>, ProblemHttpResult, ValidationProblem>> Move(AgreementWrites writes, ClaimsPrincipal user, HttpContext context, string key, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "agreement");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<AgreementSummary>().Http();
        }

        var input = await JsonBody.ReadAsync<StatusChangeInput>(context.Request);
        var outcome = input.IsDone ? await writes.MoveAsync(user.ToPrincipal(), key, expected.Value, input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static async Task<Results<Ok<AgreementSummary>, ProblemHttpResult, ValidationProblem>> SetAcceptance(AgreementWrites writes, ClaimsPrincipal user, HttpContext context, string key, string actor, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "agreement");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<AgreementSummary>().Http();
        }

        var input = await JsonBody.ReadAsync<PartyInput>(context.Request);
        if (input.IsDone)
        {
            input.Value.Actor = actor;
        }

        var outcome = input.IsDone ? await writes.SetAcceptanceAsync(user.ToPrincipal(), key, expected.Value, input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static Outcome<AgreementSummary> Tagged(HttpResponse response, Outcome<AgreementSummary> outcome)
    {
        if (outcome.IsDone)
        {
            response.Headers.ETag = IfMatch.ETag(outcome.Value.Version);
        }

        return outcome;
    }
}
