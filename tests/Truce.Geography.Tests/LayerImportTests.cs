namespace Truce.Geography.Tests;

/// <summary>A layer as analysts bring it: repaired where it can be, each rejection with its reason, and a round trip that loses nothing.</summary>
public sealed class LayerImportTests
{
    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(',', features)}}]}""";

    private static string Feature(string geometry, string name) => $$"""{"type":"Feature","properties":{"name":"{{name}}"},"geometry":{{geometry}}}""";

    [Fact]
    public void A_self_intersecting_polygon_is_repaired_and_the_repair_is_said()
    {
        // A bow tie: its edges cross at (31, 47).
        var bowTie = """{"type":"Polygon","coordinates":[[[30,46],[32,48],[32,46],[30,48],[30,46]]]}""";

        var result = LayerImport.Read(Collection(Feature(bowTie, "sector A")), Shape.Areas);

        var taken = Assert.Single(result.Features);
        Assert.Empty(result.Rejected);
        Assert.True(taken.Geometry.IsValid);
        Assert.Contains("Self-intersection at (31, 47)", taken.Repaired, StringComparison.Ordinal);
        Assert.Equal(2.0, taken.Geometry.Area, 6); // both triangles kept
    }

    [Fact]
    public void What_cannot_be_taken_is_rejected_with_its_place_and_reason()
    {
        var result = LayerImport.Read(
            Collection(
                Feature("""{"type":"Polygon","coordinates":[[[30,46],[31,46],[31,47],[30,47],[30,46]]]}""", "fine"),
                Feature("""{"type":"LineString","coordinates":[[30,46],[31,47]]}""", "a line"),
                Feature("""{"type":"Polygon","coordinates":[[[46,30],[46,131],[47,131],[47,30],[46,30]]]}""", "swapped"),
                Feature("null", "nothing")),
            Shape.Areas);

        Assert.Equal("fine", Assert.Single(result.Features).Properties["name"]);
        Assert.Equal([2, 3, 4], result.Rejected.Select(r => r.Index));
        Assert.Contains("it is a LineString; a layer of areas takes Polygon or MultiPolygon", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("latitude and longitude look swapped", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("it has no geometry", result.Rejected[2].Reason);
    }

    [Fact]
    public void A_file_that_is_not_GeoJSON_is_refused_as_a_whole()
    {
        var refused = Assert.Throws<InvalidDataException>(() => LayerImport.Read("{\"type\": \"FeatureCollection\", \"features\": [", Shape.Line));

        Assert.StartsWith("Not a GeoJSON feature collection", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_oblasts_make_a_round_trip_through_GeoJSON_unchanged()
    {
        var text = File.ReadAllText(Path.Combine(GeoJsonLayer.ShippedFolder, "ukraine-oblasts.geojson"));
        var first = LayerImport.Read(text, Shape.Areas);

        var again = LayerImport.Read(LayerImport.Write(first.Features.Select(f => (f.Geometry, f.Properties))), Shape.Areas);

        Assert.Equal(25, first.Features.Count + first.Rejected.Count);
        Assert.Equal(first.Features.Select(f => f.Properties["iso3166_2"]), again.Features.Select(f => f.Properties["iso3166_2"]));
        Truce.Testing.Expect.All(first.Features.Zip(again.Features), pair => Assert.True(pair.First.Geometry.EqualsExact(pair.Second.Geometry)));
        Assert.Empty(again.Rejected);
    }
}
