using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Security;

/// <summary>Passwords (the database's among them) and tokens never reach the logs, at any level, on success or failure.</summary>
public sealed class LogTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task No_password_or_token_is_logged()
    {
        // On PostgreSQL, the database's password too: EF Core and Npgsql log connections at Debug, which the tests collect.
        var secrets = new[] { TruceApp.Password, TruceApp.AdminPassword, app.TokenOf("planner"), app.TokenOf("viewer") }
            .Concat(app.Location.ConnectionString is { } connection ? [new Npgsql.NpgsqlConnectionStringBuilder(connection).Password!] : []).ToArray();

        await app.SignedIn("planner");
        var wrong = app.Api(null);
        await TruceApp.SignIn(wrong, "planner", TruceApp.Password + "-typo");
        await app.Api("planner").PostPledge(ApiClient.NewPledge(title: "Logged?"));
        await app.Api("viewer").GetAsync("/api/v1/pledges");
        var bad = app.Api(null);
        bad.DefaultRequestHeaders.Authorization = new("Bearer", app.TokenOf("viewer") + "x");
        await bad.GetAsync("/api/v1/pledges");

        Assert.NotEmpty(app.Logs.Messages);
        foreach (var secret in secrets.Append(TruceApp.Password + "-typo").Append(app.TokenOf("viewer") + "x"))
        {
            Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        }
    }
}
