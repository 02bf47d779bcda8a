using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Testing;

namespace Truce.Web.Tests.Security;

/// <summary>
/// Sessions end when they should: signing out (from any page), a new password, a new role, disabling and
/// "sign out everywhere" end them at once, a saved copy of the cookie included; a disabled account's tokens
/// stop working; the acts are audited.
/// </summary>
public sealed class SessionTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly Principal Admin = new("admin", Role.Admin, null);

    [Fact]
    public async Task Signing_out_from_a_page_ends_the_session_and_a_saved_copy_of_its_cookie()
    {
        var name = await NewUserAsync(Role.Viewer);
        var (client, cookie) = await SignedInAsync(name);
        var page = await client.GetStringAsync("/commitments");

        // The layout's form on any page carries its anti-forgery token.
        var signedOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TruceApp.AntiforgeryToken(page) }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.True(await EndedAsync(cookie), "A saved copy of the cookie still opens a page after sign-out.");
        Assert.Contains("Signed out", await client.GetStringAsync("/account/sign-out"), StringComparison.Ordinal);
        var audited = JsonNode.Parse(await app.Api("admin").GetStringAsync($"/api/v1/audit?action=user.signed-out&target=user/{name}"))!.AsArray();
        Assert.Single(audited);
    }

    [Fact]
    public async Task Opening_the_sign_out_address_asks_and_does_not_sign_out()
    {
        var name = await NewUserAsync(Role.Viewer);
        var (client, cookie) = await SignedInAsync(name);

        var asked = await client.GetStringAsync("/account/sign-out");

        Assert.Contains("Sign out?", asked, StringComparison.Ordinal);
        Assert.False(await EndedAsync(cookie));
    }

    [Fact]
    public async Task Each_account_act_of_an_admin_ends_the_accounts_sessions_at_once()
    {
        var acts = new (string What, Func<UserAccounts, string, Task<Outcome<AccountView>>> Act)[]
        {
            ("sign out everywhere", (a, n) => a.SignOutEverywhereAsync(Admin, n)),
            ("reset the password", (a, n) => a.ResetPasswordAsync(Admin, n, "another-long-passphrase")),
            ("change the role", (a, n) => a.ChangeRoleAsync(Admin, n, Role.Liaison, "GBR")),
            ("disable", (a, n) => a.DisableAsync(Admin, n)),
        };

        foreach (var (what, act) in acts)
        {
            var name = await NewUserAsync(Role.Planner);
            var (_, cookie) = await SignedInAsync(name);
            await using var scope = app.Services.CreateAsyncScope();
            Expect.Done(await act(scope.ServiceProvider.GetRequiredService<UserAccounts>(), name));

            Assert.True(await EndedAsync(cookie), $"The session survived: {what}.");
        }
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_tokens_stop_until_it_is_enabled()
    {
        var name = await NewUserAsync(Role.Planner);
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            secret = Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateTokenAsync(Admin, name, "feed", TimeSpan.FromDays(1), [TokenScopes.Read])).Secret;
        }

        var api = app.Api(null);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/pledges/totals")).StatusCode);

        var cli = await app.SignedIn("admin");
        var page = await cli.GetStringAsync("/accounts");
        var disabled = await cli.PostAsync("/accounts?handler=Disable", Form(page, name));
        Assert.Contains($"'{name}' is disabled", WebUtility.HtmlDecode(await disabled.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/pledges/totals")).StatusCode);
        var refused = await TruceApp.SignIn(app.Api(null), name, TruceApp.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("do not match an account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await cli.PostAsync("/accounts?handler=Enable", Form(await cli.GetStringAsync("/accounts"), name));
        Assert.Contains($"'{name}' may sign in again", WebUtility.HtmlDecode(await enabled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/pledges/totals")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TruceApp.SignIn(app.Api(null), name, TruceApp.Password)).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves_nor_demote_the_last_admin()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        var self = await accounts.DisableAsync(Admin, "admin");
        var demoted = await accounts.ChangeRoleAsync(Principal.Operator("root"), "admin", Role.Viewer, null);

        Assert.Contains("your own account", self.Errors!.ToDictionary()["userName"][0], StringComparison.Ordinal);
        Assert.Contains("last active admin", demoted.Errors!.ToDictionary()["role"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_manage_accounts_on_the_page()
    {
        var planner = await app.SignedIn("planner");

        var response = await planner.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string page, string userName) =>
        new(new Dictionary<string, string> { ["userName"] = userName, ["__RequestVerificationToken"] = TruceApp.AntiforgeryToken(page) });

    private async Task<string> NewUserAsync(Role role)
    {
        var name = $"person-{Guid.NewGuid():N}"[..20];
        await using var scope = app.Services.CreateAsyncScope();
        Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(Principal.System("session tests"), new NewUser(name, role, null, TruceApp.Password)));
        return name;
    }

    /// <summary>A signed-in client and a copy of its session cookie, as someone who saved it would keep it.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignedInAsync(string name)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/account/sign-in");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = name,
                ["password"] = TruceApp.Password,
                ["__RequestVerificationToken"] = TruceApp.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        signIn.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var signedIn = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("truce.session=", StringComparison.Ordinal));
        var cookie = string.Join("; ", antiforgery.Append(session));
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (client, cookie);
    }

    /// <summary>Whether a request carrying <paramref name="cookie"/> is sent to sign in rather than shown the page.</summary>
    private async Task<bool> EndedAsync(string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/commitments");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/sign-in", StringComparison.Ordinal);
    }
}
