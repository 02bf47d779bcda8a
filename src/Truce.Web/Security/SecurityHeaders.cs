namespace Truce.Web.Security;

/// <summary>
/// Headers on every response that keep a browser from being turned against Truce: no script or style
/// from anywhere but the server (and no inline script), no framing, no MIME sniffing, no referrer to
/// the news sites a pledge links to. HSTS is added by <c>UseHsts</c> when served over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    // connect-src 'self' also admits the live feed's WebSocket to this server (ws: or wss: of the same host,
    // CSP Level 3; AlertsBrowserTests opens one under this policy); its fallbacks are plain requests to self.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
