using Truce.Testing;

namespace Truce.Web.Tests.Security;

/// <summary>Every response carries the security headers: pages, API, static files, errors, and the sign-in page.</summary>
public sealed class HeadersTests(TruceApp app) : IClassFixture<TruceApp>
{
    public static readonly TheoryData<string> Paths =
    [
        "/", "/coalition", "/commitments", "/commitments/1", "/commitments/new", "/api-docs", "/audit", "/agreements", "/planning",
        "/account/sign-in", "/account/denied", "/api/v1/pledges", "/api/v1/pledges/99999", "/health", "/css/site.css",
        "/lib/chart.js/chart.umd.min.js", "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var client = path.StartsWith("/api", StringComparison.Ordinal) ? app.Api("admin") : await app.SignedIn("admin");

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var client = app.Api(null);

        var response = await TruceApp.SignIn(client, "viewer", TruceApp.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("truce.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_needs_the_anti_forgery_token()
    {
        var client = await app.SignedIn("viewer");

        var forged = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
