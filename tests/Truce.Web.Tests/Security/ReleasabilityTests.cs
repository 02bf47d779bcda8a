using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Security;

/// <summary>
/// Role × marking × endpoint: no pledge reaches a principal who may not see it — not through a read, a
/// list, a count, a total, an export or a history.
/// </summary>
public sealed class ReleasabilityTests(MarkedLedger app) : IClassFixture<MarkedLedger>
{
    private string _tag => app.Tag;

    private Dictionary<string, int> _ids => app.Ids;

    public static readonly TheoryData<string, string[]> Visibility = Rows();

    private static TheoryData<string, string[]> Rows()
    {
        var rows = new TheoryData<string, string[]>();
        foreach (var (user, visible) in MarkedLedger.Visible)
        {
            rows.Add(user, visible);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task Each_pledge_can_be_read_only_by_those_it_is_released_to(string user, string[] visible)
    {
        var api = app.Api(user);
        foreach (var (name, id) in _ids)
        {
            var pledge = await api.GetAsync($"/api/v1/pledges/{id}");
            var history = await api.GetAsync($"/api/v1/pledges/{id}/history");
            var expected = visible.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(expected == pledge.StatusCode, $"{user} reading {name}: {(int)pledge.StatusCode}");
            Assert.True(expected == history.StatusCode, $"{user} reading the history of {name}: {(int)history.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task Lists_counts_and_exports_hold_only_what_the_principal_may_see(string user, string[] visible)
    {
        var api = app.Api(user);
        var expected = visible.Select(v => _ids[v]).Order().ToList();

        var page = await (await api.GetAsync($"/api/v1/pledges?q={_tag}&limit=500")).Read<Page<PledgeView>>();
        var export = await (await api.GetAsync($"/api/v1/pledges/export?format=json&q={_tag}")).Read<List<PledgeView>>();
        var csv = await (await api.GetAsync($"/api/v1/pledges/export?q={_tag}")).Content.ReadAsStringAsync();

        Assert.Equal(expected, page.Items.Select(p => p.Id).Order());
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected, export.Select(p => p.Id).Order());
        Assert.Equal(expected.Count, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        foreach (var hidden in _ids.Keys.Except(visible))
        {
            Assert.DoesNotContain($"{_tag} {hidden}", csv, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task Dashboard_totals_count_only_what_the_principal_may_see(string user, string[] visible)
    {
        var viewer = await (await app.Api("viewer").GetAsync("/api/v1/pledges/totals")).Read<LedgerTotals>();
        var mine = await (await app.Api(user).GetAsync("/api/v1/pledges/totals")).Read<LedgerTotals>();

        // The viewer sees the demo data plus PUBLIC (1) and COALITION (10): what is left is the demo data.
        var demoTroops = viewer.TroopsPledged - 11;
        Assert.Equal(MarkedLedger.Markings.Where(m => visible.Contains(m.Name)).Sum(m => m.Troops), mine.TroopsPledged - demoTroops);
        Assert.Equal(viewer.Pledges + visible.Length - 2, mine.Pledges);

        var page = await (await app.SignedIn(user)).GetStringAsync("/");
        Assert.Contains($"data-figure=\"troops\">{mine.TroopsPledged.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_national_pledge_released_to_the_coalition_becomes_visible_to_other_liaisons_and_the_release_is_audited()
    {
        var body = ApiClient.NewPledge("GBR", "Release test: awaiting a vote");
        body.Marking = new MarkingInput { Level = "national" };
        var drafted = await (await app.Api("liaison-gbr").PostPledge(body)).Read<PledgeView>();
        Assert.Equal("NATIONAL GBR", drafted.Marking.Label);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api("liaison-fra").GetAsync($"/api/v1/pledges/{drafted.Id}")).StatusCode);

        var release = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pledges/{drafted.Id}/release")
        {
            Content = JsonContent.Create(new { marking = new { level = "coalition" }, reason = "Parliament approved the deployment" }),
        };
        release.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var released = await (await app.Api("liaison-gbr").SendAsync(release)).Read<PledgeView>();

        Assert.Equal("COALITION", released.Marking.Label);
        Assert.Equal(2, released.Version);
        var seen = await (await app.Api("liaison-fra").GetAsync($"/api/v1/pledges/{drafted.Id}")).Read<PledgeView>();
        Assert.Equal(drafted.Title, seen.Title);
        var history = await (await app.Api("liaison-fra").GetAsync($"/api/v1/pledges/{drafted.Id}/history")).Read<List<PledgeRevisionView>>();
        Assert.Equal("Parliament approved the deployment", history[0].Reason);
        Assert.Contains(history[0].Changes, c => c.Field == "marking.level" && c.Before == "national" && c.After == "coalition");
        var audit = JsonNode.Parse(await app.Api("admin").GetStringAsync($"/api/v1/audit?action=pledge.released&target=pledge/{drafted.Id}"))!.AsArray();
        var entry = Assert.Single(audit);
        Assert.Equal("liaison-gbr", entry!["actor"]!.GetValue<string>());
        Assert.Equal("NATIONAL GBR → COALITION", entry["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_release_is_refused_to_others_to_stale_writers_and_to_markings_the_writer_could_not_read()
    {
        var created = await (await app.Api("liaison-gbr").PostPledge(ApiClient.NewPledge("GBR", "Release test: rules"))).Read<PledgeView>();

        async Task<HttpResponseMessage> Release(string user, object marking, string etag = "\"1\"")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pledges/{created.Id}/release") { Content = JsonContent.Create(new { marking, reason = "test" }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return await app.Api(user).SendAsync(request);
        }

        await (await Release("liaison-fra", new { level = "public" })).Problem(HttpStatusCode.Forbidden);
        await (await Release("viewer", new { level = "public" })).Problem(HttpStatusCode.Forbidden);
        await (await Release("liaison-gbr", new { level = "public" }, "\"7\"")).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Contains("marking.level", (await (await Release("liaison-gbr", new { level = "rel-to", relTo = new[] { "FRA" } })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("marking.relTo", (await (await Release("liaison-gbr", new { level = "rel-to", relTo = new[] { "GBR", "ATLANTIS" } })).Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("marking.level", (await (await Release("liaison-gbr", new { level = "secret" })).Problem(HttpStatusCode.BadRequest)).ErrorFields());

        var change = created.ToInput();
        change.Marking = new MarkingInput { Level = "public" };
        change.Reason = "Sneaking a release into an edit";
        Assert.Contains("marking.level", (await (await app.Api("liaison-gbr").PutPledge(created.Id, change, "\"1\"")).Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_national_pledge_cannot_be_handed_to_another_member_by_an_edit()
    {
        var body = ApiClient.NewPledge("GBR", "Release test: keeps its member");
        body.Marking = new MarkingInput { Level = "national" };
        var drafted = await (await app.Api("liaison-gbr").PostPledge(body)).Read<PledgeView>();
        var change = drafted.ToInput();
        change.Member = "FRA";
        change.Reason = "Moving it";

        var problem = await (await app.Api("admin").PutPledge(drafted.Id, change, "\"1\"")).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("keeps its member", problem["errors"]!["member"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api("liaison-fra").GetAsync($"/api/v1/pledges/{drafted.Id}")).StatusCode);

        // Released, it counts for everyone alike, so the other tests of this class keep their arithmetic.
        var release = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pledges/{drafted.Id}/release") { Content = JsonContent.Create(new { marking = new { level = "coalition" }, reason = "tidy up" }) };
        release.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await app.Api("liaison-gbr").SendAsync(release)).StatusCode);
    }

    [Fact]
    public async Task A_planner_without_a_member_cannot_draft_a_national_pledge_they_could_not_read()
    {
        var body = ApiClient.NewPledge("GBR", "Release test: planner national");
        body.Marking = new MarkingInput { Level = "national" };

        var problem = await (await app.Api("planner").PostPledge(body)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("would not be able to read", problem["errors"]!["marking.level"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
