using NetTopologySuite.Geometries;

namespace Truce.Geography.Tests;

/// <summary>A 50 km zone around a baseline, in metres on the ground: checked at points whose distance is worked out by hand, and against the geodesic distance along the whole line of contact.</summary>
public sealed class ZonesTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static bool Inside(Geometry zone, double lat, double lon) => zone.Covers(Factory.CreatePoint(new Coordinate(lon, lat)));

    [Fact]
    public void Around_a_meridian_the_zone_ends_50_km_east_and_50_km_beyond_its_end()
    {
        // The baseline: longitude 37°E from 47°N to 49°N. By hand, on WGS 84 at 48°N: the prime vertical radius
        // N = a / √(1 − e² sin² 48°) = 6,389,966 m, so a degree of longitude is (π/180) · N · cos 48° = 74,625 m,
        // and 49.8 km and 50.2 km east are 0.66734° and 0.67270°. Just north of 49°N a degree of latitude is
        // 111,212 m (π/180 · M, the meridian's radius of curvature M = a(1 − e²) / (1 − e² sin² φ)^1.5 at 49.2°N),
        // so 49.8 km and 50.2 km north of the end are 0.44779° and 0.45139°.
        var zone = Zones.Around([(37.0, 47.0), (37.0, 49.0)], 50_000);

        Assert.Equal(49_800, Geodesy.Distance(48, 37, 48, 37.66734), 40.0); // the hand-worked figures, checked
        Assert.Equal(49_800, Geodesy.Distance(49, 37, 49.44779, 37), 10.0);
        Assert.True(Inside(zone, 48.0, 37.66734), "49.8 km east is outside");
        Assert.False(Inside(zone, 48.0, 37.67270), "50.2 km east is inside");
        Assert.True(Inside(zone, 48.0, 36.33266), "49.8 km west is outside");
        Assert.True(Inside(zone, 49.44779, 37.0), "49.8 km north of the end is outside");
        Assert.False(Inside(zone, 49.45139, 37.0), "50.2 km north of the end is inside");
    }

    [Fact]
    public void Along_the_whole_line_of_contact_the_zone_agrees_with_the_geodesic_distance_to_half_a_percent()
    {
        var vertices = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => f.Geometry.Coordinates.Select(c => (c.X, c.Y))).ToList();
        var zone = Zones.Around(vertices, 50_000);
        var line = new GeodesicLine(vertices);
        var random = new Random(50);
        var checkedPoints = 0;

        for (var n = 0; n < 3_000; n++)
        {
            var (lat, lon) = (45.5 + (random.NextDouble() * 5.5), 31.5 + (random.NextDouble() * 8.5));
            var km = line.DistanceTo(lat, lon) / 1000;
            if (Math.Abs(km - 50) <= 0.25)
            {
                continue; // within half a percent of the edge: either answer is right
            }

            checkedPoints++;
            Assert.True(km < 50 == Inside(zone, lat, lon), $"({lat:F4}, {lon:F4}) is {km:F2} km from the line");
        }

        Assert.True(checkedPoints > 2_900);
    }

    [Fact]
    public void A_distance_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Zones.Around([(37.0, 47.0), (37.0, 49.0)], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Zones.Around([(37.0, 47.0), (37.0, 49.0)], double.NaN));
    }
}
