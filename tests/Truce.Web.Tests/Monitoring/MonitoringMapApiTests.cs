using System.Net;
using System.Text.Json.Nodes;
using Truce.Core.Security;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Monitoring;

/// <summary>The map's endpoint: GeoJSON points with the worst verdict, every filter, the cap and its flag, bad parameters named, markings kept.</summary>
public sealed class MonitoringMapApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private async Task<JsonObject> Map(string query, string user = "viewer")
    {
        var response = await app.Api(user).GetAsync($"/api/v1/observations/map?{query}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static List<string> Ids(JsonObject map) =>
        map["features"]!.AsArray().Select(f => f!["properties"]!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Points_carry_what_the_map_draws_and_each_filter_narrows_them()
    {
        const string S = "map-filters";
        await app.Seed(
            Observations.Strike(S, "energy"),
            Observations.Strike(S, "depot", at: "2025-03-20T04:00:00Z", target: "military-position"),
            Observations.Strike(S, "unknown", at: "2025-03-20T06:00:00Z", target: null),
            Observations.Gun(S, "gun"));
        var (energy, depot, unknown, gun) = (await app.IdOf(S, "energy"), await app.IdOf(S, "depot"), await app.IdOf(S, "unknown"), await app.IdOf(S, "gun"));
        string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var all = await Map($"source={S}");

        Assert.Equal("FeatureCollection", all["type"]!.GetValue<string>());
        Assert.False(all["truncated"]!.GetValue<bool>());
        Assert.Equal([Id(unknown), Id(depot), Id(energy), Id(gun)], Ids(all)); // newest first
        var point = all["features"]!.AsArray().Single(f => f!["id"]!.GetValue<long>() == energy)!;
        Assert.Equal([30.72, 46.48], point["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
        var p = point["properties"]!;
        Assert.Equal(("drone-strike", "2025-03-20T02:00:00Z", S, "UKR", "violation", 1), (p["type"]!.GetValue<string>(), p["observedFrom"]!.GetValue<string>(), p["source"]!.GetValue<string>(), p["side"]!.GetValue<string>(), p["verdict"]!.GetValue<string>(), p["count"]!.GetValue<int>()));
        Assert.Equal(7, p.AsObject().Count); // only what the map needs
        Assert.Equal("not-a-violation", Verdict(all, depot));
        Assert.Equal("undetermined", Verdict(all, unknown));
        Assert.Equal("violation", Verdict(all, gun));

        Assert.Equal([Id(energy), Id(gun)], Ids(await Map($"source={S}&verdict=violation")));
        Assert.Equal([Id(unknown), Id(depot)], Ids(await Map($"source={S}&verdict=undetermined,not-a-violation")));
        Assert.Empty(Ids(await Map($"source={S}&verdict=none")));
        Assert.Equal([Id(energy)], Ids(await Map($"source={S}&verdict=violation&from=2025-03-19&to=2025-03-21")));
        Assert.Equal([Id(depot)], Ids(await Map($"source={S}&from=2025-03-20T03:00:00Z&to=2025-03-20T05:00:00Z")));
        Assert.Equal([Id(gun)], Ids(await Map($"source={S}&type=weapon-sighting")));
        Assert.Equal([Id(gun)], Ids(await Map($"source={S}&bbox=36,47,38,49")));
        Assert.Equal([Id(unknown), Id(depot), Id(energy)], Ids(await Map($"source={S}&side=ukr")));
        Assert.Empty(Ids(await Map($"source={S}&side=RUS")));
        Assert.Empty(Ids(await Map("source=no-such-source")));
    }

    [Fact]
    public async Task The_cap_keeps_the_newest_and_says_it_was_hit()
    {
        const string S = "map-cap";
        await app.Seed(Observations.Strike(S, "1", at: "2025-03-19T01:00:00Z"), Observations.Strike(S, "2", at: "2025-03-19T02:00:00Z"), Observations.Strike(S, "3", at: "2025-03-19T03:00:00Z"));

        var capped = await Map($"source={S}&limit=2");
        var whole = await Map($"source={S}&limit=3");

        Assert.True(capped["truncated"]!.GetValue<bool>());
        Assert.Equal((2, 2), (capped["limit"]!.GetValue<int>(), capped["count"]!.GetValue<int>()));
        Assert.Equal([await app.IdOf(S, "3"), await app.IdOf(S, "2")], capped["features"]!.AsArray().Select(f => f!["id"]!.GetValue<long>()));
        Assert.False(whole["truncated"]!.GetValue<bool>());
        Assert.Equal(3, whole["count"]!.GetValue<int>());
        Assert.Equal(5000, (await Map($"source={S}"))["limit"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5001", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-01", "to")]
    [InlineData("from=2025-03-21&to=2025-03-20", "to")]
    [InlineData("bbox=30,46,31", "bbox")]
    [InlineData("bbox=31,46,30,47", "bbox")]
    [InlineData("type=shelling", "type")]
    [InlineData("type=drone-strike,shelling", "type")]
    [InlineData("verdict=guilty", "verdict")]
    [InlineData("source=not%20a%20code", "source")]
    [InlineData("side=U.K.R", "side")]
    public async Task A_bad_parameter_is_refused_with_a_problem_naming_it(string query, string field)
    {
        var response = await app.Api("viewer").GetAsync($"/api/v1/observations/map?{query}");

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task A_REL_TO_observation_is_drawn_only_for_the_members_it_is_released_to()
    {
        const string S = "map-rel-to";
        var released = Observations.Strike(S, "gbr-only");
        released.Marking = new MarkingInput { Level = "rel-to", RelTo = ["GBR"] };
        await app.Seed(released, Observations.Strike(S, "coalition", at: "2025-03-20T03:00:00Z"));
        var id = await app.IdOf(S, "gbr-only");

        Assert.Contains(id, (await Map($"source={S}", "liaison-gbr"))["features"]!.AsArray().Select(f => f!["id"]!.GetValue<long>()));
        Assert.Equal(1, (await Map($"source={S}", "liaison-fra"))["count"]!.GetValue<int>());
        Assert.Equal(1, (await Map($"source={S}", "viewer"))["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api("liaison-fra").GetAsync($"/api/v1/observations/{id}")).StatusCode);
    }

    private static string Verdict(JsonObject map, long id) =>
        map["features"]!.AsArray().Single(f => f!["id"]!.GetValue<long>() == id)!["properties"]!["verdict"]!.GetValue<string>();
}
