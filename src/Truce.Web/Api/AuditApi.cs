using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Security;
using Truce.Storage.Security;

namespace Truce.Web.Api;

/// <summary>The audit trail, for admins: browse it and verify its chain.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(nameof(Role.Admin));
        api.MapGet("/", List).WithSummary("Audit entries, newest first; filter by action prefix, actor or target; page with before=<seq>.");
        api.MapGet("/verify", Verify).WithSummary("Recompute the hash chain and name the first broken link, if any.");
        return app;
    }

    public sealed record AuditEntryView(long Seq, DateTime At, string Actor, string Action, string Target, string? Detail, string? BeforeHash, string? AfterHash, string Hash);

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryView>>, ValidationProblem>> List(AuditTrail audit, string? action, string? actor, string? target, long? before, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 1000)
        {
            var errors = new Truce.Core.Common.ValidationErrors();
            errors.Add("limit", $"Must be between 1 and 1000; got {limit}.");
            return ApiProblems.Invalid(errors);
        }

        var entries = await audit.ListAsync(new AuditQuery(action, actor, target, before, limit ?? 100), ct);
        return TypedResults.Ok<IReadOnlyList<AuditEntryView>>(entries.Select(View).ToList());
    }

    private static async Task<Ok<AuditVerification>> Verify(AuditTrail audit, CancellationToken ct) => TypedResults.Ok(await audit.VerifyAsync(ct));

    public static AuditEntryView View(AuditEntry e) =>
        new(e.Seq, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), e.Actor, e.Action, e.Target, e.Detail, e.BeforeHash, e.AfterHash, e.Hash);
}
