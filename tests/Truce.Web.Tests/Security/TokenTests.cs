using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Security;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Security;

/// <summary>API tokens through real HTTP: scopes narrow what a token may do; expiry and revocation end it.</summary>
public sealed class TokenTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly Principal Admin = Principal.System("token tests");

    private async Task<(HttpClient Client, int Id)> Token(string user, params string[] scopes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var token = Expect.Done(await accounts.CreateTokenAsync(Admin, user, "test " + Guid.NewGuid().ToString("N"), TimeSpan.FromDays(1), scopes));
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return (client, token.Token.Id);
    }

    private async Task<TokenView> ViewOf(string user, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().TokensAsync(Admin, user)).Single(t => t.Id == id);
    }

    [Fact]
    public async Task A_read_token_reads_but_may_not_write_even_for_a_planner()
    {
        var (client, _) = await Token("planner", TokenScopes.Read);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/pledges")).StatusCode);
        var problem = await (await client.PostPledge(ApiClient.NewPledge())).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("pledges:write", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_token_writes_within_its_users_role()
    {
        var (planner, _) = await Token("planner", TokenScopes.Read, TokenScopes.WritePledges);
        var (viewer, _) = await Token("viewer", TokenScopes.Read, TokenScopes.WritePledges);

        Assert.Equal(HttpStatusCode.Created, (await planner.PostPledge(ApiClient.NewPledge(title: "By a write token"))).StatusCode);
        await (await viewer.PostPledge(ApiClient.NewPledge())).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_without_the_read_scope_reads_nothing()
    {
        var (client, _) = await Token("planner", TokenScopes.Ingest);

        await (await client.GetAsync("/api/v1/pledges")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var (client, id) = await Token("viewer", TokenScopes.Read);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/members")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().RevokeTokenAsync(Admin, id));
        }

        await (await client.GetAsync("/api/v1/members")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var (client, id) = await Token("viewer", TokenScopes.Read);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
            await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresAtUtc, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        await (await client.GetAsync("/api/v1/members")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tokens_first_use_in_a_window_is_recorded_once_off_the_request_path()
    {
        var (client, id) = await Token("viewer", TokenScopes.Read);
        var before = await app.AuditCountAsync();

        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(i == 0 ? "/api/v1/members" : "/api/v1/pledges/1")).StatusCode);
        }

        Assert.Equal(before, await app.AuditCountAsync());
        Assert.Null((await ViewOf("viewer", id)).LastUsedAt);
        await app.WriteAccessLogAsync();
        var audit = JsonNode.Parse(await app.Api("admin").GetStringAsync($"/api/v1/audit?action=token.used&target=token/{id}"))!.AsArray();
        Assert.Equal("first use in this window: GET /api/v1/members", Assert.Single(audit)!["detail"]!.GetValue<string>());
        Assert.NotNull((await ViewOf("viewer", id)).LastUsedAt);
    }

    [Fact]
    public async Task A_token_opens_the_API_only_never_a_page_or_its_forms()
    {
        var (client, _) = await Token("planner", TokenScopes.Read);

        var page = await client.GetAsync("/commitments/1");
        var release = await client.PostAsync("/commitments/1?handler=release", new FormUrlEncodedContent(new Dictionary<string, string> { ["level"] = "public", ["reason"] = "x", ["version"] = "1" }));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, release.StatusCode);
        Assert.Equal("COALITION", JsonNode.Parse(await app.Api("viewer").GetStringAsync("/api/v1/pledges/1"))!["marking"]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_in_browser_does_not_keep_a_role_its_user_lost_even_by_an_edit_of_the_database()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(Admin, new NewUser("demoted", Role.Planner, null, TruceApp.Password)));
        }

        var browser = await app.SignedIn("demoted");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/commitments/new")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TruceDb>().Users.Where(u => u.UserName == "demoted").ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Role.Viewer));
        }

        var after = await browser.GetAsync("/commitments/new");

        // The session ends: its user signs in again and gets what the role allows now.
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_may_read_the_audit_trail()
    {
        await (await app.Api("planner").GetAsync("/api/v1/audit")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await app.Api("admin").GetAsync("/api/v1/audit/verify")).StatusCode);
        var page = await (await app.SignedIn("viewer")).GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }
}

/// <summary>Reads never write: token uses and refusals reach the audit trail once per window, not once per request.</summary>
public sealed class AccessLogTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_thousand_reads_with_tokens_and_cookies_add_no_audit_entry()
    {
        var browser = await app.SignedIn("viewer");
        await app.WriteAccessLogAsync();
        var before = await app.AuditCountAsync();

        for (var i = 0; i < 250; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Api("planner").GetAsync("/api/v1/pledges/1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.Api("liaison-gbr").GetAsync("/api/v1/pledges?limit=5")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/pledges/1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/commitments")).StatusCode);
        }

        Assert.Equal(before, await app.AuditCountAsync());
        await app.WriteAccessLogAsync();
        Assert.Equal(before + 2, await app.AuditCountAsync()); // the first use of each of the two tokens
    }

    [Fact]
    public async Task Refused_tokens_from_one_address_are_counted_and_written_as_one_entry_per_window()
    {
        await app.WriteAccessLogAsync();
        var before = await app.AuditCountAsync();
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "truce_not-a-real-token");

        for (var i = 0; i < 40; i++)
        {
            await (await client.GetAsync("/api/v1/pledges")).Problem(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(before, await app.AuditCountAsync());
        Assert.Equal(1, await app.WriteAccessLogAsync());
        var entry = Assert.Single(JsonNode.Parse(await app.Api("admin").GetStringAsync("/api/v1/audit?action=token.refused&limit=5"))!.AsArray())!;
        Assert.StartsWith("address/", entry["target"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("40 refused tokens from ", entry["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("unknown ×40", entry["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
