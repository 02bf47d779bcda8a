using System.Net;
using System.Net.Http.Json;
using System.Text;
using Truce.Core.Common;
using Truce.Storage.Monitoring;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Monitoring;

/// <summary>Observations over HTTP: a JSON batch and an NDJSON stream, judged at intake, read back by window and box; who may submit.</summary>
public sealed class MonitoringApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Strike = """{"source":"api-feed","externalId":"ID","observedFrom":"2025-03-20T02:00:00Z","type":"drone-strike","lat":46.48,"lon":30.72,"target":"energy-infrastructure"}""";

    [Fact]
    public async Task A_feed_submits_NDJSON_and_a_resend_changes_nothing()
    {
        var feed = app.Api("monitor"); // a token with read and ingest among its scopes
        var body = string.Join('\n', Strike.Replace("ID", "n1", StringComparison.Ordinal), Strike.Replace("ID", "n2", StringComparison.Ordinal)) + "\n";

        var first = await (await feed.PostAsync("/api/v1/observations", new StringContent(body, Encoding.UTF8, "application/x-ndjson"))).Read<IntakeSummary>();
        var again = await (await feed.PostAsync("/api/v1/observations", new StringContent(body, Encoding.UTF8, "application/x-ndjson"))).Read<IntakeSummary>();

        Assert.Equal((2, 2, 0), (first.Read, first.Accepted, first.Unchanged));
        Assert.Equal((2, 0, 2), (again.Read, again.Accepted, again.Unchanged));
        Assert.Equal(first.BatchHash, again.BatchHash);
    }

    [Fact]
    public async Task A_JSON_batch_is_judged_and_read_back_in_its_window_and_box()
    {
        var created = await (await app.Api("monitor").PostAsync("/api/v1/observations", new StringContent($"[{Strike.Replace("ID", "j1", StringComparison.Ordinal)}]", Encoding.UTF8, "application/json"))).Read<IntakeSummary>();

        var inside = await app.Api("viewer").GetFromJsonAsync<List<ObservationView>>("/api/v1/observations?from=2025-03-19&to=2025-03-21&bbox=30,46,31,47", TruceJson.Options);
        var elsewhere = await app.Api("viewer").GetFromJsonAsync<List<ObservationView>>("/api/v1/observations?from=2025-03-19&to=2025-03-21&bbox=36,47,38,49", TruceJson.Options);

        Assert.Equal(1, created.Accepted);
        var strike = Assert.Single(inside!, o => o.ExternalId == "j1");
        Assert.Equal("violation", strike.Findings.Single(f => f.Agreement == "energy-strike-moratorium").Verdict);
        Assert.DoesNotContain(elsewhere!, o => o.ExternalId == "j1");
        Assert.Equal("UA-51", (await (await app.Api("viewer").GetAsync($"/api/v1/observations/{strike.Id}")).Read<ObservationView>()).Oblast);
    }

    [Fact]
    public async Task A_bad_row_refuses_the_batch_naming_the_row_and_a_viewer_may_not_submit()
    {
        var bad = $"[{Strike.Replace("ID", "ok", StringComparison.Ordinal)},{Strike.Replace("ID", "bad", StringComparison.Ordinal).Replace("drone-strike", "shelling", StringComparison.Ordinal)}]";

        var refused = await app.Api("monitor").PostAsync("/api/v1/observations", new StringContent(bad, Encoding.UTF8, "application/json"));
        var viewer = await app.Api("viewer").PostAsync("/api/v1/observations", new StringContent($"[{Strike}]", Encoding.UTF8, "application/json"));
        var line = await app.Api("monitor").PostAsync("/api/v1/observations", new StringContent(Strike + "\n{\"lat\": \"north\"}\n", Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(["observations[1].type"], (await refused.Problem(HttpStatusCode.BadRequest)).ErrorFields());
        await viewer.Problem(HttpStatusCode.Forbidden);
        Assert.Equal(["line 2.lat"], (await line.Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.DoesNotContain((await app.Api("viewer").GetFromJsonAsync<List<ObservationView>>("/api/v1/observations?limit=5000", TruceJson.Options))!, o => o.ExternalId == "ok");
    }

    private const string CsvHeader = "source,externalId,observedFrom,type,lat,lon,target";

    [Fact]
    public async Task A_CSV_file_is_refused_whole_naming_its_bad_row_or_taken_without_it_when_asked()
    {
        var file = string.Join("\r\n", CsvHeader, "csv-feed,c1,2025-03-20T02:00:00Z,drone-strike,46.48,30.72,energy-infrastructure", "csv-feed,c2,2025-03-20T03:00:00Z,drone-strike,96.48,30.72,energy-infrastructure") + "\r\n";
        var monitor = app.Api("monitor");

        var whole = await monitor.PostAsync("/api/v1/observations/import?format=csv", new StringContent(file, Encoding.UTF8, "text/csv"));
        var nothing = await app.Api("viewer").GetFromJsonAsync<List<ObservationView>>("/api/v1/observations?limit=5000", TruceJson.Options);
        var good = await (await monitor.PostAsync("/api/v1/observations/import?format=csv&mode=accept-valid", new StringContent(file, Encoding.UTF8, "text/csv"))).Read<IntakeSummary>();

        Assert.Equal(["rows[3].lat"], (await whole.Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.DoesNotContain(nothing!, o => o.Source == "csv-feed");
        Assert.Equal((2, 1, 1), (good.Read, good.Accepted, good.Rejected));
        Assert.Equal((3, "lat", "96.48"), (good.Rejections[0].Row, good.Rejections[0].Column, good.Rejections[0].Value));
    }

    [Fact]
    public async Task An_import_names_a_bad_format_or_mode_and_is_refused_to_a_viewer()
    {
        var bad = await app.Api("monitor").PostAsync("/api/v1/observations/import?format=xlsx&mode=some", new StringContent("x", Encoding.UTF8, "text/csv"));
        var viewer = await app.Api("viewer").PostAsync("/api/v1/observations/import?format=csv", new StringContent(CsvHeader + "\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(["format", "mode"], (await bad.Problem(HttpStatusCode.BadRequest)).ErrorFields().Order(StringComparer.Ordinal));
        await viewer.Problem(HttpStatusCode.Forbidden);
    }
}
