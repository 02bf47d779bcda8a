using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Candidates;
using Truce.Core.Common;
using Truce.Storage.Candidates;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// The analysts' queue over HTTP: the candidates found in documents (a statement as a source of a pledge, a new
/// pledge, or a party's position), read by every signed-in role as markings allow, accepted or dismissed by analysts
/// and admins (token scopes read and sources:write) at the version read (If-Match; a candidate's ETag is its
/// version). And the statements of the documents a reader may see, filtered by actor, issue and date.
/// </summary>
public static class CandidatesApi
{
    public static RouteGroupBuilder MapCandidatesApi(this RouteGroupBuilder api)
    {
        var candidates = api.MapGroup("/candidates").WithTags("Candidates");
        candidates.MapGet("/", List).WithSummary("The queue, oldest first: state (proposed by default; accepted, dismissed or all), kind (pledge-source, new-pledge, position), document (an id), limit (1–1,000; 200 by default). Each with the statement's words in their context, what it proposes and why, and once decided who decided, when and what it made.");
        candidates.MapGet("/{id:long}", Get).WithSummary("One candidate; its ETag is its version.");
        candidates.MapPost("/{id:long}/accept", Accept).RequireAuthorization(SecuritySetup.RecordSources)
            .WithSummary("Accept a candidate, with If-Match: {position: {stance, preferred, acceptable, redLine | preferredValue, range, refusesBelow, refusesAbove, asOf}} for a position; {pledge: {title, confidence, …pledge fields}} for a new pledge (member, category, quantity, unit, conditions and the date come from the statement unless given); {} for a source. What it makes cites the document and the statement's span; errors are named under position. or pledge.")
            .Accepts<CandidateAcceptance>("application/json");
        candidates.MapPost("/{id:long}/dismiss", Dismiss).RequireAuthorization(SecuritySetup.RecordSources)
            .WithSummary("Dismiss a candidate, with If-Match and {reason}.")
            .Accepts<CandidateDismissal>("application/json");
        var statements = api.MapGroup("/statements").WithTags("Candidates");
        statements.MapGet("/", Statements).WithSummary("Statements of the documents you may see, newest document first: actor (who spoke, or whom they spoke for), issue (an issue's key: the statements that touch it, by the rule candidates use), from and to (the document's date, inclusive), limit (1–5,000; 500 by default). Each with its type, span, quote, speaker, actor, cue and the issues it touches.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<CandidateView>>, ProblemHttpResult, ValidationProblem>> List(CandidateBook book, ClaimsPrincipal user, string? state, string? kind, long? document, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CandidateState? inState = CandidateState.Proposed;
        if (state == "all")
        {
            inState = null;
        }
        else if (state is not null)
        {
            inState = Kebab.TryParse<CandidateState>(state, out var s) ? s : null;
            if (inState is null)
            {
                errors.Add("state", $"Expected {Kebab.Choices<CandidateState>()} or all; got '{state}'.");
            }
        }

        CandidateKind? ofKind = null;
        if (kind is not null)
        {
            ofKind = Kebab.TryParse<CandidateKind>(kind, out var k) ? k : null;
            if (ofKind is null)
            {
                errors.Add("kind", $"Expected {Kebab.Choices<CandidateKind>()}; got '{kind}'.");
            }
        }

        if (limit is < 1 or > 1000)
        {
            errors.Add("limit", $"Expected 1 to 1,000; got {limit}.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await book.ListAsync(user.ToPrincipal(), new CandidateQuery(inState, ofKind, document, limit ?? 200), ct));
    }

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult, ValidationProblem>> Get(CandidateBook book, ClaimsPrincipal user, HttpResponse response, long id, CancellationToken ct) =>
        Tagged(response, await book.GetAsync(user.ToPrincipal(), id, ct)).Http();

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult, ValidationProblem>> Accept(CandidateBook book, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "candidate");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<CandidateView>().Http();
        }

        var input = await JsonBody.ReadAsync<CandidateAcceptance>(context.Request);
        var outcome = input.IsDone ? await book.AcceptAsync(user.ToPrincipal(), id, expected.Value, input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult, ValidationProblem>> Dismiss(CandidateBook book, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "candidate");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<CandidateView>().Http();
        }

        var input = await JsonBody.ReadAsync<CandidateDismissal>(context.Request);
        var outcome = input.IsDone ? await book.DismissAsync(user.ToPrincipal(), id, expected.Value, input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static async Task<Results<Ok<IReadOnlyList<StatementLine>>, ValidationProblem>> Statements(StatementList list, ClaimsPrincipal user, string? actor, string? issue, string? from, string? to, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var query = StatementFilter.Read(actor, issue, from, to, limit, errors);
        return errors.IsEmpty
            ? TypedResults.Ok(await list.ListAsync(user.ToPrincipal(), query!, ct))
            : Problems.Invalid(errors);
    }

    private static Outcome<CandidateView> Tagged(HttpResponse response, Outcome<CandidateView> outcome)
    {
        if (outcome.IsDone)
        {
            response.Headers.ETag = IfMatch.ETag(outcome.Value.Version);
        }

        return outcome;
    }
}
