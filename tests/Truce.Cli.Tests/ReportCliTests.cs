using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce report daily</c>: the report for people, its <c>--json</c> equal to the API's, a bad date or cut-off named with its option and exit code 1.</summary>
public sealed class ReportCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Row = """{"source":"cli-report","externalId":"ID","observedFrom":"AT","type":"drone-strike","lat":46.48,"lon":30.72,"target":"energy-infrastructure"}""";

    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task The_daily_report_in_JSON_is_the_APIs_and_for_people_names_the_period_and_its_figures()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("truce-report-").FullName, "day.ndjson");
        await File.WriteAllTextAsync(file, string.Join("\n",
            Row.Replace("ID", "r1", StringComparison.Ordinal).Replace("AT", "2025-04-09T02:00:00Z", StringComparison.Ordinal),
            Row.Replace("ID", "r2", StringComparison.Ordinal).Replace("AT", "2025-04-09T16:30:00Z", StringComparison.Ordinal))); // the second exactly at the cut-off
        Assert.Equal(0, (await Truce("import", file)).Code);

        var (code, output, _) = await Truce("report", "daily", "--date", "2025-04-09", "--json");
        var (peopleCode, people, _) = await Truce("report", "daily", "--date", "2025-04-09", "--cutoff", "19:30");
        var api = await app.Api("admin").GetStringAsync("/api/v1/reports/daily?date=2025-04-09&cutoff=19:30");

        Assert.Equal((0, 0), (code, peopleCode));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(api), JsonNode.Parse(output)), $"CLI:\n{output}\nAPI:\n{api}");
        Assert.Contains("Daily report of 2025-04-09: from 2025-04-08 19:30 to 2025-04-09 19:30 Kyiv time", people, StringComparison.Ordinal);
        Assert.Contains($"{JsonNode.Parse(output)!["total"]!["now"]!["violations"]} ceasefire violations", people, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(output)!["total"]!["now"]!["violations"]!.GetValue<int>() >= 2);
    }

    [Theory]
    [InlineData("--date", "9 April", "--date: Expected a date such as 2025-03-20")]
    [InlineData("--cutoff", "7.30pm", "--cutoff: Expected a time of day")]
    public async Task A_date_or_cut_off_that_cannot_be_read_is_named_with_its_option(string option, string value, string message)
    {
        string[] args = option == "--date" ? ["report", "daily", option, value] : ["report", "daily", "--date", "2025-04-09", option, value];

        var (code, output, error) = await Truce(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
