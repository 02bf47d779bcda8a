using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Coalition;
using Truce.Core.Common;
using Truce.Storage.Coalition;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>Actors, coalition members and meetings: read-only, for every signed-in role, as markings allow.</summary>
public static class CoalitionApi
{
    public static RouteGroupBuilder MapCoalitionApi(this RouteGroupBuilder api)
    {
        var coalition = api.MapGroup(string.Empty).WithTags("Coalition");
        coalition.MapGet("/actors", ListActors).WithSummary("States, organisations and persons; filter by kind or search names and aliases.");
        coalition.MapGet("/actors/{code}", GetActor).WithSummary("One actor by code, e.g. GBR or keir-starmer.");
        coalition.MapGet("/members", ListMembers).WithSummary("Coalition members with their roles and pledge counts.");
        coalition.MapGet("/meetings", ListMeetings).WithSummary("Coalition meetings with participants as reported.");
        coalition.MapGet("/meetings/{id:int}", GetMeeting).WithSummary("One meeting.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ActorView>>, ValidationProblem>> ListActors(CoalitionDirectory directory, ClaimsPrincipal user, string? kind, string? q, CancellationToken ct)
    {
        ActorKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Kebab.TryParse(kind, out ActorKind parsed))
            {
                var errors = new ValidationErrors();
                errors.Add("kind", $"'{kind}' is not a kind of actor; expected one of {Kebab.Choices<ActorKind>()}.");
                return Problems.Invalid(errors);
            }

            k = parsed;
        }

        return TypedResults.Ok(await directory.ActorsAsync(user.ToPrincipal(), k, q, ct));
    }

    private static async Task<Results<Ok<ActorView>, ProblemHttpResult, ValidationProblem>> GetActor(CoalitionDirectory directory, ClaimsPrincipal user, string code, CancellationToken ct) =>
        (await directory.ActorAsync(user.ToPrincipal(), code, ct)).Http();

    private static async Task<Ok<IReadOnlyList<MemberView>>> ListMembers(CoalitionDirectory directory, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await directory.MembersAsync(user.ToPrincipal(), ct));

    private static async Task<Ok<IReadOnlyList<MeetingView>>> ListMeetings(CoalitionDirectory directory, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await directory.MeetingsAsync(user.ToPrincipal(), ct));

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult, ValidationProblem>> GetMeeting(CoalitionDirectory directory, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await directory.MeetingAsync(user.ToPrincipal(), id, ct)).Http();
}
