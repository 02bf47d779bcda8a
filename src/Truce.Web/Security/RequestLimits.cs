using Microsoft.AspNetCore.Http.Features;
using Truce.Web.Api;
using Truce.Web.Startup;

namespace Truce.Web.Security;

/// <summary>
/// How large a request body may be: one limit for every endpoint and form (a pledge with every list at its
/// longest is far below it), refused with 413 before anything is read. A body that announces no length is
/// held to the same limit by the server as it is read (Kestrel's <see cref="IHttpMaxRequestBodySizeFeature"/>),
/// and the exception handler turns the server's refusal into the same problem.
/// </summary>
public static class RequestLimits
{
    /// <summary>The default, one mebibyte; <c>Limits:MaxRequestBodyBytes</c> changes it.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var max = Settings.Ranged(app.Configuration, "Limits:MaxRequestBodyBytes", DefaultMaxBodyBytes, 1024, 1024L * 1024 * 1024);
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = max;
            }

            if (context.Request.ContentLength > max)
            {
                await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large", TooLarge(context.Request.ContentLength.Value, max));
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The status the exception handler answers with: a server's refusal of a body (too large, cut off) keeps its own status.</summary>
    public static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    private static string TooLarge(long length, long max) =>
        $"The body is {length:N0} bytes; at most {max:N0} are accepted. Send fewer items per request.";
}
