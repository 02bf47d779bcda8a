using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce plan</c> agrees with the API and explains its refusals.</summary>
public sealed class PlanningCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    // Proof of optimality, not the default two seconds, ends these solves: on a loaded two-core machine the
    // default can run out first, and a plan stopped early need not be the plan the other caller got.
    private const string Patient = "30";

    private static JsonNode WithoutTimings(string json)
    {
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("elapsedMs");
        return node;
    }

    [Fact]
    public async Task Plan_solve_json_is_the_plan_the_API_serves()
    {
        var (code, output, _) = await Truce("plan", "solve", "--without", "us-backstop", "--json", "--as", "planner", "--time-limit", Patient);
        var api = await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force", timeLimitSeconds = 30, scenario = new { without = new[] { "us-backstop" } } })).Content.ReadAsStringAsync();

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(WithoutTimings(api), WithoutTimings(output)), $"CLI and API differ:\n{output}\n---\n{api}");
    }

    [Fact]
    public async Task Plan_compare_shows_the_lines_that_lose_cover_and_the_pledges_that_drop_out()
    {
        var (code, output, _) = await Truce("plan", "compare", "--without", "us-backstop", "--time-limit", Patient);

        Assert.Equal(0, code);
        Assert.Contains("No US backstop", output, StringComparison.Ordinal);
        Assert.Contains("(short", output, StringComparison.Ordinal);
        Assert.Contains("needs a US backstop, which does not hold in this", output, StringComparison.Ordinal);
        Assert.Contains("proven optimal", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_solve_prints_coverage_shortfalls_and_reasons()
    {
        var (code, output, _) = await Truce("plan", "solve", "--exclude", "FRA", "--time-limit", Patient);

        Assert.Equal(0, code);
        Assert.Contains("Optimal", output, StringComparison.Ordinal);
        Assert.Contains("FRA is excluded in this scenario", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plan", "solve", "--without", "sunshine" }, 2, "--without: 'sunshine' is not a condition")]
    [InlineData(new[] { "plan", "solve", "--exclude", "ATLANTIS" }, 2, "--exclude: 'ATLANTIS' is not a coalition member")]
    [InlineData(new[] { "plan", "solve", "--mission", "moon" }, 3, "No mission 'moon'.")]
    [InlineData(new[] { "plan", "solve", "--time-limit", "99" }, 1, "--time-limit: Between 0.1 and 30 seconds; got 99.")]
    [InlineData(new[] { "plan", "compare" }, 1, "--without")]
    public async Task Bad_planning_arguments_exit_non_zero_and_say_what_was_expected(string[] args, int expected, string message)
    {
        var (code, _, error) = await Truce(args);

        Assert.Equal(expected, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
