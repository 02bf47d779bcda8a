using NetTopologySuite.Geometries;

namespace Truce.Geography.Tests;

/// <summary>Which area holds a point: inside, in a hole, on a shared border, in a multipolygon's second part.</summary>
public sealed class AreaIndexTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Square(double west, double south, double size, LinearRing? hole = null) =>
        Factory.CreatePolygon(Ring(west, south, size), hole is null ? [] : [hole]);

    private static LinearRing Ring(double west, double south, double size) => Factory.CreateLinearRing(
    [
        new(west, south), new(west + size, south), new(west + size, south + size), new(west, south + size), new(west, south),
    ]);

    private static AreaIndex<string> Layer() => new AreaIndex<string>()
        .Add("west", Square(30, 46, 2, hole: Ring(30.5, 46.5, 0.5)))
        .Add("east", Square(32, 46, 2))
        .Add("islands", Factory.CreateMultiPolygon([Square(36, 44, 1), Square(38, 44, 1)]));

    [Theory]
    [InlineData(31.5, 47.5, "west")]
    [InlineData(33.0, 47.0, "east")]
    [InlineData(38.5, 44.5, "islands")]   // the multipolygon's second part
    [InlineData(30.7, 46.7, null)]        // in the west's hole
    [InlineData(35.0, 47.0, null)]        // between them
    [InlineData(32.0, 47.0, "west")]      // on the shared border: the area added first
    public void Each_point_falls_in_the_area_that_holds_it(double lon, double lat, string? expected)
    {
        Assert.Equal(expected, Layer().Locate(lon, lat));
    }

    [Fact]
    public void An_area_must_be_a_polygon()
    {
        var refused = Assert.Throws<ArgumentException>(() => new AreaIndex<string>().Add("line", Factory.CreateLineString([new(30, 46), new(31, 47)])));

        Assert.Contains("got a LineString", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_thousand_random_points_agree_with_the_geometrys_own_test()
    {
        var layer = Layer();
        var areas = new Dictionary<string, Geometry>
        {
            ["west"] = Square(30, 46, 2, hole: Ring(30.5, 46.5, 0.5)),
            ["east"] = Square(32, 46, 2),
            ["islands"] = Factory.CreateMultiPolygon([Square(36, 44, 1), Square(38, 44, 1)]),
        };
        var random = new Random(2025);

        for (var i = 0; i < 100_000; i++)
        {
            var (lon, lat) = (29 + (random.NextDouble() * 11), 43 + (random.NextDouble() * 6));
            var point = Factory.CreatePoint(new Coordinate(lon, lat));
            var expected = areas.Where(a => a.Value.Intersects(point)).Select(a => a.Key).FirstOrDefault();
            Assert.Equal(expected, layer.Locate(lon, lat));
        }
    }
}
