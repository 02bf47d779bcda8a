using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Truce.Testing;
using Truce.Web.Startup;

namespace Truce.Cli.Tests;

/// <summary><c>truce users list|disable|enable|reset-password|sign-out-everywhere|set-role</c>: an operator ends sessions at the server.</summary>
public sealed class UsersCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task An_operator_disables_an_account_then_enables_it_and_resets_its_password()
    {
        Assert.Equal(0, (await Truce("users", "add", "cli-person", "--role", "planner", "--password", TruceApp.Password)).Code);
        var (_, secret, _) = await Truce("tokens", "create", "--user", "cli-person", "--name", "feed", "--scope", "read");
        var api = app.Api(null);
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret.Trim());

        var (disabled, said, _) = await Truce("users", "disable", "cli-person");
        var (_, listed, _) = await Truce("users", "list", "--json");
        var tokenWhileDisabled = (await api.GetAsync("/api/v1/members")).StatusCode;
        var (enabled, _, _) = await Truce("users", "enable", "cli-person");
        var (reset, generated, _) = await Truce("users", "reset-password", "cli-person");
        var (everywhere, _, _) = await Truce("users", "sign-out-everywhere", "cli-person");

        Assert.Equal(0, disabled);
        Assert.Contains("cli-person: planner, disabled; every session ended.", said, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(listed)!.AsArray().Single(a => a!["userName"]!.GetValue<string>() == "cli-person")!["disabledAt"]);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenWhileDisabled);
        Assert.Equal((0, 0, 0), (enabled, reset, everywhere));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/members")).StatusCode);
        var password = generated.Split('\n').Single(l => l.StartsWith("Password (shown once): ", StringComparison.Ordinal))["Password (shown once): ".Length..].Trim();
        Assert.Equal(HttpStatusCode.Unauthorized, (await TruceApp.SignIn(app.Api(null), "cli-person", TruceApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TruceApp.SignIn(app.Api(null), "cli-person", password)).StatusCode);
        var audit = await app.Api("admin").GetStringAsync("/api/v1/audit?target=user/cli-person&limit=20");
        foreach (var act in new[] { "user.disabled", "user.enabled", "user.password-reset", "user.signed-out-everywhere" })
        {
            Assert.Contains(act, audit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Account_commands_name_what_is_wrong_and_are_for_admins()
    {
        var (unknown, _, noUser) = await Truce("users", "disable", "nobody-here");
        var (weak, _, short_) = await Truce("users", "reset-password", "viewer", "--password", "short");
        var (notRole, _, badRole) = await Truce("users", "set-role", "viewer", "--role", "general");
        var (refused, _, notAdmin) = await Truce("users", "disable", "viewer", "--as", "planner");

        Assert.Equal(ExitCodes.NotFound, unknown);
        Assert.Contains("No user named 'nobody-here'", noUser, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, weak);
        Assert.Contains("--password:", short_, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, notRole);
        Assert.Contains("--role: 'general' is not a role", badRole, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, refused);
        Assert.Contains("Only admins may manage accounts and tokens; planner is a planner.", notAdmin, StringComparison.Ordinal);
    }
}

/// <summary>What the CLI prints cannot drive the terminal, and admin-only commands stay admin-only under <c>--as</c>.</summary>
public sealed class CliOutputTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task The_audit_list_shows_control_characters_a_stranger_typed_as_escapes()
    {
        await TruceApp.SignIn(app.Api(null), "\u001b[2J\u001b[31mowned", "a wrong password");
        await app.WriteAccessLogAsync();

        var (code, output, _) = await Truce("audit", "list", "--action", "sign-in.failed");

        Assert.Equal(0, code);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("\\u001B[31mowned", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_demo_data_as_a_viewer_is_refused()
    {
        var (code, _, error) = await Truce("demo", "load", "--as", "viewer");

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("Only admins may load demo data", error, StringComparison.Ordinal);
    }
}

/// <summary>What a newcomer meets first at the command line.</summary>
public sealed class NewcomerCliTests
{
    [Fact]
    public async Task A_first_command_on_a_new_database_finds_the_demo_data_as_the_server_would()
    {
        var database = await TestStore.NewLocation("newcomer").CreateAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await TruceCli.RunAsync(["plan", "solve", "--json", "--time-limit", "2", .. database.CliArguments], output, error);

        Assert.Equal(0, code);
        Assert.Equal("reassurance-force", JsonNode.Parse(output.ToString())!["mission"]!.GetValue<string>());
        Assert.Contains("Loaded the demo data", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Created the first admin", error.ToString(), StringComparison.Ordinal);
        await database.DropAsync();
    }
}

/// <summary>A setting Truce cannot start with is said in words, not as a stack trace.</summary>
public sealed class StartupSettingsTests
{
    [Fact]
    public async Task A_first_admin_password_that_breaks_the_policy_is_named_as_a_setting()
    {
        var database = await TestStore.NewLocation("startup").CreateAsync();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(database.Settings())
        {
            ["Admin:Password"] = "short",
        }).Build();
        await using var services = new ServiceCollection().AddTruce(settings).BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<StartupException>(() => DatabaseStartup.PrepareDatabaseAsync(services, settings, TextWriter.Null));

        Assert.StartsWith("Cannot create the first admin from Admin:UserName and Admin:Password: password:", refused.Message, StringComparison.Ordinal);
        await database.DropAsync();
    }
}

/// <summary>Numeric settings have ranges: a value outside one is named when Truce starts.</summary>
public sealed class RangedSettingsTests
{
    [Theory]
    [InlineData("Planning:MaxRunningPlans", "0")]
    [InlineData("Planning:MaxWaitingPlans", "-1")]
    [InlineData("Planning:SolverWorkers", "99999")]
    [InlineData("Planning:SolverWorkers", "lots")]
    public void A_setting_outside_its_range_is_named(string key, string value)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddTruce(settings).BuildServiceProvider();

        var refused = Assert.Throws<StartupException>(() =>
        {
            services.GetRequiredService<Truce.Storage.Planning.PlanSlotsOptions>();
            services.GetRequiredService<Truce.Core.Planning.IPlanner>();
        });

        Assert.Contains($"The setting {key} must be a whole number", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"got '{value}'", refused.Message, StringComparison.Ordinal);
    }
}
