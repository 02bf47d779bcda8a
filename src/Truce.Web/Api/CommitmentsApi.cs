using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// The commitments ledger over HTTP. Reads are open to every signed-in role; writes need a role that edits
/// pledges, and the ledger further limits a liaison to their own member. A pledge's ETag is its version;
/// a change must send it back in If-Match, so nobody overwrites a change they have not seen.
/// </summary>
public static class CommitmentsApi
{
    public static RouteGroupBuilder MapCommitmentsApi(this RouteGroupBuilder api)
    {
        var pledges = api.MapGroup("/pledges").WithTags("Commitments");
        pledges.MapGet("/", List).WithSummary("Pledges, filtered by member, category, stage, condition or text; sorted; one page at a time.");
        pledges.MapGet("/export", Export).WithSummary("Every matching pledge as CSV (format=csv, the default) or JSON; recorded in the audit trail.");
        pledges.MapGet("/totals", Totals).WithSummary("The ledger's totals: pledges by category and stage, troops and what they depend on.");
        pledges.MapGet("/{id:int}", Get).WithSummary("One pledge; its ETag is its version.");
        pledges.MapGet("/{id:int}/history", History).WithSummary("Every version of a pledge: who, when, why and what changed.");
        pledges.MapPost("/", Create).RequireAuthorization(SecuritySetup.EditPledges).WithSummary("Enter a new pledge.")
            .Accepts<PledgeInput>("application/json");
        pledges.MapPut("/{id:int}", Update).RequireAuthorization(SecuritySetup.EditPledges)
            .WithSummary("Change a pledge. Send If-Match with the ETag you read and a reason; a stale ETag gets 412.")
            .Accepts<PledgeInput>("application/json");
        pledges.MapPost("/{id:int}/release", Release).RequireAuthorization(SecuritySetup.EditPledges)
            .WithSummary("Change who may read a pledge (e.g. NATIONAL → COALITION). Send If-Match and a reason; audited.")
            .Accepts<ReleaseRequest>("application/json");
        return api;
    }

    /// <summary>A release: the new marking and why.</summary>
    public sealed class ReleaseRequest
    {
        public MarkingInput? Marking { get; set; }

        public string? Reason { get; set; }
    }

    private static async Task<Results<Ok<Page<PledgeView>>, ProblemHttpResult, ValidationProblem>> List(
        PledgeReads reads, ClaimsPrincipal user, string? member, string? category, string? stage, string? condition, string? q, string? sort, string? cursor, int? limit, CancellationToken ct)
    {
        var query = PledgeQuery.Parse(member, category, stage, condition, q, sort, cursor, limit, out var errors);
        return errors.IsEmpty ? (await reads.ListAsync(user.ToPrincipal(), query, ct)).Http() : Problems.Invalid(errors);
    }

    private static async Task<IResult> Export(
        PledgeReads reads, ClaimsPrincipal user, string? member, string? category, string? stage, string? condition, string? q, string? sort, string? format, CancellationToken ct)
    {
        var query = PledgeQuery.Parse(member, category, stage, condition, q, sort, null, null, out var errors);
        var kind = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "json"))
        {
            errors.Add("format", $"'{format}' is not an export format; expected csv or json.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return (await reads.ExportAsync(user.ToPrincipal(), query, kind, ct)).Http<IReadOnlyList<PledgeView>, IResult>(pledges => kind == "json"
            ? TypedResults.Ok(pledges)
            : TypedResults.File(Encoding.UTF8.GetBytes(PledgeCsv.Write(pledges)), "text/csv; charset=utf-8", "pledges.csv"));
    }

    private static async Task<Ok<LedgerTotals>> Totals(PledgeReads reads, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await reads.TotalsAsync(user.ToPrincipal(), ct));

    private static async Task<Results<Ok<PledgeView>, ProblemHttpResult, ValidationProblem>> Get(PledgeReads reads, ClaimsPrincipal user, HttpResponse response, int id, CancellationToken ct) =>
        Tagged(response, await reads.GetAsync(user.ToPrincipal(), id, ct)).Http();

    private static async Task<Results<Ok<IReadOnlyList<PledgeRevisionView>>, ProblemHttpResult, ValidationProblem>> History(PledgeReads reads, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await reads.HistoryAsync(user.ToPrincipal(), id, ct)).Http();

    private static async Task<Results<Created<PledgeView>, ProblemHttpResult, ValidationProblem>> Create(PledgeWrites writes, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<PledgeInput>(context.Request);
        var outcome = input.IsDone ? await writes.CreateAsync(user.ToPrincipal(), input.Value, ct: ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http(p => TypedResults.Created($"/api/v1/pledges/{p.Id}", p));
    }

    private static async Task<Results<Ok<PledgeView>, ProblemHttpResult, ValidationProblem>> Update(PledgeWrites writes, ClaimsPrincipal user, HttpContext context, int id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "pledge");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<PledgeView>().Http();
        }

        var input = await JsonBody.ReadAsync<PledgeInput>(context.Request);
        var outcome = input.IsDone ? await writes.UpdateAsync(user.ToPrincipal(), id, expected.Value, input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static async Task<Results<Ok<PledgeView>, ProblemHttpResult, ValidationProblem>> Release(PledgeWrites writes, ClaimsPrincipal user, HttpContext context, int id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "pledge");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<PledgeView>().Http();
        }

        var body = await JsonBody.ReadAsync<ReleaseRequest>(context.Request);
        var outcome = body.IsDone ? await writes.ReleaseAsync(user.ToPrincipal(), id, expected.Value, body.Value.Marking, body.Value.Reason, ct) : body.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    /// <summary>A pledge read or written carries its version as its ETag.</summary>
    private static Outcome<PledgeView> Tagged(HttpResponse response, Outcome<PledgeView> outcome)
    {
        if (outcome.IsDone)
        {
            response.Headers.ETag = IfMatch.ETag(outcome.Value.Version);
        }

        return outcome;
    }
}
