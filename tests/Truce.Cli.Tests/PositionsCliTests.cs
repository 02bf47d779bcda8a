using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce positions show</c>: the matrix the API serves, the conflict said in words, a bad date or issue named.</summary>
public sealed class PositionsCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task Show_json_is_the_matrix_the_API_serves()
    {
        var (code, output, _) = await Truce("positions", "show", "--issue", "foreign-troops", "--at", "2025-10-01", "--json", "--as", "viewer");
        var api = await (await app.Api("viewer").GetAsync("/api/v1/positions?issue=foreign-troops&at=2025-10-01")).Content.ReadFromJsonAsync<JsonNode>();

        Assert.Equal(0, code);
        Assert.True(JsonNode.DeepEquals(api, JsonNode.Parse(output)), $"CLI and API differ:\n{output}\n---\n{api}");
    }

    [Fact]
    public async Task Show_says_the_conflict_and_each_partys_position_at_the_date()
    {
        var (code, output, _) = await Truce("positions", "show", "--issue", "foreign-troops", "--at", "2025-10-01");

        Assert.Equal(0, code);
        Assert.Contains("Positions on 2025-10-01", output, StringComparison.Ordinal);
        Assert.Contains("Russia's red line: no foreign troops", output, StringComparison.Ordinal);
        Assert.Contains("2025-09-17", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "positions", "show", "--at", "October" }, "--at: Expected a date such as 2025-03-20")]
    [InlineData(new[] { "positions", "show", "--issue", "moon" }, "--issue: no issue 'moon'; expected one of")]
    public async Task A_bad_date_or_issue_is_named(string[] args, string message)
    {
        var (code, _, error) = await Truce(args);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
