using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Truce.Storage;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Web.Api;

namespace Truce.Web.Security;

/// <summary>
/// Who may reach what. Pages sign in with a cookie; machine feeds send a bearer token. Everything needs a
/// signed-in principal except what is marked anonymous (the sign-in page, <c>/health</c>, static files).
/// </summary>
public static class SecuritySetup
{
    public const string Scheme = "truce";
    // Each write policy is named after the token scope it needs.
    public const string EditPledges = TokenScopes.WritePledges;
    public const string EditPlanning = TokenScopes.WritePlanning;
    public const string EditAgreements = TokenScopes.WriteAgreements;
    public const string SubmitObservations = TokenScopes.Ingest;
    public const string ReviewIncidents = TokenScopes.WriteIncidents;
    public const string ManageAlertRules = TokenScopes.WriteAlerts;
    public const string RecordSources = TokenScopes.WriteSources;
    public const string Admin = "admin";
    public const string MemberClaim = "truce:member";
    public const string ScopeClaim = "truce:scope";
    public const string StampClaim = "truce:stamp";

    public static WebApplicationBuilder AddTruceSecurity(this WebApplicationBuilder builder)
    {
        // Cookie keys live in the database: sessions survive a restart, leave with the data, and a cookie
        // made by one node is read by every other node on the same database (docs/scale-out.md).
        builder.Services.AddDataProtection().SetApplicationName("Truce");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(keys => keys.XmlRepository = new DatabaseKeyRing(services)));
        builder.Services.AddAuthentication(Scheme)
            // Bearer tokens open the API only: a page (and its forms) needs a person's cookie, so a token's
            // scopes cannot be stepped around through a page handler.
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                IsApi(context.Request) && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "truce.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;

                // An API client gets a status and a problem, never a redirect to an HTML form.
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first", "Send a bearer token (Authorization: Bearer …) or sign in.")
                    : Redirect(context);
                o.Events.OnValidatePrincipal = async context =>
                {
                    // The account is re-read at every request: a session ends at once when its account is
                    // gone or disabled, or its stamp changed (sign-out, new password, new role, "sign out
                    // everywhere"). A role or member that differs without a new stamp (an edit of the
                    // database) ends it too, rather than reading with rights the account no longer has.
                    var name = context.Principal?.Identity?.Name;
                    var user = name is null ? null : await context.HttpContext.RequestServices.GetRequiredService<UserAccounts>().FindAsync(name, context.HttpContext.RequestAborted);
                    if (user is null || user.IsDisabled
                        || context.Principal!.FindFirstValue(StampClaim) != user.SecurityStamp
                        || context.Principal!.FindFirstValue(ClaimTypes.Role) != Kebab.Of(user.Role)
                        || context.Principal!.FindFirstValue(MemberClaim) != user.MemberCode)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "Your role may not do this.")
                    : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        // Signed in, and (for a token) allowed to read: the rule of every endpoint that names no other,
        // and of those that merely say RequireAuthorization().
        var read = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(TokenScopes.Read)).Build();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(read)
            .SetDefaultPolicy(read)
            .AddPolicy(EditPledges, p => p
                .RequireRole(RoleNames(AllowedRoles.EditPledges))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.WritePledges)))
            .AddPolicy(EditPlanning, p => p
                .RequireRole(RoleNames(AllowedRoles.EditPlanning))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.WritePlanning)))
            .AddPolicy(EditAgreements, p => p
                .RequireRole(RoleNames(AllowedRoles.EditAgreements))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.WriteAgreements)))
            .AddPolicy(SubmitObservations, p => p
                .RequireRole(RoleNames(AllowedRoles.SubmitObservations))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.Ingest)))
            .AddPolicy(ReviewIncidents, p => p
                .RequireRole(RoleNames(AllowedRoles.ReviewIncidents))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.WriteIncidents)))
            .AddPolicy(RecordSources, p => p
                .RequireRole(RoleNames(AllowedRoles.RecordSources))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.WriteSources)))
            .AddPolicy(ManageAlertRules, p => p
                .RequireRole(RoleNames(AllowedRoles.ManageAlertRules))
                .AddRequirements(new ScopeRequirement(TokenScopes.Read), new ScopeRequirement(TokenScopes.WriteAlerts)))
            .AddPolicy(Admin, p => p.RequireRole(RoleNames(AllowedRoles.Administer)).AddRequirements(new ScopeRequirement(TokenScopes.Read)));
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        builder.Services.AddHostedService<AccessLogWriter>();
        return builder;
    }

    /// <summary>A token must carry this scope; a cookie carries them all (<see cref="TokenScopes.All"/>).</summary>
    public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

    private sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
        {
            if (context.User.FindAll(ScopeClaim).Any(c => c.Value == TokenScopes.All || c.Value == requirement.Scope))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private static string[] RoleNames(AllowedRoles allowed) => allowed.Roles.Select(Kebab.Of).ToArray();

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    /// <param name="scopes">What a token may do; a person signed in with a cookie may do all their role allows.</param>
    public static ClaimsPrincipal ToClaims(User user, string scheme, IEnumerable<string>? scopes = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, Kebab.Of(user.Role)),
            new(StampClaim, user.SecurityStamp),
        };
        claims.AddRange((scopes ?? [TokenScopes.All]).Select(s => new Claim(ScopeClaim, s)));
        if (user.MemberCode is { } member)
        {
            claims.Add(new Claim(MemberClaim, member));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The principal a request acts for: the signed-in user or token holder, else anonymous (who sees PUBLIC records only).</summary>
    public static Principal ToPrincipal(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Principal.Anonymous;
        }

        var name = user.Identity.Name ?? throw new InvalidOperationException("A signed-in user without a name.");
        var role = Kebab.TryParse(user.FindFirstValue(ClaimTypes.Role), out Role r) ? r : Role.Viewer;
        return new Principal(name, role, user.FindFirstValue(MemberClaim));
    }

    /// <summary>
    /// Sends a browser to the sign-in or denied page by path only: the absolute address the cookie handler
    /// builds repeats the request's Host header, which a client chooses.
    /// </summary>
    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        var uri = new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute);
        context.Response.Redirect(uri.IsAbsoluteUri ? uri.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Turns a refusal by an authorization rule into a problem that says which rule and why.</summary>
    private sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (IsApi(context.Request) && authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
            {
                var role = context.User.FindFirstValue(ClaimTypes.Role) ?? "none";
                var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
                var scopes = context.User.FindAll(ScopeClaim).Select(c => c.Value).ToList();
                var missing = policy.Requirements.OfType<ScopeRequirement>().Select(r => r.Scope).Where(s => !scopes.Contains(s) && !scopes.Contains(TokenScopes.All)).Distinct().ToList();
                var detail = missing.Count > 0
                    ? $"This token's scopes ({string.Join(" ", scopes)}) do not include {string.Join(" and ", missing)}."
                    : $"Your role ({role}) may not do this; it needs one of: {string.Join(", ", roles)}.";
                var rule = policy.Requirements.OfType<ScopeRequirement>().Select(r => r.Scope).Concat(roles).Distinct();
                return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed", detail, new Dictionary<string, object?> { ["rule"] = string.Join(" ", rule) });
            }

            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
