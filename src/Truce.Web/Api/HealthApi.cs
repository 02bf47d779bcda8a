using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Web.Api;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).AllowAnonymous().WithTags("Health").WithSummary("Whether the server and its database answer.");
        return app;
    }

    public sealed record HealthReport(string Status, string Database);

    private static async Task<IResult> Health(TruceDb db, CancellationToken ct)
    {
        var ok = await db.Database.CanConnectAsync(ct);
        return ok
            ? TypedResults.Ok(new HealthReport("ok", "ok"))
            : TypedResults.Json(new HealthReport("degraded", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
