using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Testing;

namespace Truce.Web.Tests.Security;

/// <summary>Repeated failed sign-ins lock the account: the lock is audited at once, the failures per address and window.</summary>
public sealed class SignInTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(Principal.System("sign-in tests"), new NewUser("guessed", Role.Viewer, null, TruceApp.Password)));
        }

        await app.WriteAccessLogAsync();
        var client = app.Api(null);
        for (var i = 0; i < SignInLockout.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TruceApp.SignIn(client, "guessed", $"wrong-password-{i}")).StatusCode);
        }

        var right = await TruceApp.SignIn(client, "guessed", TruceApp.Password);

        // The lock holds, but the caller is told what a wrong password is told: nothing about the account.
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var answer = await right.Content.ReadAsStringAsync();
        Assert.Contains("That user name and password do not match an account.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", answer, StringComparison.OrdinalIgnoreCase);
        var locked = JsonNode.Parse(await app.Api("admin").GetStringAsync("/api/v1/audit?action=user.locked&target=user/guessed"))!.AsArray();
        Assert.Contains("5 wrong passwords in a row", Assert.Single(locked)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await app.WriteAccessLogAsync();
        var failed = JsonNode.Parse(await app.Api("admin").GetStringAsync("/api/v1/audit?action=sign-in.failed"))!.AsArray();
        var detail = Assert.Single(failed)!["detail"]!.GetValue<string>();
        Assert.StartsWith($"{SignInLockout.MaxFailures + 1} failed sign-ins from ", detail, StringComparison.Ordinal);
        Assert.Contains("wrong password ×5", detail, StringComparison.Ordinal);
        Assert.Contains("account locked ×1", detail, StringComparison.Ordinal);
        Assert.Contains("user names tried: guessed", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_sign_in_is_audited_without_the_password()
    {
        await app.SignedIn("planner");

        var entries = await app.Api("admin").GetStringAsync("/api/v1/audit?action=sign-in.succeeded&actor=planner");

        Assert.Contains("user/planner", entries, StringComparison.Ordinal);
        Assert.DoesNotContain(TruceApp.Password, entries, StringComparison.Ordinal);
    }
}

/// <summary>Many failed sign-ins from one address, across accounts, are throttled (429).</summary>
public sealed class SignInThrottleTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task Password_spraying_from_one_address_is_throttled()
    {
        var client = app.Api(null);
        HttpResponseMessage? last = null;
        for (var i = 0; i <= Truce.Core.Security.AddressThrottle.MaxFailures; i++)
        {
            last = await TruceApp.SignIn(client, $"someone-{i}", "spring2025-password");
        }

        Assert.Equal((HttpStatusCode)429, last!.StatusCode);
        Assert.Contains("Too many failed sign-ins", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(last.Headers.RetryAfter is not null);
    }
}
