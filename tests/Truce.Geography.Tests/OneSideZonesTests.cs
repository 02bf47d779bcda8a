using NetTopologySuite.Geometries;

namespace Truce.Geography.Tests;

/// <summary>
/// The zone on one side of a baseline, where one party keeps its weapons back from its own line: checked at
/// points whose distance is worked out by hand, and against the two-sided zone it is cut from.
/// </summary>
public sealed class OneSideZonesTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    // Longitude 37°E from 48°N to 49°N, drawn northwards: walking it, west is on the left and east on the right.
    private static readonly (double Lon, double Lat)[] Meridian = [(37.0, 48.0), (37.0, 49.0)];

    // Five segments heading alternately north-east and north-west, so the line turns left, right, left, right.
    private static readonly (double Lon, double Lat)[] ZigZag = [(37.0, 48.0), (37.3, 48.2), (37.1, 48.4), (37.5, 48.55), (37.2, 48.75), (37.4, 49.0)];

    private static bool Inside(Geometry zone, double lat, double lon) => zone.Covers(Factory.CreatePoint(new Coordinate(lon, lat)));

    [Fact]
    public void A_20_km_zone_on_the_left_of_a_northward_meridian_ends_20_km_west()
    {
        // By hand, on WGS 84 at 48.5°N: e² = f(2 − f) = 0.00669438, the prime vertical radius
        // N = a / √(1 − e² sin² 48.5°) = 6,390,146 m, so a degree of longitude along the parallel is
        // (π/180) · N · cos 48.5° = 73,901 m; 19.9 km and 20.1 km west are 0.26928° and 0.27198° (37°E less
        // those: 36.73072°E and 36.72802°E), and 10 km east is 0.13532°. Over 20 km the geodesic is shorter
        // than the parallel by well under a metre, so the figures hold for the geodesic too, as checked here.
        var left = Zones.OneSide(Meridian, 20_000, LineSide.Left);

        Assert.Equal(19_900, Geodesy.DistanceToLine(48.5, 36.73072, Meridian), 5.0);
        Assert.Equal(20_100, Geodesy.DistanceToLine(48.5, 36.72802, Meridian), 5.0);
        Assert.Equal(10_000, Geodesy.DistanceToLine(48.5, 37.13532, Meridian), 5.0);
        Assert.True(Inside(left, 48.5, 36.73072), "19.9 km west is outside the left zone");
        Assert.False(Inside(left, 48.5, 36.72802), "20.1 km west is inside the left zone");
        Assert.False(Inside(left, 48.5, 37.13532), "10 km east is inside the left zone");
    }

    [Fact]
    public void The_right_zone_of_a_northward_meridian_lies_east()
    {
        var right = Zones.OneSide(Meridian, 20_000, LineSide.Right);

        Assert.True(Inside(right, 48.5, 37.13532), "10 km east is outside the right zone");
        Assert.True(Inside(right, 48.5, 37.26928), "19.9 km east is outside the right zone");
        Assert.False(Inside(right, 48.5, 37.27198), "20.1 km east is inside the right zone");
        Assert.False(Inside(right, 48.5, 36.86468), "10 km west is inside the right zone");
    }

    [Fact]
    public void The_sides_swap_when_the_line_is_drawn_the_other_way()
    {
        // Drawn southwards, east is on the left.
        var southwards = Meridian.Reverse().ToArray();

        Assert.True(Inside(Zones.OneSide(southwards, 20_000, LineSide.Left), 48.5, 37.13532));
        Assert.False(Inside(Zones.OneSide(southwards, 20_000, LineSide.Right), 48.5, 37.13532));
    }

    [Fact]
    public void The_two_sides_of_a_meridian_make_up_the_whole_zone_without_overlapping()
    {
        AssertSidesPartition(Meridian, 20_000);
    }

    [Fact]
    public void The_two_sides_of_a_zig_zag_make_up_the_whole_zone_without_overlapping()
    {
        AssertSidesPartition(ZigZag, 20_000);
    }

    [Fact]
    public void The_two_sides_of_the_shipped_line_of_contact_make_up_its_whole_zone_without_overlapping()
    {
        // 45 vertices turning both ways from the border north of Kharkiv to the mouth of the Dnipro: the shape the zones are drawn for.
        var line = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => f.Geometry.Coordinates.Select(c => (c.X, c.Y))).ToArray();

        AssertSidesPartition(line, 20_000);
    }

    [Fact]
    public void Points_5_km_either_side_of_a_zig_zags_middle_segment_fall_on_their_own_side()
    {
        // The middle segment runs from (37.1°E, 48.4°N) to (37.5°E, 48.55°N). In metres at its midpoint
        // (48.475°N) a degree of longitude is about 73.9 km and a degree of latitude 111.2 km; its left normal
        // is the direction (−north, east) turned from (east, north), and 5 km along either normal is well
        // inside the 20 km zone and well away from the other segments (checked below with the geodesic).
        var (a, b) = (ZigZag[2], ZigZag[3]);
        var mid = ((a.Lon + b.Lon) / 2, (a.Lat + b.Lat) / 2);
        var (perLon, perLat) = (73_900.0, 111_200.0);
        var (east, north) = ((b.Lon - a.Lon) * perLon, (b.Lat - a.Lat) * perLat);
        var length = Math.Sqrt((east * east) + (north * north));
        var (dLon, dLat) = (-north / length * 5_000 / perLon, east / length * 5_000 / perLat);
        var onLeft = (Lat: mid.Item2 + dLat, Lon: mid.Item1 + dLon);
        var onRight = (Lat: mid.Item2 - dLat, Lon: mid.Item1 - dLon);
        var left = Zones.OneSide(ZigZag, 20_000, LineSide.Left);
        var right = Zones.OneSide(ZigZag, 20_000, LineSide.Right);

        Assert.InRange(Geodesy.DistanceToLine(onLeft.Lat, onLeft.Lon, ZigZag), 4_900, 5_100);
        Assert.InRange(Geodesy.DistanceToLine(onRight.Lat, onRight.Lon, ZigZag), 4_900, 5_100);
        Assert.True(onLeft.Lat > mid.Item2 && onLeft.Lon < mid.Item1, "the left normal of a north-east segment points north-west");
        Assert.True(Inside(left, onLeft.Lat, onLeft.Lon), "the point on the left is outside the left zone");
        Assert.False(Inside(right, onLeft.Lat, onLeft.Lon), "the point on the left is inside the right zone");
        Assert.True(Inside(right, onRight.Lat, onRight.Lon), "the point on the right is outside the right zone");
        Assert.False(Inside(left, onRight.Lat, onRight.Lon), "the point on the right is inside the left zone");
    }

    [Fact]
    public void A_line_of_one_vertex_has_no_sides()
    {
        Assert.Throws<ArgumentException>(() => Zones.OneSide([(37.0, 48.0)], 20_000, LineSide.Left));
    }

    [Fact]
    public void A_distance_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Zones.OneSide(Meridian, 0, LineSide.Left));
        Assert.Throws<ArgumentOutOfRangeException>(() => Zones.OneSide(Meridian, Zones.MaxMetres + 1, LineSide.Right));
    }

    /// <summary>Left and right together cover the two-sided zone (areas within 1 %) and share no more than their common edge (less than 0.1 %).</summary>
    private static void AssertSidesPartition((double Lon, double Lat)[] baseline, double metres)
    {
        var left = Zones.OneSide(baseline, metres, LineSide.Left);
        var right = Zones.OneSide(baseline, metres, LineSide.Right);
        var around = Zones.Around(baseline, metres);

        // Areas in square degrees: all three are in the same coordinates, so their ratios are what counts.
        Assert.True(left.IsValid && right.IsValid, "a side is not a valid polygon");
        Assert.InRange((left.Area + right.Area) / around.Area, 0.99, 1.01);
        Assert.InRange(left.Union(right).Area / around.Area, 0.99, 1.01);
        var overlap = left.Intersection(right).Area;
        Assert.True(overlap < 0.001 * left.Area && overlap < 0.001 * right.Area, $"the sides overlap by {overlap / left.Area:P3} of the left");

        // Neither side is a sliver: the two halves of a line's zone are of like size.
        Assert.InRange(left.Area / right.Area, 0.5, 2);
    }
}
