using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Security;

/// <summary>The smaller faults a hostile or careless client met: each one named and refused, or answered as HTTP means.</summary>
public sealed class SmallFaultsTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_request_for_a_host_not_allowed_is_refused_and_redirects_name_no_host()
    {
        var forged = app.Api(null);
        forged.DefaultRequestHeaders.Host = "evil.example";
        var anonymous = app.Api(null);

        var refused = await forged.GetAsync("/commitments");
        var redirected = await anonymous.GetAsync("/commitments");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.False(redirected.Headers.Location!.IsAbsoluteUri, $"The redirect names a host: {redirected.Headers.Location}");
        Assert.StartsWith("/account/sign-in", redirected.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_scenario_is_created_201_and_saving_it_again_is_200()
    {
        var first = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/scenarios", new { name = "Created once", without = new[] { "us-backstop" } });
        var second = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/scenarios", new { name = "Created once", without = new[] { "un-mandate" } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/v1/planning/scenarios/{(await first.Read<JsonObject>())["id"]}", first.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await second.Read<JsonObject>())["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_missing_scope_is_named_once()
    {
        var problem = await (await app.Api("planner", "read").PostPledge(ApiClient.NewPledge())).Problem(HttpStatusCode.Forbidden);

        var detail = problem["detail"]!.GetValue<string>();
        Assert.EndsWith("do not include pledges:write.", detail, StringComparison.Ordinal);
    }
}

/// <summary>What a newcomer meets first in the browser: words, not field names; a reason, not a list of maybes; an icon.</summary>
public sealed class NewcomerPageTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_pledges_history_names_its_changes_in_words()
    {
        var created = await (await app.Api("planner").PostPledge(ApiClient.NewPledge(title: "Words not names"))).Read<JsonObject>();
        var changed = ApiClient.NewPledge(title: "Words not names");
        changed.ReadinessDays = 30;
        changed.Illustrative = ["readinessDays"];
        (await app.Api("planner").PutPledge(created["id"]!.GetValue<int>(), changed, "\"1\"")).EnsureSuccessStatusCode();

        var page = await (await app.SignedIn("planner")).GetStringAsync($"/commitments/{created["id"]}");

        Assert.Contains("readiness (days)", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">readinessDays<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("readinessDays.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_unused_pledge_gives_the_one_reason_that_holds()
    {
        var plan = JsonNode.Parse(await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force", timeLimitSeconds = 30 })).Content.ReadAsStringAsync())!;

        var reasons = plan["unused"]!.AsArray().Select(u => u!["reason"]!.GetValue<string>()).ToList();

        Assert.NotEmpty(reasons);
        Truce.Testing.Expect.All(reasons, r => Assert.DoesNotContain(", or ", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_site_has_an_icon()
    {
        var icon = await app.Api(null).GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
    }
}
