using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Verification;
using Truce.Testing;
using Truce.Web.Tests.Api;
using Truce.Web.Tests.Monitoring;

namespace Truce.Web.Tests.Reports;

/// <summary>
/// The reports over HTTP and on pages: the daily report as JSON, CSV and GeoJSON (exports audited, reads
/// not), bad dates and cut-offs named, the reader's markings kept, the pages, and the public page open to
/// anyone with verified PUBLIC violations and nothing else.
/// </summary>
public sealed class ReportsTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly HtmlParser Parser = new();
    private static readonly Principal Analyst = new("analyst", Role.Analyst, "GBR");

    private async Task<IHtmlDocument> Open(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {html}");
        return Parser.ParseDocument(html);
    }

    private async Task<long> IncidentAsync(string source, params string[] externalIds)
    {
        var ids = new List<long>();
        foreach (var id in externalIds)
        {
            ids.Add(await app.IdOf(id.StartsWith("ch-", StringComparison.Ordinal) ? source + "-channel" : source, id));
        }

        await using var scope = app.Services.CreateAsyncScope();
        return Expect.Done(await scope.ServiceProvider.GetRequiredService<IncidentWrites>().CreateAsync(Analyst, ids, "One event."));
    }

    private async Task MoveAsync(long id, params (string Who, Role Role, VerificationState To)[] moves)
    {
        var version = 1;
        foreach (var (who, role, to) in moves)
        {
            await using var scope = app.Services.CreateAsyncScope();
            Expect.Done(await scope.ServiceProvider.GetRequiredService<IncidentWrites>().MoveAsync(new Principal(who, role, null), id, to, "As the test needs.", ExpectedVersion.Of(version++)));
        }
    }

    [Theory]
    [InlineData("date=2025-13-01", "date")]
    [InlineData("date=20.03.2025", "date")]
    [InlineData("date=1999-01-01", "date")]
    [InlineData("date=2025-03-20&cutoff=25:00", "cutoff")]
    [InlineData("date=2025-03-20&cutoff=evening", "cutoff")]
    [InlineData("date=2025-03-20&format=pdf", "format")]
    public async Task A_bad_date_cut_off_or_format_is_refused_with_a_problem_naming_it(string query, string field)
    {
        var response = await app.Api("viewer").GetAsync($"/api/v1/reports/daily?{query}");

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData("end=2025-02-30", "end")]
    [InlineData("end=2025-03-20&days=0", "days")]
    [InlineData("end=2025-03-20&days=32", "days")]
    [InlineData("end=2025-03-20&cutoff=7pm", "cutoff")]
    public async Task A_bad_weekly_parameter_is_refused_with_a_problem_naming_it(string query, string field)
    {
        var problem = await (await app.Api("viewer").GetAsync($"/api/v1/reports/weekly?{query}")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task The_report_is_JSON_and_its_CSV_and_GeoJSON_exports_say_the_same_and_are_audited()
    {
        const string S = "api-daily";
        await app.Seed(Observations.Strike(S, "1", at: "2025-04-02T01:00:00Z"), Observations.Strike(S, "2", at: "2025-04-02T03:00:00Z"), Observations.Strike(S, "3", at: "2025-04-01T09:00:00Z"));
        const string Query = "/api/v1/reports/daily?date=2025-04-02&cutoff=19:30";

        var before = await app.AuditCountAsync();
        var json = JsonNode.Parse(await app.Api("viewer").GetStringAsync(Query))!;
        var afterRead = await app.AuditCountAsync();
        var csv = await app.Api("viewer").GetAsync(Query + "&format=csv");
        var geo = await app.Api("viewer").GetAsync(Query + "&format=geojson");
        var afterExports = await app.AuditCountAsync();

        Assert.Equal(before, afterRead); // a read writes nothing
        Assert.Equal(before + 2, afterExports); // each export is an act
        Assert.Equal("2025-04-02", json["period"]!["date"]!.GetValue<string>());
        Assert.Equal(("2025-04-01T16:30:00+00:00", "2025-04-02T16:30:00+00:00"), (json["period"]!["start"]!.GetValue<string>(), json["period"]!["end"]!.GetValue<string>())); // 19:30 in Kyiv's summer time
        var violations = json["total"]!["now"]!["violations"]!.GetValue<int>();
        Assert.True(violations >= 2);

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("date,cutoff_kyiv,oblast,sector,violations,explosions", lines[0], StringComparison.Ordinal);
        var total = lines[^1].Split(',');
        Assert.Equal(("2025-04-02", "19:30", "all", "all", violations.ToString(CultureInfo.InvariantCulture)), (total[0], total[1], total[2], total[3], total[4]));

        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        var features = JsonNode.Parse(await geo.Content.ReadAsStringAsync())!["features"]!.AsArray();
        Assert.Equal(json["events"]!.AsArray().Count, features.Count);
        Assert.Equal(violations, features.Count(f => f!["properties"]!["violation"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_reader_is_not_counted_what_they_may_not_read()
    {
        const string S = "api-marked";
        var released = Observations.Strike(S, "gbr-only", at: "2025-04-05T01:00:00Z");
        released.Marking = new MarkingInput { Level = "rel-to", RelTo = ["GBR"] };
        await app.Seed(released, Observations.Strike(S, "coalition", at: "2025-04-05T02:00:00Z"));

        async Task<int> Violations(string user) =>
            JsonNode.Parse(await app.Api(user).GetStringAsync("/api/v1/reports/daily?date=2025-04-05"))!["total"]!["now"]!["violations"]!.GetValue<int>();

        Assert.Equal(await Violations("liaison-fra") + 1, await Violations("liaison-gbr"));
        Assert.Equal(await Violations("liaison-fra"), await Violations("viewer"));
    }

    [Fact]
    public async Task The_daily_page_shows_the_figures_and_names_a_bad_date()
    {
        const string S = "page-daily";
        await app.Seed(Observations.Strike(S, "1", at: "2025-04-08T01:00:00Z"), Observations.Strike($"{S}-channel", "ch-2", at: "2025-04-08T01:05:00Z"));
        var incident = await IncidentAsync(S, "1", "ch-2");
        await MoveAsync(incident, ("analyst", Role.Analyst, VerificationState.UnderReview), ("vera", Role.Verifier, VerificationState.Corroborated));
        var client = await app.SignedIn("viewer");
        var report = JsonNode.Parse(await app.Api("viewer").GetStringAsync("/api/v1/reports/daily?date=2025-04-08"))!;

        var page = await Open(client, "/reports/daily?date=2025-04-08");
        var bad = await Open(client, "/reports/daily?date=8%20April", HttpStatusCode.BadRequest);

        Assert.Equal(report["total"]!["now"]!["violations"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-figure=violations]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#report-notable li[data-key='incident/{incident}']"));
        Assert.Contains("incident", page.QuerySelector("#report-data")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("date", bad.QuerySelector("#report-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await Open(client, "/reports/weekly?end=2025-04-08"));
        Assert.Contains("/reports/daily", (await Open(client, "/reports")).QuerySelector("#daily-link")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_page_is_open_to_anyone_and_shows_verified_public_violations_only()
    {
        const string S = "public-page";
        var made = new Dictionary<string, long>();
        var hour = 0;
        async Task Make(string name, string level, string? target, params (string, Role, VerificationState)[] moves)
        {
            var at = new DateTimeOffset(2025, 4, 10, 0, 0, 0, TimeSpan.Zero).AddHours(hour++).ToString("O", CultureInfo.InvariantCulture);
            var (one, two) = (Observations.Strike(S, name, at: at, target: target), Observations.Strike($"{S}-channel", $"ch-{name}", at: at, target: target));
            one.Marking = two.Marking = new MarkingInput { Level = level };
            await app.Seed(one, two);
            made[name] = await IncidentAsync(S, name, $"ch-{name}");
            await MoveAsync(made[name], moves);
        }

        var review = ("analyst", Role.Analyst, VerificationState.UnderReview);
        var corroborate = ("vera", Role.Verifier, VerificationState.Corroborated);
        var verify = ("victor", Role.Verifier, VerificationState.Verified);
        await Make("reported", "public", "energy-infrastructure");
        await Make("under-review", "public", "energy-infrastructure", review);
        await Make("corroborated", "public", "energy-infrastructure", review, corroborate);
        await Make("disputed", "public", "energy-infrastructure", review, corroborate, ("victor", Role.Verifier, VerificationState.Disputed));
        await Make("rejected", "public", "energy-infrastructure", ("analyst", Role.Analyst, VerificationState.Rejected));
        await Make("verified-coalition", "coalition", "energy-infrastructure", review, corroborate, verify);
        await Make("verified-no-violation", "public", "military-position", review, corroborate, verify);
        await Make("verified", "public", "energy-infrastructure", review, corroborate, verify);

        var anonymous = await Open(app.Api(null), "/public");
        var admin = await Open(await app.SignedIn("admin"), "/public");

        var shown = anonymous.QuerySelectorAll("#public-latest li").Select(li => long.Parse(li.GetAttribute("data-incident")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([made["verified"]], shown);
        Assert.Equal("1", anonymous.QuerySelector("#public-days tr[data-day='2025-04-10'] td.num")!.TextContent);
        Assert.Equal(anonymous.QuerySelector("#public-latest")!.OuterHtml, admin.QuerySelector("#public-latest")!.OuterHtml); // the same for everyone
        Assert.Null(anonymous.QuerySelector("nav"));
    }
}
