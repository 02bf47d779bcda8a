namespace Truce.Geography.Tests;

/// <summary>Distances on the WGS 84 ellipsoid, against values worked independently.</summary>
public sealed class GeodesyTests
{
    [Fact]
    public void Vincentys_own_test_line_Flinders_Peak_to_Buninyong_is_54_972_271_metres()
    {
        // Vincenty (1975) and Geoscience Australia's worked example: 37°57'03.72030"S 144°25'29.52440"E to
        // 37°39'10.15610"S 143°55'35.38390"E.
        var distance = Geodesy.Distance(-(37 + (57 / 60.0) + (3.72030 / 3600)), 144 + (25 / 60.0) + (29.52440 / 3600), -(37 + (39 / 60.0) + (10.15610 / 3600)), 143 + (55 / 60.0) + (35.38390 / 3600));

        Assert.Equal(54_972.271, distance, 0.001);
    }

    [Theory]
    [InlineData(0, 0, 0, 1, 111_319.491)]   // a degree along the equator: a·π/180
    [InlineData(0, 0, 1, 0, 110_574.389)]   // the first degree of a meridian
    [InlineData(48, 37, 48, 37, 0)]         // a point and itself
    public void Known_arcs_have_their_known_lengths(double lat1, double lon1, double lat2, double lon2, double metres)
    {
        Assert.Equal(metres, Geodesy.Distance(lat1, lon1, lat2, lon2), 0.01);
        Assert.Equal(metres, Geodesy.Distance(lat2, lon2, lat1, lon1), 0.01);
    }

    [Theory]
    [InlineData(48.0, 37.5)]   // east of the line, level with its middle
    [InlineData(46.0, 36.0)]   // south-west of its southern end
    [InlineData(48.7, 33.0)]   // far west: about 300 km
    public void The_distance_to_a_meridian_line_is_within_half_a_percent_of_the_nearest_of_its_points(double lat, double lon)
    {
        // A meridian is a geodesic: its points are exactly those of equal longitude, sampled densely here.
        (double Lon, double Lat)[] line = [(37.0, 47.0), (37.0, 49.0)];
        var nearest = Enumerable.Range(0, 20_001).Min(i => Geodesy.Distance(lat, lon, 47.0 + (i * 2.0 / 20_000), 37.0));

        var distance = Geodesy.DistanceToLine(lat, lon, line);

        Assert.InRange(distance, nearest * 0.995, nearest * 1.005);
    }

    [Fact]
    public void The_distance_to_a_bent_line_is_to_its_nearest_segment()
    {
        // An L: along the 48th parallel's east-west leg the nearest point is straight north.
        (double Lon, double Lat)[] line = [(36.0, 48.0), (38.0, 48.0), (38.0, 50.0)];

        var fromTheSouth = Geodesy.DistanceToLine(47.5, 37.0, line);
        var fromTheEast = Geodesy.DistanceToLine(49.0, 38.5, line);

        Assert.InRange(fromTheSouth, Geodesy.Distance(47.5, 37.0, 48.0, 37.0) * 0.995, Geodesy.Distance(47.5, 37.0, 48.0, 37.0) * 1.005);
        Assert.InRange(fromTheEast, Geodesy.Distance(49.0, 38.5, 49.0, 38.0) * 0.995, Geodesy.Distance(49.0, 38.5, 49.0, 38.0) * 1.005);
    }
}

/// <summary>The shipped line of contact, prepared once, against a brute-force search over thousands of its points.</summary>
public sealed class GeodesicLineTests
{
    [Fact]
    public void Distances_to_the_line_of_contact_are_within_half_a_percent_of_a_brute_force_search()
    {
        var vertices = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => f.Geometry.Coordinates.Select(c => (c.X, c.Y))).ToList();
        var line = new GeodesicLine(vertices);

        // Each segment sampled every few hundred metres (its segments are tens of kilometres long).
        var samples = vertices.Zip(vertices.Skip(1)).SelectMany(s => Enumerable.Range(0, 200).Select(i => (Lon: s.First.X + (i / 200.0 * (s.Second.X - s.First.X)), Lat: s.First.Y + (i / 200.0 * (s.Second.Y - s.First.Y))))).ToList();
        var random = new Random(10);
        for (var n = 0; n < 300; n++)
        {
            var (lat, lon) = (44.5 + (random.NextDouble() * 7.8), 22.5 + (random.NextDouble() * 17.5));
            var brute = samples.Min(s => Geodesy.Distance(lat, lon, s.Lat, s.Lon));

            var distance = line.DistanceTo(lat, lon);

            Assert.True(Math.Abs(distance - brute) <= (0.005 * brute) + 500, $"({lat:F3}, {lon:F3}): {distance:F0} m against {brute:F0} m");
        }
    }
}
