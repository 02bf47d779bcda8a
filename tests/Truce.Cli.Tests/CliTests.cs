using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary>The <c>truce</c> command run in-process against the same database file as a running server.</summary>
public sealed class CliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Theory]
    [InlineData("")]
    [InlineData("?category=troops")]
    [InlineData("?member=GBR&sort=-quantity&limit=5")]
    [InlineData("?condition=us-backstop")]
    public async Task Pledges_list_json_prints_what_the_API_serves(string query)
    {
        var args = new List<string> { "pledges", "list", "--json" };
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            args.Add("--" + name);
            args.Add(value);
        }

        var (code, output, error) = await Truce([.. args]);
        var api = await app.Api("viewer").GetStringAsync($"/api/v1/pledges{query}");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var cli = JsonNode.Parse(output);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(api), cli), $"CLI and API differ:\n{output}\n---\n{api}");
        Assert.NotEmpty(cli!["items"]!.AsArray());
    }

    [Fact]
    public async Task Pledges_list_prints_a_readable_table()
    {
        var (code, output, _) = await Truce("pledges", "list", "--member", "GBR");

        Assert.Equal(0, code);
        Assert.Contains("UK ground forces", output, StringComparison.Ordinal);
        Assert.Contains("us-backstop", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ of \d+ pledges\.", output);
    }

    [Theory]
    [InlineData(new[] { "pledges", "list", "--category", "tanks" }, "--category: 'tanks' is not a category; expected one of troops")]
    [InlineData(new[] { "pledges", "list", "--limit", "0" }, "--limit: Must be between 1 and 500")]
    [InlineData(new[] { "pledges", "list", "--limit", "many" }, "many")]
    [InlineData(new[] { "pledges", "show", "first" }, "first")]
    [InlineData(new[] { "pledges", "launch" }, "launch")]
    [InlineData(new[] { "users", "add", "eve", "--role", "king" }, "--role 'king' is not a role; expected one of viewer, liaison, planner, admin")]
    public async Task Bad_arguments_exit_non_zero_and_say_what_was_expected(string[] args, string message)
    {
        var (code, _, error) = await Truce(args);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Showing_an_unknown_pledge_exits_3()
    {
        var (code, _, error) = await Truce("pledges", "show", "99999");

        Assert.Equal(ExitCodes.NotFound, code);
        Assert.Contains("No pledge 99999.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledges_show_json_has_the_pledge_and_its_history()
    {
        var (code, output, _) = await Truce("pledges", "show", "1", "--json");

        Assert.Equal(0, code);
        var document = JsonNode.Parse(output)!;
        Assert.Equal(1, document["pledge"]!["id"]!.GetValue<int>());
        Assert.NotEmpty(document["history"]!.AsArray());
    }

    [Fact]
    public async Task Adding_a_pledge_names_each_bad_option_and_writes_nothing()
    {
        var (code, _, error) = await Truce("pledges", "add", "--member", "GBR", "--category", "tanks", "--quantity", "5", "--amount", "3", "--currency", "pounds");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("--title: Required", error, StringComparison.Ordinal);
        Assert.Contains("--category: 'tanks'", error, StringComparison.Ordinal);
        Assert.Contains("--unit: Required", error, StringComparison.Ordinal);
        Assert.Contains("--currency: 'pounds'", error, StringComparison.Ordinal);
        Assert.Contains("--source (sources)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_added_at_the_command_line_is_served_by_the_API()
    {
        var (code, output, _) = await Truce(
            "pledges", "add", "--member", "NLD", "--title", "Dutch mine-hunter", "--category", "maritime", "--quantity", "1", "--unit", "ships",
            "--condition", "after-ceasefire", "--condition", "parliamentary-approval:vote in the Tweede Kamer",
            "--source", "https://example.org/nl|Ministerie van Defensie|2025-03-20", "--json");

        Assert.Equal(0, code);
        var id = JsonNode.Parse(output)!["id"]!.GetValue<int>();
        var pledge = JsonNode.Parse(await app.Api("viewer").GetStringAsync($"/api/v1/pledges/{id}"))!;
        Assert.Equal("Dutch mine-hunter", pledge["title"]!.GetValue<string>());
        Assert.Equal("vote in the Tweede Kamer", pledge["conditions"]![1]!["note"]!.GetValue<string>());
        Assert.StartsWith("cli:", pledge["updatedBy"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_and_token_made_at_the_command_line_open_the_API()
    {
        var (userCode, userOutput, _) = await Truce("users", "add", "nl-liaison", "--role", "liaison", "--member", "NLD");
        var (tokenCode, token, _) = await Truce("tokens", "create", "--user", "nl-liaison", "--name", "feed", "--expires-in-days", "1");

        Assert.Equal(0, userCode);
        Assert.Contains("Password (shown once):", userOutput, StringComparison.Ordinal);
        Assert.Equal(0, tokenCode);
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/members")).StatusCode);
    }

    [Fact]
    public async Task A_liaison_needs_a_member_and_a_weak_password_is_refused()
    {
        var (code, _, error) = await Truce("users", "add", "nobody", "--role", "liaison");
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("--member", error, StringComparison.Ordinal);

        (code, _, error) = await Truce("users", "add", "weak", "--role", "viewer", "--password", "short");
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("--password: A password needs at least 12 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_and_demo_load_work_on_a_new_database()
    {
        var database = await TestStore.NewLocation("cli").CreateAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await TruceCli.RunAsync(["migrate", .. database.CliArguments], output, error));
        Assert.Equal(0, await TruceCli.RunAsync(["demo", "load", .. database.CliArguments], output, error));
        Assert.Equal(0, await TruceCli.RunAsync(["demo", "load", .. database.CliArguments], output, error));

        Assert.Matches(@"pledges: \d+ new, 0 changed, 0 unchanged", output.ToString());
        Assert.Matches(@"pledges: 0 new, 0 changed, \d+ unchanged", output.ToString());
        Assert.Equal(ExitCodes.Invalid, await TruceCli.RunAsync(["demo", "load", .. database.CliArguments, "--path", database.Folder], output, error));
        Assert.Contains("nothing was loaded", error.ToString(), StringComparison.Ordinal);
        await database.DropAsync();
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (code, output, _) = await Truce("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "migrate", "scenario", "pledges", "users", "tokens" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }
}
