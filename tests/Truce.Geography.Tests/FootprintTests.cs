using NetTopologySuite.Geometries;
using Truce.Core.Geography;

namespace Truce.Geography.Tests;

/// <summary>An observation's footprint — a point, a disc, an observer's bearing sector — against a zone.</summary>
public sealed class FootprintTests
{
    // A 20 km zone west of the meridian 37° E between 48° and 49° N (the line drawn north, so west is its left).
    private static readonly Geometry West = Zones.OneSide([(37.0, 48.0), (37.0, 49.0)], 20_000, LineSide.Left);

    [Fact]
    public void A_point_a_disc_inside_and_a_disc_across_the_border_are_told_apart()
    {
        // 1° of longitude at 48.5° N is about 73.9 km: 36.865° E is 10 km west of the meridian.
        Assert.Equal(ZoneRelation.Inside, Footprint.Against(Footprint.Around(48.5, 36.865), West));
        Assert.Equal(ZoneRelation.Inside, Footprint.Against(Footprint.Around(48.5, 36.865, 5_000), West));
        Assert.Equal(ZoneRelation.Straddles, Footprint.Against(Footprint.Around(48.5, 36.865, 15_000), West));
        Assert.Equal(ZoneRelation.Outside, Footprint.Against(Footprint.Around(48.5, 37.2), West));
    }

    [Fact]
    public void An_observers_sector_is_judged_whole()
    {
        // From 30 km west of the meridian, looking east (60°–120°): 2–8 km off lies 22–28 km west, outside the
        // 20 km zone; 5–15 km off crosses its border at 20 km west.
        var observer = (Lat: 48.5, Lon: 37.0 - (30.0 / 73.9));

        Assert.Equal(ZoneRelation.Outside, Footprint.Against(Footprint.Sector(observer.Lat, observer.Lon, 80, 100, 2_000, 8_000), West));
        Assert.Equal(ZoneRelation.Straddles, Footprint.Against(Footprint.Sector(observer.Lat, observer.Lon, 60, 120, 5_000, 15_000), West));
        Assert.Equal(ZoneRelation.Inside, Footprint.Against(Footprint.Sector(observer.Lat, observer.Lon, 80, 100, 12_000, 18_000), West));
    }

    [Fact]
    public void A_sector_across_north_is_the_short_way_round()
    {
        var sector = Footprint.Sector(48.5, 37.0, 350, 10, 1_000, 5_000);

        Assert.InRange(sector.EnvelopeInternal.Width, 0.005, 0.03); // about 1.7 km wide at 5 km, not a whole ring
        Assert.True(sector.EnvelopeInternal.MinY > 48.5);
    }

    [Fact]
    public void A_disc_judged_by_its_distance_to_the_edges_agrees_with_the_drawn_disc()
    {
        var zone = new PreparedZone(West);
        var random = new Random(11);
        var compared = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var (lat, lon, radius) = (47.8 + (random.NextDouble() * 1.4), 36.4 + (random.NextDouble() * 1.0), random.NextDouble() * 10_000);
            var drawn = Footprint.Against(Footprint.Around(lat, lon, radius), West);
            var measured = zone.AgainstDisc(lat, lon, radius);

            // Only a disc whose rim lies within half a per cent of an edge may be told differently (the polygon is inscribed).
            var rim = Footprint.Against(Footprint.Around(lat, lon, radius * 1.005), West) != Footprint.Against(Footprint.Around(lat, lon, radius * 0.995), West);
            if (!rim)
            {
                Assert.Equal(drawn, measured);
                compared++;
            }
        }

        Assert.True(compared > 2_900, $"{compared} discs compared");
    }

    [Fact]
    public void A_radius_or_range_past_100_km_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Footprint.Around(48.5, 37, 150_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Footprint.Sector(48.5, 37, 0, 90, 5_000, 1_000));
    }
}
