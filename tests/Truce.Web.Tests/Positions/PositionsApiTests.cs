using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Positions;

/// <summary>The positions matrix, a party's timeline and recording a position, over HTTP.</summary>
public sealed class PositionsApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static JsonObject Row(JsonNode matrix, string issue) =>
        matrix["issues"]!.AsArray().Single(r => (string)r!["code"]! == issue)!.AsObject();

    private static JsonNode? Cell(JsonNode matrix, string issue, string party)
    {
        var index = matrix["parties"]!.AsArray().Select(p => (string)p!["code"]!).ToList().IndexOf(party);
        return Row(matrix, issue)["cells"]![index];
    }

    [Fact]
    public async Task The_matrix_at_a_date_names_the_conflict_on_foreign_troops_and_each_partys_latest_position()
    {
        var matrix = await (await app.Api("viewer").GetAsync("/api/v1/positions?at=2025-10-01")).Read<JsonNode>();
        var earlier = await (await app.Api("viewer").GetAsync("/api/v1/positions?at=2025-03-10&issue=foreign-troops")).Read<JsonNode>();

        var troops = Row(matrix, "foreign-troops");
        Assert.Equal("conflict", (string)troops["state"]!);
        Assert.StartsWith("Conflict. Russia's red line: no foreign troops", (string)troops["words"]!, StringComparison.Ordinal);
        Assert.Equal(("conflict", "2025-09-17"), ((string)Cell(matrix, "foreign-troops", "RUS")!["relation"]!, (string)Cell(matrix, "foreign-troops", "RUS")!["position"]!["asOf"]!));
        Assert.Equal(8, matrix["issues"]!.AsArray().Count);
        Assert.Contains("2025-03-06", matrix["dates"]!.AsArray().Select(d => (string)d!));

        // Before Ukraine said anything on it, its cell is unknown and the row is not agreement.
        Assert.Single(earlier["issues"]!.AsArray());
        Assert.Equal("unknown", (string)Cell(earlier, "foreign-troops", "UKR")!["relation"]!);
        Assert.Equal("2025-03-06", (string)Cell(earlier, "foreign-troops", "RUS")!["position"]!["asOf"]!);
    }

    [Fact]
    public async Task A_partys_timeline_says_what_each_position_changed()
    {
        var steps = await (await app.Api("viewer").GetAsync("/api/v1/positions/timeline?issue=security-guarantees&party=USA")).Read<JsonArray>();

        Assert.Equal(["2025-06-05", "2026-01-06"], steps.Select(s => (string)s!["asOf"]!));
        Assert.Equal("first stated", (string)steps[0]!["changes"]![0]!);
        Assert.Contains(steps[1]!["changes"]!.AsArray(), c => ((string)c!).StartsWith("preferred:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_queries_are_named_and_unknown_issues_are_not_found()
    {
        var date = await (await app.Api("viewer").GetAsync("/api/v1/positions?at=October")).Problem(HttpStatusCode.BadRequest);
        var missing = await (await app.Api("viewer").GetAsync("/api/v1/positions/timeline?issue=foreign-troops")).Problem(HttpStatusCode.BadRequest);
        await (await app.Api("viewer").GetAsync("/api/v1/positions?issue=moon")).Problem(HttpStatusCode.NotFound);

        Assert.Equal(["at"], date.ErrorFields());
        Assert.Equal(["party"], missing.ErrorFields());
    }

    [Fact]
    public async Task An_analyst_records_a_position_that_moves_the_matrix_and_a_bad_one_is_named()
    {
        var position = new
        {
            party = "USA",
            issue = "foreign-troops",
            asOf = "2026-02-01",
            stance = "No US troops; a European force is welcome.",
            acceptable = new[] { "reassurance-force" },
            redLine = new[] { "us-troops" },
            sources = new[] { new { url = "https://example.org/usa", publisher = "Example Wire" } },
        };
        var created = await app.Api("analyst").PostAsJsonAsync("/api/v1/positions", position);
        var again = await app.Api("analyst").PostAsJsonAsync("/api/v1/positions", position);
        var bad = await (await app.Api("analyst").PostAsJsonAsync("/api/v1/positions", new { party = "USA", issue = "foreign-troops", asOf = "2026-02-02", stance = "x", acceptable = new[] { "moon" }, sources = position.sources })).Problem(HttpStatusCode.BadRequest);
        var viewer = await app.Api("viewer").PostAsJsonAsync("/api/v1/positions", position);
        var matrix = await (await app.Api("viewer").GetAsync("/api/v1/positions?at=2026-02-01&issue=foreign-troops")).Read<JsonNode>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kept = await (await app.Api("viewer").GetAsync(created.Headers.Location)).Read<JsonNode>();
        Assert.Equal(("USA", "accepts a reassurance force after a ceasefire; red line: US troops in Ukraine"), ((string)kept["party"]!, (string)kept["summary"]!));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["acceptable[0]"], bad.ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal("2026-02-01", (string)Cell(matrix, "foreign-troops", "USA")!["position"]!["asOf"]!);
    }
}
