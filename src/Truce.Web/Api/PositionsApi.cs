using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Storage.Positions;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Negotiation issues and the parties' positions over HTTP: the matrix at a date (each issue's zone of agreement
/// or its conflict, in words, and every party's position then), a party's timeline on an issue, and recording an
/// issue or a position (an analyst or an admin; a token needs read and sources:write). What a reader may not see
/// is left out of the matrix and of the zones made from it.
/// </summary>
public static class PositionsApi
{
    public static RouteGroupBuilder MapPositionsApi(this RouteGroupBuilder api)
    {
        var positions = api.MapGroup("/positions").WithTags("Positions");
        positions.MapGet("/", Matrix)
            .WithSummary("The positions matrix at=YYYY-MM-DD (today when left out), optionally of one issue=key: parties, each issue's zone of agreement or conflict in words, each party's latest position on or before the date, and the dates positions were stated.");
        positions.MapGet("/timeline", Timeline)
            .WithSummary("One party's positions on one issue (issue=key, party=actor code or 'coalition'), oldest first, each with what it changed.");
        positions.MapGet("/{id:long}", One).WithSummary("One position: the party, the issue, the day, the stance, the answers in words and codes, its sources and marking.");
        positions.MapPost("/", Add).RequireAuthorization(SecuritySetup.RecordSources)
            .WithSummary("Record a party's position from a date: {party, issue, asOf, stance, preferred, acceptable, redLine | preferredValue, range {low, high}, refusesBelow, refusesAbove, sources, illustrative, marking}. 201 with its id; 409 when the party already has one that day.");
        positions.MapPost("/issues", AddIssue).RequireAuthorization(SecuritySetup.RecordSources)
            .WithSummary("Record a negotiation issue: {code, title, kind: options|range, options [{code, words}] | unit, minimum, maximum, parties, marking}.");
        return api;
    }

    private static async Task<Results<Ok<PositionMatrix>, ProblemHttpResult, ValidationProblem>> Matrix(PositionBook book, ClaimsPrincipal user, TimeProvider clock, string? at, string? issue, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var date = DomainLimits.ReadDate(at, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors, "at");
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var read = await book.ReadAsync(user.ToPrincipal(), ct);
        if (issue is not null && !read.Issues.Any(i => i.Code == issue))
        {
            return Problems.Problem(OutcomeKind.NotFound, $"No issue '{issue}' that you may see.");
        }

        return TypedResults.Ok(PositionMatrix.Of(read, date!.Value, issue));
    }

    private static async Task<Results<Ok<List<TimelineStep>>, ProblemHttpResult, ValidationProblem>> Timeline(PositionBook book, ClaimsPrincipal user, string? issue, string? party, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(issue))
        {
            errors.Add("issue", "Required: the issue's key, e.g. foreign-troops.");
        }

        if (string.IsNullOrWhiteSpace(party))
        {
            errors.Add("party", "Required: the party's actor code, e.g. RUS, or 'coalition'.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var read = await book.ReadAsync(user.ToPrincipal(), ct);
        if (read.Issues.FirstOrDefault(i => i.Code == issue) is not { } found)
        {
            return Problems.Problem(OutcomeKind.NotFound, $"No issue '{issue}' that you may see.");
        }

        return TypedResults.Ok(PositionHistory.Timeline(read.Positions, found, party!.Trim())
            .Select(c => new TimelineStep(c.AsOf, c.Changes, PositionView.Of(found, c.Position))).ToList());
    }

    private static async Task<Results<Ok<PositionView>, ProblemHttpResult>> One(PositionBook book, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var read = await book.ReadAsync(user.ToPrincipal(), ct);
        return read.Positions.FirstOrDefault(p => p.Id == id) is { } position
            ? TypedResults.Ok(PositionView.Of(read.Issue(position.IssueCode), position))
            : Problems.Problem(OutcomeKind.NotFound, $"No position {id} that you may see.");
    }

    private static async Task<Results<Created<RecordedPosition>, ProblemHttpResult, ValidationProblem>> Add(PositionBook book, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<PositionInput>(context.Request);
        var added = input.IsDone ? await book.AddAsync(user.ToPrincipal(), input.Value, ct) : input.AsRefusal();
        return added.Http(id => TypedResults.Created($"/api/v1/positions/{id}", new RecordedPosition(id)));
    }

    private static async Task<Results<Created<RecordedIssue>, ProblemHttpResult, ValidationProblem>> AddIssue(PositionBook book, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<IssueInput>(context.Request);
        var added = input.IsDone ? await book.AddIssueAsync(user.ToPrincipal(), input.Value, ct) : input.AsRefusal();
        return added.Http(code => TypedResults.Created($"/api/v1/positions?issue={code}", new RecordedIssue(code)));
    }
}

/// <summary>A step of a party's timeline on an issue: the day, what changed, and the position.</summary>
public sealed record TimelineStep(DateOnly AsOf, IReadOnlyList<string> Changes, PositionView Position);

public sealed record RecordedPosition(long Id);

public sealed record RecordedIssue(string Code);
