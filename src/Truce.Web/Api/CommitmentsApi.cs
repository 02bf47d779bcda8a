using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// The commitments ledger over HTTP. Reads are open to every signed-in role; writes need a role that edits
/// pledges, and the ledger further limits a liaison to their own member. A pledge's ETag is its version;
/// an update must send it back in If-Match, so nobody overwrites a change they have not seen.
/// </summary>
public static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/pledges").WithTags("Commitments").RequireAuthorization();
        api.MapGet("/", List).WithSummary("Pledges, filtered by member, category, stage, condition or text; sorted; one page at a time.");
        api.MapGet("/export", Export).WithSummary("Every matching pledge as CSV (format=csv, the default) or JSON; recorded in the audit trail.");
        api.MapGet("/totals", Totals).WithSummary("The ledger's totals: pledges by category and stage, troops and what they depend on.");
        api.MapGet("/{id:int}", Get).WithSummary("One pledge; its ETag is its version.");
        api.MapGet("/{id:int}/history", History).WithSummary("Every version of a pledge: who, when, why and what changed.");
        api.MapPost("/", Create).RequireAuthorization(SecuritySetup.EditPledges).WithSummary("Enter a new pledge.")
            .Accepts<PledgeInput>("application/json");
        api.MapPut("/{id:int}", Update).RequireAuthorization(SecuritySetup.EditPledges)
            .WithSummary("Change a pledge. Send If-Match with the ETag you read and a reason; a stale ETag gets 412.")
            .Accepts<PledgeInput>("application/json");
        api.MapPost("/{id:int}/release", Release).RequireAuthorization(SecuritySetup.EditPledges)
            .WithSummary("Change who may read a pledge (e.g. NATIONAL → COALITION). Send If-Match and a reason; audited.")
            .Accepts<ReleaseRequest>("application/json");
        return app;
    }

    /// <summary>A release: the new marking and why.</summary>
    public sealed class ReleaseRequest
    {
        public MarkingInput? Marking { get; set; }

        public string? Reason { get; set; }
    }

    private static async Task<IResult> Export(
        PledgeLedger ledger, HttpContext context, string? member, string? category, string? stage, string? condition, string? q, string? sort, string? format, CancellationToken ct)
    {
        var query = PledgeQuery.Parse(member, category, stage, condition, q, sort, null, null, out var errors);
        var kind = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "json"))
        {
            errors.Add("format", $"'{format}' is not an export format; expected csv or json.");
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var pledges = await ledger.ExportAsync(query, context.User.ToPrincipal(), kind, ct);
        return kind == "json"
            ? TypedResults.Ok(pledges)
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(PledgeCsv.Write(pledges)), "text/csv; charset=utf-8", "pledges.csv");
    }

    private static async Task<IResult> Release(PledgeLedger ledger, HttpContext context, int id, CancellationToken ct)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (!TryParseETag(ifMatch, out var expected))
        {
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "If-Match required", "Send If-Match with the ETag of the pledge as you read it, e.g. If-Match: \"3\".");
        }

        var (body, problem) = await ApiProblems.ReadBody<ReleaseRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Marking is null)
        {
            var errors = new ValidationErrors();
            errors.Add("marking", "Required: the new marking, e.g. {\"level\": \"coalition\"}.");
            return ApiProblems.Invalid(errors);
        }

        var result = await ledger.ReleaseAsync(id, expected, body.Marking, body.Reason, context.User.ToPrincipal(), ct);
        if (result.Outcome == LedgerOutcome.Ok)
        {
            context.Response.Headers.ETag = ETagOf(result.Pledge!);
            return TypedResults.Ok(result.Pledge);
        }

        return Refusal(result);
    }

    private static async Task<Results<Ok<Page<PledgeView>>, ValidationProblem>> List(
        PledgeLedger ledger, string? member, string? category, string? stage, string? condition, string? q, string? sort, string? cursor, int? limit, CancellationToken ct)
    {
        var query = PledgeQuery.Parse(member, category, stage, condition, q, sort, cursor, limit, out var errors);
        if (PledgeLedger.CheckCursor(query) is { } cursorProblem)
        {
            errors.Add("cursor", cursorProblem);
        }

        return errors.IsEmpty ? TypedResults.Ok(await ledger.ListAsync(query, ct)) : ApiProblems.Invalid(errors);
    }

    private static async Task<Ok<LedgerTotals>> Totals(PledgeLedger ledger, CancellationToken ct) => TypedResults.Ok(await ledger.TotalsAsync(ct));

    private static async Task<Results<Ok<PledgeView>, ProblemHttpResult>> Get(PledgeLedger ledger, HttpResponse response, int id, CancellationToken ct)
    {
        var pledge = await ledger.GetAsync(id, ct);
        if (pledge is null)
        {
            return ApiProblems.NotFound($"No pledge {id}.");
        }

        response.Headers.ETag = ETagOf(pledge);
        return TypedResults.Ok(pledge);
    }

    private static async Task<Results<Ok<IReadOnlyList<PledgeRevisionView>>, ProblemHttpResult>> History(PledgeLedger ledger, int id, CancellationToken ct) =>
        await ledger.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : ApiProblems.NotFound($"No pledge {id}.");

    private static async Task<IResult> Create(PledgeLedger ledger, HttpContext context, CancellationToken ct)
    {
        var (input, problem) = await ApiProblems.ReadBody<PledgeInput>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var result = await ledger.CreateAsync(input!, context.User.ToPrincipal(), ct: ct);
        if (result.Outcome == LedgerOutcome.Created)
        {
            context.Response.Headers.ETag = ETagOf(result.Pledge!);
            return TypedResults.Created($"/api/v1/pledges/{result.Pledge!.Id}", result.Pledge);
        }

        return Refusal(result);
    }

    private static async Task<IResult> Update(PledgeLedger ledger, HttpContext context, int id, CancellationToken ct)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "If-Match required", "Send If-Match with the ETag of the pledge as you read it, e.g. If-Match: \"3\".");
        }

        var (input, problem) = await ApiProblems.ReadBody<PledgeInput>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        int expected;
        if (ifMatch.Trim() == "*")
        {
            // RFC 9110: "*" matches any current representation: the writer accepts overwriting whatever is there.
            var current = await ledger.GetAsync(id, ct);
            if (current is null)
            {
                return ApiProblems.NotFound($"No pledge {id}.");
            }

            expected = current.Version;
        }
        else if (!TryParseETag(ifMatch, out expected))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "If-Match not understood", $"Expected an ETag such as \"3\"; got {ifMatch}.");
        }

        var result = await ledger.UpdateAsync(id, expected, input!, context.User.ToPrincipal(), ct);
        if (result.Outcome == LedgerOutcome.Ok)
        {
            context.Response.Headers.ETag = ETagOf(result.Pledge!);
            return TypedResults.Ok(result.Pledge);
        }

        return Refusal(result);
    }

    private static IResult Refusal(LedgerResult result) => result.Outcome switch
    {
        LedgerOutcome.Invalid => ApiProblems.Invalid(result.Errors!),
        LedgerOutcome.NotFound => ApiProblems.NotFound(result.Message!),
        LedgerOutcome.Forbidden => ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not allowed", result.Message!),
        LedgerOutcome.Stale => ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "The pledge has changed", result.Message!),
        _ => throw new InvalidOperationException($"Unexpected ledger outcome {result.Outcome}."),
    };

    public static string ETagOf(PledgeView pledge) => new EntityTagHeaderValue($"\"{pledge.Version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    public static bool TryParseETag(string header, out int version)
    {
        version = 0;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return text.Length > 2 && text[0] == '"' && text[^1] == '"' && int.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
