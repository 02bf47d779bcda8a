using NetTopologySuite.Geometries;

namespace Truce.Geography.Tests;

/// <summary>The zone set skips zones nested in one a point is outside of; it must answer exactly as testing every zone does.</summary>
public sealed class ZoneSetTests
{
    [Fact]
    public void Nested_one_sided_zones_of_the_shipped_line_answer_as_testing_each_zone_does()
    {
        var line = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => f.Geometry.Coordinates).Select(c => (c.X, c.Y)).ToList();
        var zones = new[] { 70.0, 25, 35 }
            .SelectMany(km => new[] { LineSide.Left, LineSide.Right }.Select(side => Zones.OneSide(line, km * 1000, side)))
            .Append(Zones.Around(line, 10_000)) // one two-sided zone that nests in none of the others
            .ToList();
        var set = new ZoneSet(zones);
        var random = new Random(26);

        var differences = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var (lat, lon) = (46 + (random.NextDouble() * 5), 34 + (random.NextDouble() * 6));
            var point = new Point(lon, lat);
            var expected = zones.Select((z, index) => (z, index)).Where(x => x.z.Covers(point)).Select(x => x.index).ToList();
            var found = set.Locate(lon, lat);
            if (!expected.SequenceEqual(found))
            {
                differences.Add($"({lat}, {lon}): expected [{string.Join(",", expected)}], got [{string.Join(",", found)}]");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(5)));
    }

    [Fact]
    public void A_point_in_a_zone_nested_in_another_is_in_both_and_one_outside_the_outer_is_in_neither()
    {
        var outer = new GeometryFactory().CreatePolygon([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var inner = new GeometryFactory().CreatePolygon([new(2, 2), new(4, 2), new(4, 4), new(2, 4), new(2, 2)]);
        var set = new ZoneSet([inner, outer]);

        Assert.Equal([0, 1], set.Locate(3, 3));
        Assert.Equal([1], set.Locate(8, 8));
        Assert.Empty(set.Locate(11, 3));
    }
}
