using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Truce.Core.Monitoring;
using Truce.Testing;

namespace Truce.Web.Tests.Monitoring;

/// <summary>The monitoring pages as a signed-in person reads them, and the monitor's report form: who may file, its errors beside its fields, and what it files.</summary>
public sealed class MonitoringPagesTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> Open(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {html}");
        return Parser.ParseDocument(html);
    }

    [Fact]
    public async Task The_map_page_gives_its_script_the_span_of_the_data_and_offers_the_form_only_to_those_who_may_file()
    {
        await app.Seed(Observations.Strike("page-map", "a"));

        var planner = await Open(await app.SignedIn("planner"), "/monitoring?verdict=violation&days=7");
        var monitor = await Open(await app.SignedIn("monitor"), "/monitoring?type=shelling", HttpStatusCode.BadRequest);

        Assert.NotNull(planner.QuerySelector("#monitoring-map"));
        Assert.Contains("\"points\":\"/api/v1/observations/map\"", planner.QuerySelector("#monitoring-data")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"days\":7", planner.QuerySelector("#monitoring-data")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("violation", planner.QuerySelector<IHtmlSelectElement>("#map-verdict")!.Value);
        Assert.Null(planner.QuerySelector("#report-link"));
        Assert.NotNull(monitor.QuerySelector("#report-link"));
        Assert.Contains("'shelling' is not an event type", monitor.QuerySelector("#map-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(planner.QuerySelector("script[src='/lib/leaflet.markercluster/leaflet.markercluster.js']"));
    }

    [Fact]
    public async Task The_table_lists_newest_first_with_the_finding_in_words_and_pages_on()
    {
        const string S = "page-list";
        var rows = Enumerable.Range(1, 55).Select(i => Observations.Strike(S, $"r{i}", at: $"2025-03-2{i % 2}T{i % 24:00}:{i % 60:00}:00Z")).ToArray();
        rows[0].Target = null; // undetermined
        await app.Seed(rows);
        var client = await app.SignedIn("planner");

        var first = await Open(client, $"/monitoring/list?source={S}");
        var next = first.QuerySelector<IHtmlAnchorElement>("#next-page")!.GetAttribute("href")!;
        var second = await Open(client, next);
        var undetermined = await Open(client, $"/monitoring/list?source={S}&verdict=undetermined");
        var bad = await Open(client, $"/monitoring/list?source={S}&from=soon", HttpStatusCode.BadRequest);

        Assert.Equal(50, first.QuerySelectorAll("#observations tbody tr").Length);
        Assert.Equal(5, second.QuerySelectorAll("#observations tbody tr").Length);
        Assert.Null(second.QuerySelector("#next-page"));
        var ids = first.QuerySelectorAll("#observations tbody tr").Concat(second.QuerySelectorAll("#observations tbody tr")).Select(r => r.GetAttribute("data-id")).ToList();
        Assert.Equal(55, ids.Distinct().Count());
        var times = first.QuerySelectorAll("#observations tbody tr td:first-child a").Select(a => DateTime.Parse(a.TextContent.Replace(" UTC", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Contains("Violation", first.QuerySelector("#observations tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("oblast UA-51", first.QuerySelector("#observations tbody tr")!.TextContent, StringComparison.Ordinal);
        var only = Assert.Single(undetermined.QuerySelectorAll("#observations tbody tr"));
        Assert.Contains("Undetermined", only.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/monitoring/{await app.IdOf(S, "r1")}", only.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Expected a date", bad.QuerySelector("#list-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_observation_page_says_what_was_reported_where_it_was_placed_and_each_finding_in_words()
    {
        var report = Observations.Strike("page-one", "full");
        report.ObservedTo = new DateTimeOffset(2025, 3, 20, 2, 30, 0, TimeSpan.Zero);
        report.Count = 3;
        report.Weapon = "drone";
        report.Direction = "incoming";
        report.ClaimedBy = "RUS";
        report.Sector = new SectorInput { FromBearing = 250, ToBearing = 320, MinMetres = 1000, MaxMetres = 7000 };
        report.Casualties = new CasualtiesInput { Best = 2, Low = 1, High = 4 };
        report.Attachments = [new string('a', 64)];
        report.Grading = "B2";
        report.Description = "Two explosions at the substation.";
        await app.Seed(report);
        var id = await app.IdOf("page-one", "full");
        var client = await app.SignedIn("planner");

        var page = await Open(client, $"/monitoring/{id}");
        await Open(client, "/monitoring/999999999", HttpStatusCode.NotFound);

        var facts = page.QuerySelector("#observation-facts")!.TextContent;
        Assert.Contains("20 Mar 2025 02:00 UTC to 20 Mar 2025 02:30 UTC", facts, StringComparison.Ordinal);
        Assert.Contains("bearings 250° to 320° clockwise from north, 1,000–7,000 m from the observer", page.QuerySelector("#observation-sector")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 (at least 1, at most 4)", facts, StringComparison.Ordinal);
        Assert.Contains("Incoming", facts, StringComparison.Ordinal);
        Assert.Contains(new string('a', 64), page.QuerySelector("#observation-attachments")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("B2 — usually reliable, probably true", page.QuerySelector("#observation-grading")!.TextContent);
        Assert.Contains("UA-51", page.QuerySelector("#observation-place")!.TextContent, StringComparison.Ordinal);
        var moratorium = page.QuerySelector("#observation-findings li[data-agreement=energy-strike-moratorium]")!.TextContent;
        Assert.Contains("Violation", moratorium, StringComparison.Ordinal);
        Assert.Contains("Strike on energy infrastructure in oblast UA-51 on 20 Mar 2025", moratorium, StringComparison.Ordinal);
        Assert.Contains("by monitor", page.QuerySelector("#observation-source")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("250,320,1000,7000", page.QuerySelector("#observation-map")!.GetAttribute("data-sector"));
    }

    [Fact]
    public async Task A_viewer_is_refused_the_report_form()
    {
        var viewer = await app.SignedIn("viewer");
        var token = TruceApp.AntiforgeryToken(await viewer.GetStringAsync("/monitoring"));

        var form = await viewer.GetAsync("/monitoring/report");
        var post = await viewer.PostAsync("/monitoring/report", Form(token, Valid("viewer-try")));

        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/account/denied", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_form_names_each_bad_field_beside_it_in_plain_words()
    {
        var monitor = await app.SignedIn("monitor");
        var blank = await Open(monitor, "/monitoring/report");
        var fields = Valid("bad-1");
        fields["Form.Lat"] = "north";
        fields["Form.Lon"] = "200";
        fields["Form.Source"] = string.Empty;
        fields["Form.ObservedFrom"] = "yesterday";
        fields["Form.Reliability"] = "B";
        fields["Form.Credibility"] = string.Empty;

        var response = await monitor.PostAsync("/monitoring/report", Form(TruceApp.AntiforgeryToken(blank.DocumentElement.OuterHtml), fields));
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("web-", blank.QuerySelector<IHtmlInputElement>("#externalId")!.Value, StringComparison.Ordinal);
        Assert.Equal("monitor", blank.QuerySelector<IHtmlInputElement>("#source")!.Value);
        Assert.Contains("'north' is not a number", page.QuerySelector("#lat-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("degrees between -180 and 180", page.QuerySelector("#lon-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Required", page.QuerySelector("#source-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("expected one in UTC", page.QuerySelector("#observedFrom-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose both", page.QuerySelector("#report-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("north", page.QuerySelector<IHtmlInputElement>("#lat")!.Value); // what was typed stays, to correct
        var summary = page.QuerySelectorAll("#form-errors li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Latitude", "#lat"), summary);
        Assert.Contains(("Grading", "#grading"), summary);
    }

    [Fact]
    public async Task A_monitor_files_an_observation_through_the_form_and_lands_on_its_findings()
    {
        var monitor = await app.SignedIn("monitor");
        var token = TruceApp.AntiforgeryToken(await monitor.GetStringAsync("/monitoring/report"));

        var response = await monitor.PostAsync("/monitoring/report", Form(token, Valid("filed-1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.IdOf("field-team-1", "filed-1");
        Assert.Equal($"/monitoring/{id}", response.Headers.Location!.OriginalString);
        var page = await Open(monitor, $"/monitoring/{id}");
        Assert.Contains("Violation", page.QuerySelector("#observation-findings li[data-agreement=energy-strike-moratorium]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("C3 — fairly reliable, possibly true", page.QuerySelector("#observation-grading")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await monitor.PostAsync("/monitoring/report", new FormUrlEncodedContent(Valid("no-token")))).StatusCode);
    }

    private static Dictionary<string, string> Valid(string externalId) => new()
    {
        ["Form.Source"] = "field-team-1",
        ["Form.ExternalId"] = externalId,
        ["Form.ObservedFrom"] = "2025-03-20T02:00",
        ["Form.Type"] = Kebab(EventType.DroneStrike),
        ["Form.Count"] = "1",
        ["Form.Lat"] = "46.48",
        ["Form.Lon"] = "30.72",
        ["Form.RadiusMetres"] = "500",
        ["Form.Target"] = "energy-infrastructure",
        ["Form.Direction"] = "unknown",
        ["Form.Reliability"] = "C",
        ["Form.Credibility"] = "3",
        ["Form.MarkingLevel"] = "coalition",
    };

    private static string Kebab(EventType type) => Truce.Core.Common.Kebab.Of(type);

    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields) =>
        new(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));

    [Fact]
    public async Task A_monitor_uploads_a_file_taking_the_good_rows_and_imports_the_example_with_one_button()
    {
        var monitor = await app.SignedIn("monitor");
        var token = TruceApp.AntiforgeryToken(await monitor.GetStringAsync("/monitoring/import"));
        var csv = "source,externalId,observedFrom,type,lat,lon,target\r\npage-upload,u1,2025-03-20T02:00:00Z,drone-strike,46.48,30.72,energy-infrastructure\r\npage-upload,u2,2025-03-20T03:00:00Z,drone-strike,96.48,30.72,energy-infrastructure\r\n";
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("csv"), "Format" },
            { new StringContent("true"), "AcceptValid" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "strikes.csv" },
        };

        var uploaded = Parser.ParseDocument(await (await monitor.PostAsync("/monitoring/import", upload)).Content.ReadAsStringAsync());
        // The example holds rows released to Britain and France only: an admin, who may read them, imports it whole.
        var admin = await app.SignedIn("admin");
        using var example = new FormUrlEncodedContent([new("__RequestVerificationToken", TruceApp.AntiforgeryToken(await admin.GetStringAsync("/monitoring/import")))]);
        var exampleResponse = await admin.PostAsync("/monitoring/import?handler=Example", example);
        var imported = Parser.ParseDocument(await exampleResponse.Content.ReadAsStringAsync());

        Assert.Contains("2 rows read — 1 new", uploaded.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        var rejected = uploaded.QuerySelectorAll("#rejections tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["3", "lat", "96.48"], [rejected[0], rejected[1], rejected[3]]);
        Assert.Equal(HttpStatusCode.OK, exampleResponse.StatusCode);
        Assert.Contains("0 rejected", imported.QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(imported.QuerySelector("#see-map"));
    }
}
