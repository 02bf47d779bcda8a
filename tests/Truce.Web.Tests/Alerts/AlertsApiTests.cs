using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Alerts;

/// <summary>Rules over HTTP — made, changed at the version read, disabled — and the alerts an intake raises, read back as markings allow.</summary>
public sealed class AlertsApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_rule_is_made_changed_with_If_Match_and_disabled_and_each_problem_names_its_field()
    {
        var analyst = app.Api("analyst");
        var made = await analyst.PostAsJsonAsync("/api/v1/alert-rules", LiveAlerts.Strikes(5, "Made over HTTP"), TruceJson.Options);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var rule = await made.Read<JsonObject>();
        var id = rule["id"]!.GetValue<long>();
        Assert.Equal(("\"1\"", "5 drone strike events within 1 hour in any one sector"), (made.Headers.ETag!.Tag, rule["says"]!.GetValue<string>()));

        var bad = await analyst.PostAsJsonAsync("/api/v1/alert-rules", new AlertRuleInput { Name = "Too many", Kind = "threshold", Type = "artillery", Threshold = 10_001, WindowMinutes = 20_000 }, TruceJson.Options);
        Assert.Equal(["threshold", "windowMinutes"], (await bad.Problem(HttpStatusCode.BadRequest)).ErrorFields().Order());

        var unconditional = await analyst.PutAsJsonAsync($"/api/v1/alert-rules/{id}", LiveAlerts.Strikes(7, "Changed"), TruceJson.Options);
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);

        var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/alert-rules/{id}") { Content = JsonContent.Create(LiveAlerts.Strikes(7, "Changed"), options: TruceJson.Options) };
        change.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var changed = await analyst.SendAsync(change);
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (changed.StatusCode, changed.Headers.ETag!.Tag));

        var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/alert-rules/{id}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await analyst.SendAsync(stale)).StatusCode);
        var disable = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/alert-rules/{id}");
        disable.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        var disabled = await (await analyst.SendAsync(disable)).Read<JsonObject>();

        Assert.False(disabled["enabled"]!.GetValue<bool>());
        Assert.Equal("Changed", (await app.Api("viewer").GetFromJsonAsync<JsonObject>($"/api/v1/alert-rules/{id}"))!["name"]!.GetValue<string>());
        var refused = await app.Api("monitor").PostAsJsonAsync("/api/v1/alert-rules", LiveAlerts.Strikes(5), TruceJson.Options);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_intake_over_HTTP_raises_one_alert_at_the_threshold_listed_newest_first_and_hidden_from_who_may_not_read_it()
    {
        var open = await LiveAlerts.RuleAsync(app, LiveAlerts.Strikes(3, "Three strikes"));
        var gbr = await LiveAlerts.RuleAsync(app, LiveAlerts.Strikes(4, "Four strikes, for GBR", MarkingInputs.RelTo("GBR")), user: "admin");

        await LiveAlerts.SubmitStrikesAsync(app, "api-a", 2, at: "2025-03-21T02:00:00Z");
        var none = await app.Api("admin").GetFromJsonAsync<JsonArray>("/api/v1/alerts?since=2000-01-01");
        await LiveAlerts.SubmitStrikesAsync(app, "api-b", 3, at: "2025-03-21T02:10:00Z");

        var all = (await app.Api("admin").GetFromJsonAsync<JsonArray>($"/api/v1/alerts"))!.Select(a => a!.AsObject()).Where(a => a["ruleId"]!.GetValue<long>() is var r && (r == open || r == gbr)).ToList();
        var forFrance = await app.Api("liaison-fra").GetFromJsonAsync<JsonArray>($"/api/v1/alerts?rule={gbr}");
        var forBritain = await app.Api("liaison-gbr").GetFromJsonAsync<JsonArray>($"/api/v1/alerts?rule={gbr}");
        var badSince = await app.Api("viewer").GetAsync("/api/v1/alerts?since=yesterday");

        Assert.DoesNotContain(none!, a => a!["ruleId"]!.GetValue<long>() == open);
        Assert.Equal([gbr, open], all.Select(a => a["ruleId"]!.GetValue<long>()));
        Assert.Equal((3, "COALITION"), (all[1]["count"]!.GetValue<int>(), all[1]["marking"]!.GetValue<string>()));
        Assert.Equal("REL TO GBR", all[0]["marking"]!.GetValue<string>());
        Assert.Empty(forFrance!);
        Assert.Single(forBritain!);
        Assert.Equal(["since"], (await badSince.Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
