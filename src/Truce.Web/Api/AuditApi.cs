using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>The audit trail, for admins: browse it and verify its chain.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(SecuritySetup.Admin);
        audit.MapGet("/", List).WithSummary("Audit entries, newest first; filter by action prefix, actor or target; page with before=<seq>.");
        audit.MapGet("/verify", Verify).WithSummary("Recompute the hash chain and name the first broken link, if any.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryView>>, ProblemHttpResult, ValidationProblem>> List(
        AuditTrail audit, ClaimsPrincipal user, string? action, string? actor, string? target, long? before, int? limit, CancellationToken ct) =>
        (await audit.ListAsync(user.ToPrincipal(), new AuditQuery(action, actor, target, before, limit ?? AuditQuery.DefaultLimit), ct)).Http();

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult, ValidationProblem>> Verify(AuditTrail audit, ClaimsPrincipal user, CancellationToken ct) =>
        (await audit.VerifyAsync(user.ToPrincipal(), ct: ct)).Http();
}
