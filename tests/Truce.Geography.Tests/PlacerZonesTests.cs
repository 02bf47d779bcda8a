using NetTopologySuite.Geometries;

namespace Truce.Geography.Tests;

/// <summary>
/// Placement with zones and sectors, on tiny synthetic layers whose answers can be read off a sketch:
///
/// <code>
///  lon  37.0      37.2   37.3   37.5   37.6   37.8   38.0
///        | raion UA14…      |  (oblast UA-14 only)      |   48°–49°N
///        |          [ zone-b: 37.2–37.8            ]     |
///        |    [ zone-a: 37.1–37.6       ]                |
///        |                  | line 37.5 | control 37.5–38.0 (RUS)
///        | sector S-north 48.5–49°N; S-south 48–48.5°N   |
/// </code>
/// </summary>
public sealed class PlacerZonesTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Box(double west, double south, double east, double north) =>
        Factory.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);

    private static readonly (string Code, Geometry Area)[] Oblasts = [("UA-14", Box(37.0, 48.0, 38.0, 49.0))];

    private static readonly (string Code, Geometry Area)[] Raions = [("UA14160000000000000", Box(37.0, 48.0, 37.3, 49.0))];

    private static readonly Geometry[] Controlled = [Box(37.5, 48.0, 38.0, 49.0)];

    private static readonly Geometry[] Lines = [Factory.CreateLineString([new(37.5, 48.0), new(37.5, 49.0)])];

    // Given b before a, so that an answer in the order given differs from one in alphabetical order.
    private static readonly (string Name, Geometry Area)[] Zones = [("zone-b", Box(37.2, 48.0, 37.8, 49.0)), ("zone-a", Box(37.1, 48.0, 37.6, 49.0))];

    private static readonly (string Code, Geometry Area)[] Sectors = [("S-north", Box(37.0, 48.5, 38.0, 49.0)), ("S-south", Box(37.0, 48.0, 38.0, 48.5))];

    private static Placer Make(IEnumerable<Geometry>? controlled = null, IEnumerable<(string Name, Geometry Area)>? zones = null) =>
        new(Oblasts, Raions, controlled, Lines, zones ?? Zones, Sectors);

    [Fact]
    public void A_point_in_two_zones_gets_both_in_the_order_they_were_given()
    {
        var place = Make(Controlled).Locate(48.7, 37.4);

        Assert.Equal(["zone-b", "zone-a"], place.Zones);
    }

    [Fact]
    public void Given_in_the_other_order_the_zones_come_back_in_that_order()
    {
        var place = Make(Controlled, Zones.Reverse()).Locate(48.7, 37.4);

        Assert.Equal(["zone-a", "zone-b"], place.Zones);
    }

    [Theory]
    [InlineData(37.15, new[] { "zone-a" })]
    [InlineData(37.7, new[] { "zone-b" })]
    [InlineData(37.05, new string[0])]
    [InlineData(37.9, new string[0])]
    public void A_point_gets_only_the_zones_that_hold_it(double lon, string[] zones)
    {
        Assert.Equal(zones, Make(Controlled).Locate(48.7, lon).Zones);
    }

    [Fact]
    public void An_empty_zone_is_left_out()
    {
        // A one-sided zone can come out empty; it must not take a name in the list or shift the others.
        var placer = Make(Controlled, [("nothing", Factory.CreatePolygon()), .. Zones]);

        Assert.Equal(["zone-b", "zone-a"], placer.ZoneNames);
        Assert.Equal(["zone-b", "zone-a"], placer.Locate(48.7, 37.4).Zones);
    }

    [Theory]
    [InlineData(48.7, "S-north")]
    [InlineData(48.2, "S-south")]
    public void A_point_gets_the_code_of_its_sector(double lat, string sector)
    {
        Assert.Equal(sector, Make(Controlled).Locate(lat, 37.4).Sector);
    }

    [Fact]
    public void Outside_every_sector_there_is_no_sector()
    {
        Assert.Null(Make(Controlled).Locate(49.5, 37.4).Sector);
    }

    [Fact]
    public void Without_a_sector_layer_there_is_no_sector()
    {
        var placer = new Placer(Oblasts, Raions, Controlled, Lines, Zones);

        Assert.Null(placer.Locate(48.7, 37.4).Sector);
    }

    [Theory]
    [InlineData(37.4, "UKR")]
    [InlineData(37.7, "RUS")]
    public void With_a_control_area_a_point_in_Ukraine_gets_its_side(double lon, string side)
    {
        Assert.Equal(side, Make(Controlled).Locate(48.7, lon).Side);
    }

    [Theory]
    [InlineData(37.4)]
    [InlineData(37.7)]
    public void Without_a_control_area_no_point_gets_a_side(double lon)
    {
        var place = Make(controlled: null).Locate(48.7, lon);

        Assert.Null(place.Side);
        Assert.Equal("UA-14", place.Oblast); // it is still placed in its oblast: only the side is unknown
    }

    [Fact]
    public void The_oblast_comes_from_the_raion_where_one_holds_the_point_and_from_the_oblast_layer_elsewhere()
    {
        var placer = Make(Controlled);

        var inRaion = placer.Locate(48.7, 37.1);
        var beyond = placer.Locate(48.7, 37.4);

        Assert.Equal(("UA-14", "UA14160000000000000"), (inRaion.Oblast, inRaion.Raion));
        Assert.Equal(("UA-14", (string?)null), (beyond.Oblast, beyond.Raion));
    }

    [Fact]
    public void The_distance_to_the_line_is_measured_on_the_ground()
    {
        // 0.1° of longitude at 48.7°N: (π/180) · N · cos 48.7° · 0.1 with N = a / √(1 − e² sin² 48.7°) = 6,390,220 m is 7,361 m.
        Assert.Equal(7.361, Make(Controlled).Locate(48.7, 37.4).LineDistanceKm!.Value, 0.01);
    }
}
