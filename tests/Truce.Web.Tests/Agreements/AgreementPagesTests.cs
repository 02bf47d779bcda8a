using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Truce.Testing;

namespace Truce.Web.Tests.Agreements;

/// <summary>The agreements' pages and the map page as a signed-in person reads them; an analyst's layer upload through the page.</summary>
public sealed class AgreementPagesTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> Open(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode}");
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_agreements_page_lists_each_with_its_status_and_each_partys_stand()
    {
        var page = await Open(await app.SignedIn("viewer"), "/agreements");

        var rows = page.QuerySelectorAll("#agreements tbody tr");
        Assert.Equal(5, rows.Length);
        var energy = page.QuerySelector("#agreements tr[data-key=energy-strike-moratorium]")!.TextContent;
        Assert.Contains("Expired", energy, StringComparison.Ordinal);
        Assert.Contains("18 Mar 2025 00:00 UTC to 17 Apr 2025 00:00 UTC", energy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agreements_page_says_its_terms_parties_provisions_and_timeline()
    {
        var page = await Open(await app.SignedIn("viewer"), "/agreements/jeddah-interim-ceasefire");

        Assert.Equal("Proposed", page.QuerySelector("#agreement-status")!.TextContent);
        var parties = page.QuerySelector("#agreement-parties")!.TextContent;
        Assert.Contains("Accepted with conditions", parties, StringComparison.Ordinal);
        Assert.Contains("Subject to acceptance and concurrent implementation by the Russian Federation.", parties, StringComparison.Ordinal);
        Assert.Contains("All hostilities cease on land, at sea and in the air along the whole front.", page.QuerySelector("#agreement-provisions")!.TextContent, StringComparison.Ordinal);
        var timeline = page.QuerySelectorAll("#agreement-timeline li").Select(li => li.TextContent).ToList();
        Assert.Contains(timeline, t => t.Contains("Russia: accepted in principle", StringComparison.Ordinal));
        await Open(await app.SignedIn("viewer"), "/agreements/no-such-agreement", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_map_page_lists_the_layers_in_force_on_the_date_asked_and_names_a_bad_date()
    {
        var client = await app.SignedIn("viewer");

        var page = await Open(client, "/geography?at=2015-03-01");
        var bad = await Open(client, "/geography?at=1.3.2015", HttpStatusCode.BadRequest);

        Assert.Contains("Line of contact, February 2015", page.QuerySelector("#map-layers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/api/v1/geography/zones?at=2015-03-01", page.QuerySelector("#map-data")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#upload-form")); // a viewer imports nothing
        Assert.Contains("Expected a date", bad.QuerySelector("#map-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_uploads_a_layer_through_the_page_and_a_bad_one_is_refused_with_its_feature_named()
    {
        var client = await app.SignedIn("analyst");
        var form = await Open(client, "/geography");
        var token = form.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<IHtmlDocument> Upload(string geoJson, string key)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(key), "key" },
                { new StringContent("sectors"), "kind" },
                { new StringContent("Sectors uploaded"), "title" },
                { new StringContent("2025-05-01"), "validFrom" },
                { new StringContent("coalition"), "level" },
                { new StringContent(geoJson), "file", "sectors.geojson" },
            };
            var response = await client.PostAsync("/geography?handler=upload", content);
            return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        }

        var refused = await Upload("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[36,48],[37,49]]}}]}""", "page-sectors");
        var done = await Upload("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"s1"},"geometry":{"type":"Polygon","coordinates":[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}}]}""", "page-sectors");

        Assert.Contains("geojson.features[1]: Feature 1 cannot be taken: it is a LineString", refused.QuerySelector("#upload-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Imported Sectors uploaded: 1 features, valid from 1 May 2025", done.QuerySelector("#upload-done")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("page-sectors", done.QuerySelector("#layer-versions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_records_a_move_on_the_page_and_a_forbidden_one_is_refused_with_its_reason()
    {
        var client = await app.SignedIn("analyst");
        var page = await Open(client, "/agreements/black-sea-arrangement");
        var token = page.QuerySelector("#move-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("#move-form input[name=version]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> Move(string to, string reason) => await client.PostAsync(
            "/agreements/black-sea-arrangement?handler=move",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = version, ["to"] = to, ["at"] = "2025-05-01", ["reason"] = reason }));

        // Russia accepted only with conditions it set; Ukraine accepted: it could come into force, but not without an instant.
        var refused = await Move("in-force", "Both sides agreed");
        var shown = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("effectiveFrom: Required: the instant it takes effect.", shown.QuerySelector("#change-errors")!.TextContent, StringComparison.Ordinal);

        var lapsed = await Move("lapsed", "Never implemented: the sanctions condition was not met");
        Assert.Equal(HttpStatusCode.Redirect, lapsed.StatusCode);
        var after = await Open(client, "/agreements/black-sea-arrangement");
        Assert.Equal("Lapsed", after.QuerySelector("#agreement-status")!.TextContent);
        Assert.Contains("Never implemented", after.QuerySelector("#agreement-timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await Open(await app.SignedIn("viewer"), "/agreements/black-sea-arrangement")).QuerySelector("#move-form"));
    }
}
