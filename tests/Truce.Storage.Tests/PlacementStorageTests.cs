using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Agreements;
using Truce.Storage.Geography;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// Placement on the layers as stored — PostGIS geometry on PostgreSQL, WKB on SQLite — gives the answers the
/// same layers give read straight from their files, on known towns and on thousands of random points; the
/// store's box filter agrees with the exact test; and the agreements in force draw their zones by date.
/// Runs on each test store (see TestStore), so the two stores are held to one answer.
/// </summary>
public sealed class PlacementStorageTests
{
    private static readonly DateTimeOffset March2025 = new(2025, 3, 20, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Kramatorsk", 48.7389, 37.5844, "UA-14", "UKR")]
    [InlineData("Pokrovsk", 48.2820, 37.1760, "UA-14", "UKR")]
    [InlineData("Melitopol", 46.8489, 35.3653, "UA-23", "RUS")]
    [InlineData("Kherson", 46.6354, 32.6169, "UA-65", "UKR")]
    [InlineData("Odesa", 46.4825, 30.7233, "UA-51", "UKR")]
    [InlineData("Kyiv", 50.4501, 30.5234, "UA-32", "UKR")]
    public async Task Known_towns_fall_in_their_oblast_on_their_side_on_the_stored_layers(string town, double lat, double lon, string oblast, string side)
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var place = await db.With(async s =>
        {
            var (placer, _) = await s.GetRequiredService<Placements>().AtAsync(TestDatabase.TestRunner, March2025);
            return placer.Locate(lat, lon);
        });

        Assert.True(place.Oblast == oblast && place.Side == side, $"{town}: {place}");
    }

    [Fact]
    public async Task The_stored_layers_place_random_points_exactly_as_the_shipped_files_do()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var shipped = Placer.Shipped();
        var random = new Random(20250320);
        var points = Enumerable.Range(0, 3000).Select(_ => (Lat: 44.3 + (random.NextDouble() * 8.2), Lon: 22.1 + (random.NextDouble() * 18.2)))
            .Concat(Enumerable.Range(0, 1000).Select(_ => (Lat: 46.5 + (random.NextDouble() * 4), Lon: 35 + (random.NextDouble() * 4))))
            .ToList();

        var (stored, basis) = await db.With(s => s.GetRequiredService<Placements>().AtAsync(TestDatabase.TestRunner, March2025));

        Assert.Equal(["oblasts@2000-01-01", "raions@2020-07-17", "control-area@2025-03-15", "line-of-contact@2025-03-15"], basis.Layers.Select(v => $"{v.Key}@{v.ValidFrom:yyyy-MM-dd}"));
        var differences = points.Select(p => (p, From: stored.Locate(p.Lat, p.Lon), Files: shipped.Locate(p.Lat, p.Lon)))
            .Where(x => x.From.Oblast != x.Files.Oblast || x.From.Raion != x.Files.Raion || x.From.Side != x.Files.Side || x.From.LineDistanceKm != x.Files.LineDistanceKm)
            .Select(x => $"{x.p}: stored {x.From}, files {x.Files}").Take(5).ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task A_box_filter_in_the_store_finds_exactly_the_raions_an_exact_test_finds()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var box = new Envelope(36.5, 38.5, 47.5, 49.0); // the Donbas, west to east, south to north

        var (near, all) = await db.With(async s =>
        {
            var layers = s.GetRequiredService<GeoLayers>();
            var raions = (await layers.VersionsAsync(TestDatabase.TestRunner, "raions"))[0];
            return (await layers.FeaturesAsync(TestDatabase.TestRunner, raions.Id, box), await layers.FeaturesAsync(TestDatabase.TestRunner, raions.Id));
        });

