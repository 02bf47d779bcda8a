using System.Net;
using Truce.Testing;

namespace Truce.Web.Tests.Alerts;

/// <summary>The /alerts page: the rules and the form to make one for analysts and admins, each bad field named beside it; no form for a viewer.</summary>
public sealed class AlertPagesTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static FormUrlEncodedContent Form(string token, string name, string threshold) => new(new Dictionary<string, string>
    {
        ["Form.Name"] = name, ["Form.Kind"] = "threshold", ["Form.Type"] = "artillery", ["Form.Sector"] = "", ["Form.Threshold"] = threshold,
        ["Form.WindowMinutes"] = "90", ["Form.MarkingLevel"] = "coalition", ["__RequestVerificationToken"] = token,
    });

    [Fact]
    public async Task An_analyst_makes_a_rule_from_the_form_and_a_bad_threshold_is_named_beside_its_field()
    {
        var analyst = await app.SignedIn("analyst");
        var page = await analyst.GetStringAsync("/alerts");
        var token = TruceApp.AntiforgeryToken(page);

        var bad = await analyst.PostAsync("/alerts?handler=create", Form(token, "Too many", "0"));
        var made = await analyst.PostAsync("/alerts?handler=create", Form(token, "Shelling from the form", "12"));
        var after = await analyst.GetStringAsync("/alerts");

        Assert.Contains("id=\"rule-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("From 1 to 10,000 events", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains("12 artillery events within 90 minutes in any one sector", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_the_rules_and_alerts_but_gets_no_form()
    {
        var page = await (await app.SignedIn("viewer")).GetStringAsync("/alerts");

        Assert.Contains("id=\"alert-rules\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rule-form\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"alert-indicator\"", page, StringComparison.Ordinal);
    }
}
