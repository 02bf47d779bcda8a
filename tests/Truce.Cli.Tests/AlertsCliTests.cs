using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Alerts;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Storage.Alerts;
using Truce.Storage.Monitoring;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce alerts list</c>: the alerts an intake raised, in words or as the API's JSON, filtered by when they were raised.</summary>
public sealed class AlertsCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly Principal Admin = new("seeder", Role.Admin, null);

    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    private async Task RaiseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        Expect.Done(await scope.ServiceProvider.GetRequiredService<AlertRuleWrites>().CreateAsync(Admin, new AlertRuleInput { Name = "Two shellings", Kind = "threshold", Type = "artillery", Threshold = 2, WindowMinutes = 30 }));
        var at = new DateTimeOffset(2025, 3, 20, 2, 0, 0, TimeSpan.Zero);
        Expect.Done(await scope.ServiceProvider.GetRequiredService<ObservationIntake>().SubmitAsync(Admin, [.. Enumerable.Range(0, 2).Select(i => new ObservationInput
        {
            Source = "cli-team", ExternalId = $"cli-{i}", ObservedFrom = at.AddMinutes(i), Type = "artillery", Lat = 48.1, Lon = 37.6, Marking = new MarkingInput { Level = "coalition" },
        })]));
    }

    [Fact]
    public async Task Alerts_list_prints_why_and_its_json_is_what_the_API_serves()
    {
        await RaiseAsync();

        var (code, output, error) = await Truce("alerts", "list");
        var (jsonCode, json, _) = await Truce("alerts", "list", "--json");
        var api = await app.Api("admin").GetStringAsync("/api/v1/alerts");
        var (futureCode, future, _) = await Truce("alerts", "list", "--since", "2100-01-01");
        var (badCode, _, badError) = await Truce("alerts", "list", "--since", "soon");

        Assert.Equal((0, 0, 0), (code, jsonCode, futureCode));
        Assert.Contains("Two shellings", output, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(api), JsonNode.Parse(json)), $"CLI and API differ:\n{json}\n---\n{api}\n{error}");
        Assert.Contains("No alert raised since 2100-01-01", future, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badCode);
        Assert.Contains("--since", badError, StringComparison.Ordinal);
    }
}