        var exact = all.Where(f => f.Geometry.Intersects(new GeometryFactory().ToGeometry(box))).Select(f => f.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(126, all.Count);
        Assert.InRange(exact.Count, 5, 40);
        Assert.Equal(exact, near.Select(f => f.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Minsk_II_draws_each_sides_zones_from_its_own_line_while_it_is_in_force()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        async Task<Place> At(DateTimeOffset at, double lat, double lon) => await db.With(async s =>
        {
            var (placer, _) = await s.GetRequiredService<Placements>().AtAsync(TestDatabase.TestRunner, at);
            return placer.Locate(lat, lon);
        });

        var march2015 = new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // West of Donetsk, on the Ukrainian side, 8.5 km from the 2015 line: inside every Ukrainian zone.
        var west = await At(march2015, 48.1, 37.6);
        Assert.Equal(["minsk-ii/2/UKR/artillery-100mm-plus", "minsk-ii/2/UKR/mlrs", "minsk-ii/2/UKR/mlrs-heavy-tactical-missiles"], west.Zones);

        // East of Donetsk, on the other side: the formations' zones, measured from the line of September 2014.
        var east = await At(march2015, 48.05, 38.0);
        Expect.All(east.Zones, z => Assert.StartsWith("minsk-ii/2/donbas-formations/", z, StringComparison.Ordinal));
        Assert.Equal(3, east.Zones.Count);

        // After the addendum came into force its 15 km zones join; after Minsk collapsed, no zone holds.
        var november2015 = await At(new DateTimeOffset(2015, 11, 1, 0, 0, 0, TimeSpan.Zero), 48.1, 37.6);
        Assert.Contains("minsk-ii-addendum/1/UKR/tanks", november2015.Zones);
        Assert.Empty((await At(new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero), 48.1, 37.6)).Zones);
    }

    [Fact]
    public async Task Placement_at_a_date_uses_the_line_then_in_force()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var (in2015, basis2015) = await db.With(s => s.GetRequiredService<Placements>().AtAsync(TestDatabase.TestRunner, new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        var (in2025, _) = await db.With(s => s.GetRequiredService<Placements>().AtAsync(TestDatabase.TestRunner, March2025));

        // Kramatorsk was some 60 km from the front in 2015 and about 25 km in March 2025 (illustrative lines).
        var then = in2015.Locate(48.7389, 37.5844);
        var now = in2025.Locate(48.7389, 37.5844);
        Assert.Contains("line-of-contact@2015-02-15", basis2015.Layers.Select(v => $"{v.Key}@{v.ValidFrom:yyyy-MM-dd}"));
        Assert.InRange(then.LineDistanceKm!.Value, 45, 80);
        Assert.InRange(now.LineDistanceKm!.Value, 15, 35);
        Assert.Null(then.Raion); // the raions of the 2020 reform did not exist yet
        Assert.Null(then.Side);  // and no control area is held for 2015
    }

    [Fact]
    public async Task A_reader_who_may_not_see_a_layer_is_placed_without_it()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var gbr = new Principal("analyst-gbr", Role.Analyst, "GBR");
        var fra = new Principal("analyst-fra", Role.Analyst, "FRA");
        const string Sectors = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"sector-east"},"geometry":{"type":"Polygon","coordinates":[[[36,48],[39,48],[39,50],[36,50],[36,48]]]}}]}""";
        Expect.Done(await db.With(s => s.GetRequiredService<GeoLayers>().ImportAsync(
            gbr,
            new LayerUpload { Key = "sectors", Kind = "sectors", Title = "Sectors (REL TO GBR)", ValidFrom = new DateOnly(2025, 1, 1), Marking = new Core.Security.MarkingInput { Level = "rel-to", RelTo = ["GBR"] } },
            Sectors)));

        var forGbr = await db.With(async s => (await s.GetRequiredService<Placements>().AtAsync(gbr, March2025)).Placer.Locate(48.7389, 37.5844), gbr);
        var forFra = await db.With(async s => (await s.GetRequiredService<Placements>().AtAsync(fra, March2025)).Placer.Locate(48.7389, 37.5844), fra);

        Assert.Equal("sector-east", forGbr.Sector);
        Assert.Null(forFra.Sector);
    }
}
