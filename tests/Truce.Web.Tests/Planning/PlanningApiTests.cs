using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Planning;

/// <summary>The demo mission planned through the API, with and without the US backstop.</summary>
public sealed class PlanningApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static object Request(params string[] without) => new { mission = "reassurance-force", scenario = new { without } };

    private async Task<PlanView> Plan(string user, params string[] without) =>
        await (await app.Api(user).PostAsJsonAsync("/api/v1/planning/plans", Request(without))).Read<PlanView>();

    [Fact]
    public async Task The_demo_mission_solves_with_its_coverage_and_shortfalls_stated()
    {
        var plan = await Plan("planner");

        Assert.Equal("Optimal", plan.Status);
        Assert.Equal(0, plan.Gap);
        Assert.True(plan.Lines.Count >= 9);
        Assert.Equal(6000, plan.Lines.Single(l => l.Code == "L1").Covered);
        Assert.Contains(plan.Lines, l => l.Code == "M1" && l.Missing > 0);
        Assert.Contains(plan.Allocations, a => a.Member == "GBR" && a.Requirement is "L1" or "L2" or "L3");
        Expect.All(plan.Lines, l => Assert.Equal(l.Demand - l.Covered, l.Missing));
        Expect.All(plan.Unused, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
        Assert.True(plan.ElapsedMs > 0);
    }

    [Fact]
    public async Task Without_the_US_backstop_the_UK_pledges_drop_out_with_their_reason_and_lines_lose_cover()
    {
        var comparison = await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/compare", new
        {
            mission = "reassurance-force",
            scenarios = new object[] { new { name = "Base case" }, new { name = "No US backstop", without = new[] { "us-backstop" } } },
        })).Read<ComparisonView>();

        Assert.Equal(["Base case", "No US backstop"], comparison.Scenarios);
        var dropped = comparison.DroppedOut.Where(d => d.Scenario == "No US backstop").ToList();
        Assert.Contains(dropped, d => d.Member == "GBR" && d.Reason == "needs a US backstop, which does not hold in this scenario");
        Expect.All(dropped, d => Assert.Equal("GBR", d.Member));
        var lostCover = comparison.Lines.Where(l => l.Covered[1] < l.Covered[0]).Select(l => l.Code).ToList();
        Assert.Contains("A1", lostCover);
        Assert.Contains(lostCover, c => c.StartsWith('L'));
        Assert.StartsWith("Every plan is proven optimal", comparison.Optimality, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_counts_only_the_pledges_the_caller_may_read_and_says_so()
    {
        var body = ApiClient.NewPledge("GBR", "Secret infantry for planning");
        body.CapabilityCode = "infantry";
        body.Quantity = 9000;
        body.Unit = "troops";
        body.Marking = new Truce.Core.Security.MarkingInput { Level = "national" };
        var created = await (await app.Api("liaison-gbr").PostPledge(body)).Read<Truce.Core.Commitments.PledgeView>();

        var forGbr = await Plan("liaison-gbr");
        var forFra = await Plan("liaison-fra");

        Assert.Contains(forGbr.Allocations.Concat<object>(forGbr.Unused), x => x is AllocationView a ? a.PledgeId == created.Id : ((Truce.Core.Planning.UnusedPledge)x).PledgeId == created.Id);
        Assert.DoesNotContain(forFra.Allocations, a => a.PledgeId == created.Id);
        Assert.DoesNotContain(forFra.Unused, u => u.PledgeId == created.Id);
        Assert.Equal(forGbr.PledgesConsidered - 1, forFra.PledgesConsidered);
        Assert.Contains("releasable to them", forFra.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_planning_requests_name_the_field()
    {
        var api = app.Api("planner");

        Assert.Contains("mission", (await (await api.PostAsJsonAsync("/api/v1/planning/plans", new { })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        await (await api.PostAsJsonAsync("/api/v1/planning/plans", new { mission = "moon-landing" })).Problem(HttpStatusCode.NotFound);
        Assert.Contains("scenario.without[0]", (await (await api.PostAsJsonAsync("/api/v1/planning/plans", Request("sunshine"))).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("scenario.without[0]", (await (await api.PostAsJsonAsync("/api/v1/planning/plans", Request("logistics-only"))).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("scenarios", (await (await api.PostAsJsonAsync("/api/v1/planning/compare", new { mission = "reassurance-force", scenarios = new[] { new { } } })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("timeLimitSeconds", (await (await api.PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force", timeLimitSeconds = 600 })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("scenario.members", (await (await api.PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force", scenario = new { excludedMembers = new[] { "ATLANTIS" } } })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Requirements_and_scenarios_are_written_by_planners_only_and_audited()
    {
        var line = new { code = "H1", capability = "role-2-medical", quantity = 2, sector = "kyiv-hub", windowStart = "2025-06-01", windowEnd = "2025-12-31", priority = 2 };

        await (await app.Api("viewer").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", line)).Problem(HttpStatusCode.Forbidden);
        await (await app.Api("liaison-gbr").PostAsJsonAsync("/api/v1/planning/scenarios", new { name = "x" })).Problem(HttpStatusCode.Forbidden);
        var created = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", line);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bad = await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", new { code = "H1", capability = "spaceships", quantity = 0, sector = "moon", windowStart = "2025-06-01", windowEnd = "2025-01-01" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["capability", "code", "quantity", "sector", "window"], bad.ErrorFields().Order());

        var saved = await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/scenarios", new { name = "No US backstop", without = new[] { "us-backstop" } })).Read<JsonObject>();
        var reread = await (await app.Api("viewer").GetAsync($"/api/v1/planning/scenarios/{saved["id"]}")).Read<JsonObject>();
        var fromSaved = await (await app.Api("viewer").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force", scenarioId = saved["id"]!.GetValue<int>() })).Read<PlanView>();

        Assert.Equal("us-backstop", reread["without"]![0]!.GetValue<string>());
        Assert.Equal("No US backstop", fromSaved.Scenario);
        var audit = await app.Api("admin").GetStringAsync("/api/v1/audit?action=requirement.created");
        Assert.Contains("mission/reassurance-force/H1", audit, StringComparison.Ordinal);
        Assert.Contains("scenario/No US backstop", await app.Api("admin").GetStringAsync("/api/v1/audit?action=scenario.saved"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requirement_line_can_be_changed_and_removed_by_a_planner_with_both_audited()
    {
        var line = await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", new { code = "E1", capability = "engineers", quantity = 300, sector = "lviv-hub", windowStart = "2025-06-01", windowEnd = "2025-12-31", priority = 3 })).Read<RequirementView>();

        await (await app.Api("viewer").PutAsJsonAsync($"/api/v1/planning/requirements/{line.Id}", new { quantity = 500 })).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("window", (await (await app.Api("planner").PutAsJsonAsync($"/api/v1/planning/requirements/{line.Id}", new { windowEnd = "2025-01-01" })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        var changed = await (await app.Api("planner").PutAsJsonAsync($"/api/v1/planning/requirements/{line.Id}", new { quantity = 500, priority = 2 })).Read<RequirementView>();
        var removed = await app.Api("planner").DeleteAsync($"/api/v1/planning/requirements/{line.Id}");

        Assert.Equal(500, changed.Quantity);
        Assert.Equal(2, changed.Priority);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await app.Api("planner").DeleteAsync($"/api/v1/planning/requirements/{line.Id}")).Problem(HttpStatusCode.NotFound);
        var audit = await app.Api("admin").GetStringAsync("/api/v1/audit?target=mission/reassurance-force/E1");
        Assert.Contains("requirement.changed", audit, StringComparison.Ordinal);
        Assert.Contains("requirement.removed", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_sectors_and_mission_are_served()
    {
        var capabilities = await app.Api("viewer").GetStringAsync("/api/v1/planning/capabilities");
        var sectors = await app.Api("viewer").GetStringAsync("/api/v1/planning/sectors");
        var mission = await (await app.Api("viewer").GetAsync("/api/v1/planning/missions/reassurance-force")).Read<MissionView>();

        Assert.Contains("mine-countermeasures-vessel", capabilities, StringComparison.Ordinal);
        Assert.Contains("\"nearFrontLine\":true", sectors, StringComparison.Ordinal);
        Assert.True(mission.Illustrative);
        Assert.Contains(mission.Requirements, r => r.Code == "M2" && r.Measure == "ships");
    }
}
