using Truce.Testing;

namespace Truce.Web.Tests.Alerts;

/// <summary>
/// The live feed end to end: an intake over the API raises an alert and the browsers connected to the server
/// receive it at once — each only the alerts its reader may read.
/// </summary>
public sealed class AlertsHubTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task An_intake_raises_an_alert_that_a_connected_browser_receives_live()
    {
        var rule = await LiveAlerts.RuleAsync(app, LiveAlerts.Strikes(3, "Live strikes"));
        await using var viewer = await LiveAlerts.ConnectAsync(app, "viewer");

        await LiveAlerts.SubmitStrikesAsync(app, "hub-a", 3, at: "2025-03-22T02:00:00Z");

        var alert = await viewer.NextOfAsync(rule);
        Assert.Equal((rule, "threshold", 3), (alert["ruleId"]!.GetValue<long>(), alert["kind"]!.GetValue<string>(), alert["count"]!.GetValue<int>()));
        Assert.Contains("3 drone strike events outside every sector within 1 hour", alert["why"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_browser_receives_only_the_alerts_its_reader_may_read()
    {
        await LiveAlerts.RuleAsync(app, LiveAlerts.Strikes(2, "For GBR only", MarkingInputs.RelTo("GBR")), user: "admin");
        await using var britain = await LiveAlerts.ConnectAsync(app, "liaison-gbr");
        await using var france = await LiveAlerts.ConnectAsync(app, "liaison-fra");

        await LiveAlerts.SubmitStrikesAsync(app, "hub-gbr", 2, at: "2025-03-23T02:00:00Z");
        var secret = await britain.NextAsync();
        var open = await LiveAlerts.RuleAsync(app, LiveAlerts.Strikes(1, "For everyone"));
        await LiveAlerts.SubmitStrikesAsync(app, "hub-all", 1, at: "2025-03-24T02:00:00Z");

        // Alerts leave a node in the order they were raised: France's first is the open one, the secret was never sent.
        var first = await france.NextAsync();
        Assert.Equal("REL TO GBR", secret["marking"]!.GetValue<string>());
        Assert.Equal((open, "COALITION"), (first["ruleId"]!.GetValue<long>(), first["marking"]!.GetValue<string>()));
        Assert.Equal(open, (await britain.NextAsync())["ruleId"]!.GetValue<long>());
    }
}
