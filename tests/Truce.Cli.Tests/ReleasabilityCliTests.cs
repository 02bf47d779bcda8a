using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>--as</c> makes the CLI read as a user: the same releasability as the API, in tables and in --json.</summary>
public sealed class ReleasabilityCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task A_national_pledge_never_reaches_another_members_liaison_through_the_CLI()
    {
        var (code, output, _) = await Truce(
            "pledges", "add", "--member", "GBR", "--title", "Cli national draft", "--category", "troops", "--quantity", "777", "--unit", "troops",
            "--source", "https://example.org/uk", "--marking", "national", "--as", "liaison-gbr", "--json");
        Assert.Equal(0, code);
        var id = JsonNode.Parse(output)!["id"]!.GetValue<int>();

        var (_, gbr, _) = await Truce("pledges", "list", "-q", "Cli national draft", "--json", "--as", "liaison-gbr");
        var (_, fra, _) = await Truce("pledges", "list", "-q", "Cli national draft", "--json", "--as", "liaison-fra");
        var (showCode, _, showError) = await Truce("pledges", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", "viewer");
        var (_, apiFra, _) = (0, await app.Api("liaison-fra").GetStringAsync("/api/v1/pledges?q=Cli%20national%20draft"), string.Empty);

        Assert.Equal(1, JsonNode.Parse(gbr)!["total"]!.GetValue<int>());
        Assert.Equal(0, JsonNode.Parse(fra)!["total"]!.GetValue<int>());
        Assert.DoesNotContain("777", fra, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(apiFra), JsonNode.Parse(fra)));
        Assert.Equal(ExitCodes.NotFound, showCode);
        Assert.Contains($"No pledge {id}.", showError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_for_as_is_a_usage_error()
    {
        var (code, _, error) = await Truce("pledges", "list", "--as", "nobody-at-all");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--as: no user named 'nobody-at-all'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_listed_without_their_secret_and_can_be_revoked()
    {
        var (_, secret, _) = await Truce("tokens", "create", "--user", "viewer", "--name", "to revoke", "--scope", "read");
        var (_, listing, _) = await Truce("tokens", "list", "--user", "viewer", "--json");
        var token = JsonNode.Parse(listing)!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "to revoke")!;

        var (code, output, _) = await Truce("tokens", "revoke", token["id"]!.ToJsonString());
        var (again, _, error) = await Truce("tokens", "revoke", token["id"]!.ToJsonString());

        Assert.DoesNotContain(secret.Trim(), listing, StringComparison.Ordinal);
        Assert.Equal("read", token["scopes"]!.GetValue<string>());
        Assert.Equal(0, code);
        Assert.Contains("Revoked", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, again);
        Assert.Contains("No active token", error, StringComparison.Ordinal);
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret.Trim());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/members")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_scope_is_refused()
    {
        var (code, _, error) = await Truce("tokens", "create", "--user", "viewer", "--name", "x", "--scope", "everything");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("--scope: Unknown scope 'everything'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_may_list_the_audit_trail()
    {
        var (code, _, error) = await Truce("audit", "list", "--as", "planner");

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("Only admins may read the audit trail; planner is a planner.", error, StringComparison.Ordinal);
    }
}

/// <summary>The CLI's --json under --as holds exactly what the API serves the same user, marking by marking.</summary>
public sealed class ReleasabilityMatrixCliTests(MarkedLedger app) : IClassFixture<MarkedLedger>
{
    public static readonly TheoryData<string> Users = new(MarkedLedger.Visible.Keys);

    [Theory]
    [MemberData(nameof(Users))]
    public async Task List_json_as_a_user_holds_only_what_that_user_may_see(string user)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await TruceCli.RunAsync(["pledges", "list", "-q", app.Tag, "--json", "--as", user, .. app.Location.CliArguments], output, error);

        Assert.Equal(0, code);
        var ids = JsonNode.Parse(output.ToString())!["items"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()).Order();
        Assert.Equal(MarkedLedger.Visible[user].Select(v => app.Ids[v]).Order(), ids);
        var api = await app.Api(user).GetStringAsync($"/api/v1/pledges?q={app.Tag}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(api), JsonNode.Parse(output.ToString())));
        foreach (var hidden in app.Ids.Keys.Except(MarkedLedger.Visible[user]))
        {
            Assert.DoesNotContain($"{app.Tag} {hidden}", output.ToString(), StringComparison.Ordinal);
        }
    }
}
