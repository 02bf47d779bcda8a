using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Common;
using Truce.Core.Sources;
using Truce.Storage.Sources;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Documents over HTTP: taken in as JSON (text with or without its TITLE/OUTLET/DATE/URL header, and what the
/// header does not say) — the same text twice is one document — and read back with the statements found in
/// them as spans of the body. Taking in needs an analyst or an admin (a token needs read and sources:write).
/// </summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Sources");
        documents.MapPost("/", Add).RequireAuthorization(SecuritySetup.RecordSources)
            .WithSummary("Take a document in: {text, title, outlet, date (YYYY-MM-DD), url, marking}; a text may open with TITLE:, OUTLET:, DATE:, URL: lines and a blank line. 201 with its id when new; 200 with the kept document's id when the same body is already kept.");
        documents.MapGet("/{id:long}", Get).WithSummary("One document: its body exactly as taken in and its statements (type, start, end, speaker's span, resolved speaker, actor, on whose behalf, cue).");
        return api;
    }

    private static async Task<Results<Created<DocumentId>, Ok<DocumentId>, ProblemHttpResult, ValidationProblem>> Add(DocumentBook book, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<DocumentInput>(context.Request);
        var added = input.IsDone ? await book.AddAsync(user.ToPrincipal(), input.Value, ct) : input.AsRefusal();
        if (!added.IsDone)
        {
            return added.Kind == OutcomeKind.Invalid ? Problems.Invalid(added.Errors!) : Problems.Problem(added.Kind, added.Message!);
        }

        var (id, fresh) = added.Value;
        return fresh ? TypedResults.Created($"/api/v1/documents/{id}", new DocumentId(id, true)) : TypedResults.Ok(new DocumentId(id, false));
    }

    private static async Task<Results<Ok<SourceDocument>, ProblemHttpResult>> Get(DocumentBook book, ClaimsPrincipal user, long id, CancellationToken ct) =>
        await book.GetAsync(user.ToPrincipal(), id, ct) is { } document
            ? TypedResults.Ok(document)
            : Problems.Problem(OutcomeKind.NotFound, $"No document {id} that you may see.");
}

/// <summary>A document's id, and whether taking it in made it (false: the same text was already kept).</summary>
public sealed record DocumentId(long Id, bool New);
