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
    private async Task<(HttpClient Client, int Id)> Token(string user, params string[] scopes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var name = "test " + Guid.NewGuid().ToString("N");
        var (secret, error) = await accounts.CreateTokenAsync(user, name, TimeSpan.FromDays(1), scopes, Principal.System);
        Assert.Null(error);
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (client, (await accounts.TokensAsync(user)).Single(t => t.Name == name).Id);
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
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserAccounts>().RevokeTokenAsync(id, Principal.System));
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
    public async Task Each_use_of_a_token_is_recorded_with_its_last_use()
    {
        var (client, id) = await Token("viewer", TokenScopes.Read);

        await client.GetAsync("/api/v1/members");

        await using var scope = app.Services.CreateAsyncScope();
        var token = (await scope.ServiceProvider.GetRequiredService<UserAccounts>().TokensAsync("viewer")).Single(t => t.Id == id);
        Assert.NotNull(token.LastUsedAt);
        var audit = JsonNode.Parse(await app.Api("admin").GetStringAsync($"/api/v1/audit?action=token.used&target=token/{id}"))!.AsArray();
        Assert.Equal("GET /api/v1/members", Assert.Single(audit)!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_opens_the_API_only_never_a_page_or_its_forms()
    {
        var (client, _) = await Token("planner", TokenScopes.Read);

        var page = await client.GetAsync("/commitments/1");
        var release = await client.PostAsync("/commitments/1?handler=release", new FormUrlEncodedContent(new Dictionary<string, string> { ["level"] = "public", ["reason"] = "x", ["version"] = "1" }));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, release.StatusCode);
        Assert.Equal("COALITION", JsonNode.Parse(await app.Api("viewer").GetStringAsync("/api/v1/pledges/1"))!["marking"]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_in_browser_follows_a_change_of_its_users_role()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(new NewUser("demoted", Role.Planner, null, TruceApp.Password), Principal.System);
        }

        var browser = await app.SignedIn("demoted");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/commitments/new")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TruceDb>().Users.Where(u => u.UserName == "demoted").ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, Role.Viewer));
        }

        var after = await browser.GetAsync("/commitments/new");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/denied", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
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
