using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Coalition;
using Truce.Core.Common;
using Truce.Storage.Coalition;

namespace Truce.Web.Api;

/// <summary>Actors, coalition members and meetings: read-only, for every signed-in role.</summary>
public static class CoalitionApi
{
    public static IEndpointRouteBuilder MapCoalitionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Coalition").RequireAuthorization();
        api.MapGet("/actors", ListActors).WithSummary("States, organisations and persons; filter by kind or search names and aliases.");
        api.MapGet("/actors/{code}", GetActor).WithSummary("One actor by code, e.g. GBR or keir-starmer.");
        api.MapGet("/members", ListMembers).WithSummary("Coalition members with their roles and pledge counts.");
        api.MapGet("/meetings", ListMeetings).WithSummary("Coalition meetings with participants as reported.");
        api.MapGet("/meetings/{id:int}", GetMeeting).WithSummary("One meeting.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ActorView>>, ValidationProblem>> ListActors(CoalitionDirectory directory, string? kind, string? q, CancellationToken ct)
    {
        ActorKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Kebab.TryParse(kind, out ActorKind parsed))
            {
                var errors = new ValidationErrors();
                errors.Add("kind", $"'{kind}' is not a kind of actor; expected one of {Kebab.Choices<ActorKind>()}.");
                return ApiProblems.Invalid(errors);
            }

            k = parsed;
        }

        return TypedResults.Ok(await directory.ActorsAsync(k, q, ct));
    }

    private static async Task<Results<Ok<ActorView>, ProblemHttpResult>> GetActor(CoalitionDirectory directory, string code, CancellationToken ct) =>
        await directory.ActorAsync(code, ct) is { } actor ? TypedResults.Ok(actor) : ApiProblems.NotFound($"No actor with code '{code}'.");

    private static async Task<Ok<IReadOnlyList<MemberView>>> ListMembers(CoalitionDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.MembersAsync(ct));

    private static async Task<Ok<IReadOnlyList<MeetingView>>> ListMeetings(CoalitionDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.MeetingsAsync(ct));

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetMeeting(CoalitionDirectory directory, int id, CancellationToken ct) =>
        await directory.MeetingAsync(id, ct) is { } meeting ? TypedResults.Ok(meeting) : ApiProblems.NotFound($"No meeting {id}.");
}
