using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Truce.Storage.Security;
using Truce.Web.Api;

namespace Truce.Web.Security;

/// <summary>Authenticates API requests that carry <c>Authorization: Bearer truce_…</c>.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        var accounts = Context.RequestServices.GetRequiredService<UserAccounts>();
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var holder = await accounts.AuthenticateTokenAsync(secret, $"{Request.Method} {Request.Path}", address, Context.RequestAborted);
        return holder.IsDone
            ? AuthenticateResult.Success(new AuthenticationTicket(SecuritySetup.ToClaims(holder.Value.User, SchemeName, holder.Value.Scopes), SchemeName))
            : AuthenticateResult.Fail(holder.Message!);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign in first", "The bearer token is unknown, revoked or expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", "Your role may not do this.");
}
