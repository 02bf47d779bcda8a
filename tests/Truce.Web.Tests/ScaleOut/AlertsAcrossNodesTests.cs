using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Truce.Testing;
using Truce.Web.Alerts;
using Truce.Web.Tests.Alerts;

namespace Truce.Web.Tests.ScaleOut;

/// <summary>
/// Two Truce nodes on one PostgreSQL database: an alert raised by an intake on node A reaches a browser connected
/// to node B, through PostgreSQL's LISTEN/NOTIFY (decision 30), and is raised once.
/// </summary>
public sealed class AlertsAcrossNodesTests(SeveralNodesTests.TwoNodes nodes) : IClassFixture<SeveralNodesTests.TwoNodes>
{
    [Fact]
    public async Task An_alert_raised_on_one_node_reaches_a_browser_connected_to_the_other()
    {
        Assert.SkipUnless(TestStore.IsPostgreSql, "Several nodes share alerts through PostgreSQL's LISTEN/NOTIFY; SQLite is one node by design, and delivers in the process (the PostgreSQL pass runs this).");
        await nodes.B.Services.GetRequiredService<AlertDelivery>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var rule = await LiveAlerts.RuleAsync(nodes.A, LiveAlerts.Strikes(3, "Across nodes"));
        await using var onB = await LiveAlerts.ConnectAsync(nodes.B, "viewer");

        await LiveAlerts.SubmitStrikesAsync(nodes.A, "nodes", 3, at: "2025-03-25T02:00:00Z");

        var alert = await onB.NextOfAsync(rule);
        Assert.Contains("Across nodes", alert["why"]!.GetValue<string>(), StringComparison.Ordinal);
        var raised = await nodes.B.Api("admin").GetFromJsonAsync<JsonArray>($"/api/v1/alerts?rule={rule}");
        Assert.Equal(alert["id"]!.GetValue<long>(), Assert.Single(raised!)!["id"]!.GetValue<long>());
    }
}
