using System.Net;
using System.Net.Http.Json;
using System.Text;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

public sealed class CommitmentsApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private readonly HttpClient _viewer = app.Api("viewer");
    private readonly HttpClient _planner = app.Api("planner");

    private async Task<Page<PledgeView>> List(string query = "") =>
        await (await _viewer.GetAsync($"/api/v1/pledges{query}")).Read<Page<PledgeView>>();

    private async Task<PledgeView> DemoPledge(string key)
    {
        var all = await List("?limit=500");
        return all.Items.Single(p => p.Key == key);
    }

    [Fact]
    public async Task The_ledger_holds_the_demo_pledges_with_their_sources()
    {
        var page = await List("?limit=500");

        Assert.True(page.Total >= 25, $"only {page.Total} pledges");
        Expect.All(page.Items, p => Assert.NotEmpty(p.Sources));
        Assert.Contains(page.Items, p => p.Member == "ITA" && p.Conditions.Any(c => c.Kind == "un-mandate"));
        Assert.Contains(page.Items, p => p.Member == "POL" && p.Conditions.Any(c => c.Kind == "logistics-only"));
        Assert.Contains(page.Items, p => p.Member == "AUS" && p.Conditions.Any(c => c.Kind == "on-request"));
        Assert.Contains(page.Items, p => p.Member == "DEU" && p.Conditions.Any(c => c.Kind == "us-involvement"));
    }

    [Theory]
    [InlineData("?category=troops", "category", "troops")]
    [InlineData("?member=GBR", "member", "GBR")]
    [InlineData("?member=gbr", "member", "GBR")]
    [InlineData("?stage=committed", "stage", "committed")]
    public async Task Filters_return_only_matching_pledges(string query, string field, string expected)
    {
        var page = await List(query + "&limit=500");

        Assert.NotEmpty(page.Items);
        Assert.Equal(page.Total, page.Items.Count);
        Expect.All(page.Items, p => Assert.Equal(expected, field switch
        {
            "category" => p.Category,
            "member" => p.Member,
            _ => p.Stage,
        }));
    }

    [Fact]
    public async Task The_condition_filter_finds_every_pledge_that_needs_a_US_backstop()
    {
        var all = await List("?limit=500");
        var backstop = await List("?condition=us-backstop&limit=500");

        Assert.Equal(
            all.Items.Where(p => p.Conditions.Any(c => c.Kind == "us-backstop")).Select(p => p.Id).Order(),
            backstop.Items.Select(p => p.Id).Order());
        Assert.Contains(backstop.Items, p => p.Key == "gbr-ground-forces");
    }

    [Theory]
    [InlineData("?category=tanks", "category")]
    [InlineData("?stage=promised", "stage")]
    [InlineData("?condition=good-weather", "condition")]
    [InlineData("?sort=colour", "sort")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    public async Task A_bad_filter_is_named_in_the_problem(string query, string field)
    {
        var problem = await (await _viewer.GetAsync($"/api/v1/pledges{query}")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData("member")]
    [InlineData("-quantity")]
    [InlineData("title")]
    [InlineData("value")]
    [InlineData("-announced")]
    [InlineData("readiness")]
    public async Task Cursor_pages_visit_every_pledge_once_in_order(string sort)
    {
        var all = await List($"?sort={sort}&limit=500");
        var seen = new List<PledgeView>();
        string? cursor = null;
        do
        {
            var page = await List($"?sort={sort}&limit=7" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            Assert.True(page.Items.Count <= 7);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(all.Items.Select(p => p.Id), seen.Select(p => p.Id));
        Assert.Equal(all.Total, seen.Select(p => p.Id).Distinct().Count());
        if (sort == "-quantity")
        {
            var quantities = seen.Select(p => p.Quantity ?? -1).ToList();
            Assert.Equal(quantities.OrderDescending(), quantities);
        }
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_refused()
    {
        var page = await List("?sort=title&limit=3");

        var problem = await (await _viewer.GetAsync($"/api/v1/pledges?sort=member&cursor={page.NextCursor}")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["cursor"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_damaged_cursor_is_refused_not_failed()
    {
        var damaged = Convert.ToBase64String(Encoding.UTF8.GetBytes("quantity\nnot-a-number\n3"));

        var problem = await (await _viewer.GetAsync($"/api/v1/pledges?sort=quantity&cursor={Uri.EscapeDataString(damaged)}")).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("damaged", problem["errors"]!["cursor"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_comes_with_its_version_as_ETag()
    {
        var uk = await DemoPledge("gbr-ground-forces");

        var response = await _viewer.GetAsync($"/api/v1/pledges/{uk.Id}");
        var pledge = await response.Read<PledgeView>();

        Assert.Equal($"\"{pledge.Version}\"", response.Headers.ETag!.Tag);
        Assert.Contains(pledge.Conditions, c => c.Kind == "us-backstop");
        Assert.Contains(pledge.Conditions, c => c.Kind == "after-ceasefire");
        Assert.Contains("quantity", pledge.Illustrative);
    }

    [Fact]
    public async Task Unknown_pledges_get_404_for_the_pledge_and_its_history()
    {
        await (await _viewer.GetAsync("/api/v1/pledges/99999")).Problem(HttpStatusCode.NotFound);
        await (await _viewer.GetAsync("/api/v1/pledges/99999/history")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_demo_pledge_has_its_first_version_in_the_history_entered_by_the_demo_data_loader()
    {
        var uk = await DemoPledge("gbr-air-component");

        var history = await (await _viewer.GetAsync($"/api/v1/pledges/{uk.Id}/history")).Read<List<PledgeRevisionView>>();

        var first = Assert.Single(history);
        Assert.Equal(1, first.Version);
        Assert.Equal("system:demo-data", first.ChangedBy);
    }

    [Fact]
    public async Task Totals_add_up_the_troops_and_what_they_depend_on()
    {
        var totals = await (await _viewer.GetAsync("/api/v1/pledges/totals")).Read<LedgerTotals>();
        var troops = (await List("?category=troops&limit=500")).Items.Where(p => p.Unit == "troops" && p.Stage != "withdrawn").ToList();

        Assert.Equal(troops.Sum(p => p.Quantity ?? 0), totals.TroopsPledged);
        Assert.Equal(troops.Where(p => p.Conditions.Any(c => c.Kind == "us-backstop")).Sum(p => p.Quantity ?? 0), totals.TroopsNeedingUsBackstop);
        Assert.Equal(troops.Where(p => p.Conditions.Any(c => c.Kind == "un-mandate")).Sum(p => p.Quantity ?? 0), totals.TroopsNeedingUnMandate);
        Assert.True(totals.TroopsNeedingEither >= totals.TroopsNeedingUsBackstop);
        Assert.True(totals.Members >= 20);
    }

    [Fact]
    public async Task A_new_pledge_is_created_as_version_1_with_its_reason_in_the_history()
    {
        var response = await _planner.PostPledge(ApiClient.NewPledge(title: "Created by the API test"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pledge = await response.Read<PledgeView>();
        Assert.Equal($"/api/v1/pledges/{pledge.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal(1, pledge.Version);
        Assert.Equal("planner", pledge.UpdatedBy);
        var history = await (await _viewer.GetAsync($"/api/v1/pledges/{pledge.Id}/history")).Read<List<PledgeRevisionView>>();
        Assert.Equal("Offered at the planning meeting", Assert.Single(history).Reason);
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { """{"member":"XYZ"}""", "member" },
        { """{"title":""}""", "title" },
        { """{"category":"tanks"}""", "category" },
        { """{"quantity":-3}""", "quantity" },
        { """{"readinessDays":99999}""", "readinessDays" },
        { """{"value":{"amount":5,"currency":"pounds"}}""", "value.currency" },
        { """{"value":{"amount":-5,"currency":"EUR"}}""", "value.amount" },
        { """{"value":{"amount":5,"currency":"USD","eur":4}}""", "value.fxDate" },
        { """{"stage":"promised"}""", "stage" },
        { """{"conditions":[{"kind":"after-ceasefire"},{"kind":"full-moon"}]}""", "conditions[1].kind" },
        { """{"sources":[]}""", "sources" },
        { """{"sources":[{"url":"not a url"}]}""", "sources[0].url" },
        { """{"confidence":"total"}""", "confidence" },
        { """{"illustrative":["member"]}""", "illustrative" },
        { """{"quantity":"lots"}""", "quantity" },
        { """{"value":{"amount":"a lot"}}""", "value.amount" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Each_bad_field_is_named_and_nothing_is_written(string change, string field)
    {
        var before = (await List()).Total;
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiClient.NewPledge(), TruceJson.Options))!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        var response = await _planner.PostAsync("/api/v1/pledges", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, (await List()).Total);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_a_reason()
    {
        var wrongType = await _planner.PostAsync("/api/v1/pledges", new StringContent("member=GBR", Encoding.UTF8, "text/plain"));
        await wrongType.Problem(HttpStatusCode.UnsupportedMediaType);

        var malformed = await _planner.PostAsync("/api/v1/pledges", new StringContent("{\"member\": ", Encoding.UTF8, "application/json"));
        var problem = await malformed.Problem(HttpStatusCode.BadRequest);
        var field = Assert.Single(problem.ErrorFields());
        Assert.Equal("member", field);
        Assert.Contains("line 1", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_with_the_current_ETag_makes_a_new_version_and_a_stale_one_gets_412()
    {
        var created = await (await _planner.PostPledge(ApiClient.NewPledge(title: "To be updated"))).Read<PledgeView>();
        var change = created.ToInput();
        change.Quantity = 2;
        change.Stage = "committed";
        change.Reason = "Second vessel confirmed";

        var updated = await _planner.PutPledge(created.Id, change, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag!.Tag);
        var pledge = await updated.Read<PledgeView>();
        Assert.Equal(2, pledge.Quantity);

        change.Quantity = 3;
        var stale = await _planner.PutPledge(created.Id, change, "\"1\"");
        var problem = await stale.Problem(HttpStatusCode.PreconditionFailed);
        Assert.Contains("version 2", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var history = await (await _viewer.GetAsync($"/api/v1/pledges/{created.Id}/history")).Read<List<PledgeRevisionView>>();
        Assert.Equal([2, 1], history.Select(h => h.Version));
        Assert.Equal("Second vessel confirmed", history[0].Reason);
        Assert.Contains(new FieldChange("quantity", "1", "2"), history[0].Changes);
        Assert.Contains(new FieldChange("stage", "announced", "committed"), history[0].Changes);
    }

    [Fact]
    public async Task An_update_without_If_Match_gets_428()
    {
        var created = await (await _planner.PostPledge(ApiClient.NewPledge(title: "No If-Match"))).Read<PledgeView>();

        await (await _planner.PutPledge(created.Id, created.ToInput(), ifMatch: null)).Problem(HttpStatusCode.PreconditionRequired);
        await (await _planner.PutPledge(created.Id, created.ToInput(), ifMatch: "version one")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_update_of_an_unknown_pledge_gets_404()
    {
        await (await _planner.PutPledge(99999, ApiClient.NewPledge(), "\"1\"")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_needs_a_reason_and_valid_fields()
    {
        var created = await (await _planner.PostPledge(ApiClient.NewPledge(title: "Needs a reason"))).Read<PledgeView>();
        var change = created.ToInput();
        change.Reason = null;
        change.Category = "tanks";

        var problem = await (await _planner.PutPledge(created.Id, change, "\"1\"")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["category", "reason"], problem.ErrorFields().Order());
        Assert.Equal(1, (await (await _viewer.GetAsync($"/api/v1/pledges/{created.Id}")).Read<PledgeView>()).Version);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_adds_no_version()
    {
        var created = await (await _planner.PostPledge(ApiClient.NewPledge(title: "Unchanged"))).Read<PledgeView>();
        var same = created.ToInput();
        same.Reason = "Retry";

        var pledge = await (await _planner.PutPledge(created.Id, same, "\"1\"")).Read<PledgeView>();

        Assert.Equal(1, pledge.Version);
    }

    [Fact]
    public async Task If_Match_star_overwrites_whatever_version_is_current()
    {
        var created = await (await _planner.PostPledge(ApiClient.NewPledge(title: "Star"))).Read<PledgeView>();
        var change = created.ToInput();
        change.Title = "Star, renamed";
        change.Reason = "Rename";

        var pledge = await (await _planner.PutPledge(created.Id, change, "*")).Read<PledgeView>();

        Assert.Equal(2, pledge.Version);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_pledge_endpoints()
    {
        var document = await _viewer.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/pledges\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/pledges/{id}/history\"", document, StringComparison.Ordinal);
        Assert.Contains("Truce API", document, StringComparison.Ordinal);
    }
}
