using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Pages;

/// <summary>The pages as a signed-in person reads them, parsed as HTML.</summary>
public sealed class PageTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> Html(HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    private async Task<IHtmlDocument> Open(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await Html(response);
    }

    private async Task<PledgeView> DemoPledge(string key) =>
        (await (await app.Api("viewer").GetAsync("/api/v1/pledges?limit=500")).Read<Page<PledgeView>>()).Items.Single(p => p.Key == key);

    [Fact]
    public async Task The_dashboard_shows_the_ledgers_figures()
    {
        var totals = await (await app.Api("viewer").GetAsync("/api/v1/pledges/totals")).Read<LedgerTotals>();

        var page = await Open(await app.SignedIn("viewer"), "/");

        Assert.Equal(totals.Members.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-figure=members]")!.TextContent);
        Assert.Equal(totals.TroopsPledged.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-figure=troops]")!.TextContent);
        Assert.Equal(totals.TroopsNeedingEither.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-figure=troops-conditional]")!.TextContent);
        Assert.NotNull(page.QuerySelector("canvas#troops-chart"));
        Assert.Contains("troopsNeedingUsBackstop", page.QuerySelector("#dashboard-data")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_names_every_module_and_each_is_built()
    {
        var client = await app.SignedIn("viewer");
        var page = await Open(client, "/");

        var links = page.QuerySelectorAll("nav a").Select(a => a.TextContent).ToList();
        Assert.Equal(Truce.Web.Pages.Modules.All.Select(c => c.Name).Append("API"), links);

        // Positions was the last module to be built (issue 13): every entry of the navigation now leads to its page.
        Expect.All(Truce.Web.Pages.Modules.All, m => Assert.True(m.Built, $"{m.Name} is not built"));
        var positions = await Open(client, "/positions");
        Assert.Null(positions.QuerySelector(".not-built-note"));
        Assert.NotNull(positions.QuerySelector("#positions-matrix"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/astrology")).StatusCode);
    }

    [Fact]
    public async Task The_coalition_page_lists_members_and_meetings_with_participants()
    {
        var page = await Open(await app.SignedIn("viewer"), "/coalition");

        var members = page.QuerySelectorAll("#members tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(members, r => r.Contains("United Kingdom", StringComparison.Ordinal) && r.Contains("Co-lead", StringComparison.Ordinal));
        Assert.Equal(4, page.QuerySelectorAll("article.meeting").Length);
        Assert.Contains("Anthony Albanese", page.QuerySelector("#meeting-2025-03-15-virtual")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_the_commitments_table_to_troops_shows_only_troop_pledges()
    {
        var page = await Open(await app.SignedIn("viewer"), "/commitments?category=troops");

        var rows = page.QuerySelectorAll("#pledges tbody tr");
        Assert.NotEmpty(rows);
        Expect.All(rows, r => Assert.Equal("Troops", r.Children[2].TextContent));
        Assert.Contains($"{rows.Length} pledges match", page.QuerySelector("#pledge-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("troops", ((IHtmlSelectElement)page.QuerySelector("select[name=category]")!).Value);
    }

    [Fact]
    public async Task A_bad_filter_in_the_address_is_explained_on_the_page()
    {
        var response = await (await app.SignedIn("viewer")).GetAsync("/commitments?category=tanks");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'tanks' is not a category", (await Html(response)).QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_UK_pledge_shows_its_conditions_sources_and_history()
    {
        var uk = await DemoPledge("gbr-ground-forces");

        var page = await Open(await app.SignedIn("viewer"), $"/commitments/{uk.Id}");

        Assert.Equal(uk.Title, page.QuerySelector("#pledge-title")!.TextContent);
        var conditions = page.QuerySelector("#pledge-conditions")!.TextContent;
        Assert.Contains("US backstop", conditions, StringComparison.Ordinal);
        Assert.Contains("After ceasefire", conditions, StringComparison.Ordinal);
        Assert.Equal(uk.Sources.Count, page.QuerySelectorAll("#pledge-sources li").Length);
        Assert.Contains(page.QuerySelectorAll("#pledge-sources a"), a => a.GetAttribute("href") == uk.Sources[0].Url);
        Assert.Single(page.QuerySelectorAll("#pledge-history tbody tr"));
        Assert.Contains("quantity", page.QuerySelector("#illustrative-note")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a.button[href$='/edit']"));
    }

    [Fact]
    public async Task A_planner_edits_a_pledge_through_the_form_and_sees_the_new_version_in_its_history()
    {
        var created = await (await app.Api("planner").PostPledge(ApiClient.NewPledge(title: "Edited through the form"))).Read<PledgeView>();
        var client = await app.SignedIn("planner");
        var form = await Open(client, $"/commitments/{created.Id}/edit");
        var fields = FormFields(form);
        fields["Form.Quantity"] = "3";
        fields["Form.Reason"] = "Two more vessels offered";

        var response = await client.PostAsync($"/commitments/{created.Id}/edit", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Open(client, response.Headers.Location!.OriginalString);
        var history = page.QuerySelectorAll("#pledge-history tbody tr");
        Assert.Equal(2, history.Length);
        Assert.Contains("Two more vessels offered", history[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("planner", history[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("quantity", history[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("3 ships", page.QuerySelector("#pledge-facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_bad_values_names_them_and_saves_nothing()
    {
        var client = await app.SignedIn("planner");
        var form = await Open(client, "/commitments/new");
        var fields = FormFields(form);
        fields["Form.Title"] = "Half-written pledge";
        fields["Form.Quantity"] = "lots";
        fields["Form.Sources"] = "not a url";

        var response = await client.PostAsync("/commitments/new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Html(response)).QuerySelector("#form-errors")!.TextContent;
        Assert.Contains("quantity", errors, StringComparison.Ordinal);
        Assert.Contains("sources[0].url", errors, StringComparison.Ordinal);
        var all = await (await app.Api("viewer").GetAsync("/api/v1/pledges?q=Half-written")).Read<Page<PledgeView>>();
        Assert.Equal(0, all.Total);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var client = await app.SignedIn("planner");

        var response = await client.PostAsync("/commitments/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Title"] = "Forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_is_not_offered_the_forms_and_cannot_open_them()
    {
        var client = await app.SignedIn("viewer");

        Assert.Null((await Open(client, "/commitments")).QuerySelector("a[href='/commitments/new']"));
        var response = await client.GetAsync("/commitments/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liaison_is_told_plainly_that_another_members_pledge_is_not_theirs_to_change()
    {
        var uk = await DemoPledge("gbr-air-component");

        var response = await (await app.SignedIn("liaison-fra")).GetAsync($"/commitments/{uk.Id}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only that member's pledges", (await Html(response)).QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var client = app.Api(null);

        var response = await TruceApp.SignIn(client, "planner", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("do not match an account", (await Html(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_docs_page_lists_every_endpoint_with_who_may_call_it()
    {
        var page = await Open(await app.SignedIn("viewer"), "/api-docs");

        var rows = page.QuerySelectorAll("#endpoints tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("PUT", StringComparison.Ordinal) && r.Contains("/api/v1/pledges/{id:int}", StringComparison.Ordinal) && r.Contains("liaison", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("/health", StringComparison.Ordinal) && r.Contains("anyone", StringComparison.Ordinal));
    }

    /// <summary>What a browser would post for a form: every named input, select and text area as it stands.</summary>
    private static FormFields FormFields(IHtmlDocument page)
    {
        var form = page.QuerySelector("form.pledge-form") as IHtmlFormElement ?? page.Forms[^1];
        var fields = new FormFields();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Name is not null && input.Type != "submit":
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when select.Name is not null:
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when area.Name is not null:
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        return fields;
    }
}

/// <summary>Form fields in posting order; a name may repeat (checkbox lists), and setting one replaces it.</summary>
public sealed class FormFields : List<KeyValuePair<string, string>>
{
    public string this[string name]
    {
        set
        {
            RemoveAll(f => f.Key == name);
            Add(new(name, value));
        }
    }
}
