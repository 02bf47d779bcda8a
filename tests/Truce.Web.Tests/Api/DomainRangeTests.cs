using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Storage;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// No value takes Truce down: every number has a range enforced for every surface, aggregates survive the
/// largest value a row can hold, and what Truce refuses is a problem naming the field, never a 500.
/// </summary>
public sealed class DomainRangeTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_quantity_beyond_its_range_is_refused_on_the_pledge_and_on_a_requirement_line()
    {
        var pledge = ApiClient.NewPledge();
        pledge.Quantity = long.MaxValue;

        var refused = await (await app.Api("planner").PostPledge(pledge)).Problem(HttpStatusCode.BadRequest);
        var line = await (await app.Api("planner").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", new
        {
            code = "HUGE", capability = "infantry", quantity = long.MaxValue, sector = "kyiv-hub", windowStart = "2025-06-01", windowEnd = "2025-12-31",
        })).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("100,000,000", refused["errors"]!["quantity"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("quantity", line.ErrorFields());
    }

    [Fact]
    public async Task The_totals_and_the_plans_survive_the_largest_values_a_row_can_hold()
    {
        // Rows written before the ranges were enforced, or edited in the file: nothing may overflow.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Pledges\" SET \"Quantity\" = 9223372036854775807, \"ValueEurMinor\" = 9223372036854775807 WHERE \"Id\" IN (SELECT \"Id\" FROM \"Pledges\" WHERE \"CapabilityCode\" IS NOT NULL AND \"Category\" = 'Troops' LIMIT 2)");
        }

        var totals = JsonNode.Parse(await app.Api("planner").GetStringAsync("/api/v1/pledges/totals"))!;
        var dashboard = await (await app.SignedIn("planner")).GetAsync("/");
        var plan = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force" });

        Assert.Equal(long.MaxValue, totals["troopsPledged"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"member":"GBR","title":"t","category":"troops","sources":[null]}""", "sources[0]")]
    [InlineData("""{"member":"GBR","title":"t","category":"troops","conditions":[null],"sources":[{"url":"https://example.org"}]}""", "conditions[0]")]
    [InlineData("""{"member":"GBR","title":"t","category":"funding","value":{"amount":1e30,"currency":"EUR"},"sources":[{"url":"https://example.org"}]}""", "value.amount")]
    [InlineData("""{"member":"GBR","title":"t","category":"funding","value":{"amount":79228162514264337593543950336,"currency":"EUR"},"sources":[{"url":"https://example.org"}]}""", "value.amount")]
    [InlineData("""{"member":"GBR","title":"t","category":"funding","value":{"amount":5,"currency":"XXX"},"sources":[{"url":"https://example.org"}]}""", "value.currency")]
    [InlineData("""{"member":"GBR","title":"t","category":"funding","value":{"amount":5,"currency":"GBP"},"sources":[{"url":"https://example.org"}]}""", "value.eur")]
    [InlineData("""{"member":"GBR","title":"t\u0000hidden","category":"troops","sources":[{"url":"https://example.org"}]}""", "title")]
    [InlineData("""{"member":"GBR","title":"t\u202Egnp.exe","category":"troops","sources":[{"url":"https://example.org"}]}""", "title")]
    [InlineData("""{"member":"GBR","title":"t","category":"troops","announcedOn":"9999-12-31","sources":[{"url":"https://example.org"}]}""", "announcedOn")]
    public async Task A_malformed_pledge_is_a_problem_naming_its_field(string body, string field)
    {
        var response = await app.Api("planner").PostAsync("/api/v1/pledges", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task Lists_and_texts_have_a_length()
    {
        var pledge = ApiClient.NewPledge();
        pledge.Caveats = Enumerable.Range(0, 100_000).Select(i => $"caveat {i}").ToList();
        pledge.Title = new string('x', 1_000_000);

        var problem = await (await app.Api("planner").PostPledge(pledge)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("caveats", problem.ErrorFields());
        Assert.Contains("title", problem.ErrorFields());
        Assert.True(problem.ToJsonString().Length < 10_000, "The refusal echoes the input back.");
    }

    [Fact]
    public async Task A_plan_date_beyond_the_range_is_refused()
    {
        var response = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force", scenario = new { planDate = "9999-12-31" } });

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("scenario.planDate", problem.ErrorFields());
    }

    [Fact]
    public async Task A_body_of_40_MB_is_refused_as_too_large()
    {
        var body = new StringContent("{\"title\":\"" + new string('x', 40 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

        var response = await app.Api("planner").PostAsync("/api/v1/pledges", body);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_money_amount_beyond_the_range_on_the_form_is_named_not_a_500()
    {
        var client = await app.SignedIn("planner");
        var form = await client.GetStringAsync("/commitments/new");

        var response = await client.PostAsync("/commitments/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Member"] = "GBR",
            ["Form.Title"] = "Too much money",
            ["Form.Category"] = "funding",
            ["Form.ValueAmount"] = "79228162514264337593543950336",
            ["Form.Currency"] = "EUR",
            ["Form.Sources"] = "https://example.org",
            ["__RequestVerificationToken"] = TruceApp.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Amount", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A refusal never reveals a record its caller may not read: names are unique within a marking.</summary>
public sealed class HiddenNamesTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_code_or_name_held_by_a_hidden_record_is_free_to_a_writer_who_cannot_see_it_and_both_are_kept()
    {
        var line = new { code = "SECRET1", capability = "infantry", quantity = 700, sector = "kyiv-hub", windowStart = "2025-06-01", windowEnd = "2025-12-31" };
        var adminLine = await app.Api("admin").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", new { line.code, line.capability, line.quantity, line.sector, line.windowStart, line.windowEnd, marking = new { level = "rel-to", relTo = new[] { "FRA" } } });
        var adminScenario = await app.Api("admin").PostAsJsonAsync("/api/v1/planning/scenarios", new { name = "Hidden plan", without = new[] { "us-backstop" }, marking = new { level = "rel-to", relTo = new[] { "FRA" } } });
        Assert.True(adminLine.IsSuccessStatusCode && adminScenario.IsSuccessStatusCode, await adminLine.Content.ReadAsStringAsync() + await adminScenario.Content.ReadAsStringAsync());

        var plannerLine = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", line);
        var plannerScenario = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/scenarios", new { name = "Hidden plan", excludedMembers = new[] { "ITA" } });
        var again = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/missions/reassurance-force/requirements", line);

        Assert.Equal(HttpStatusCode.Created, plannerLine.StatusCode);
        Assert.True(plannerScenario.IsSuccessStatusCode, await plannerScenario.Content.ReadAsStringAsync());
        Assert.Contains("is taken", (await again.Problem(HttpStatusCode.BadRequest))["errors"]!["code"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var scenarios = JsonNode.Parse(await app.Api("admin").GetStringAsync("/api/v1/planning/scenarios"))!.AsArray().Where(s => s!["name"]!.GetValue<string>() == "Hidden plan").ToList();
        Assert.Equal(["COALITION", "REL TO FRA"], scenarios.Select(s => s!["marking"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(2, JsonNode.Parse(await app.Api("admin").GetStringAsync("/api/v1/planning/missions/reassurance-force"))!["requirements"]!.AsArray().Count(r => r!["code"]!.GetValue<string>() == "SECRET1"));
    }
}
