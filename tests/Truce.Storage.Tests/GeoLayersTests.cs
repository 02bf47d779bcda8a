using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Geography;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>Importing layer versions: checked, repaired and said, or refused with each bad feature named; versions by date; audited; round trip.</summary>
public sealed class GeoLayersTests
{
    private static readonly Principal Analyst = new("analyst", Role.Analyst, null);

    private static LayerUpload Upload(string key = "sectors", string kind = "sectors", string validFrom = "2025-03-15") =>
        new() { Key = key, Kind = kind, Title = "Test layer", ValidFrom = DateOnly.Parse(validFrom, System.Globalization.CultureInfo.InvariantCulture), Source = "drawn for a test", Licence = "free to use" };

    private static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private static string Feature(string code, string geometry) => $$"""{"type":"Feature","properties":{"code":"{{code}}","name":"Sector {{code}}"},"geometry":{{geometry}}}""";

    private const string Square = """{"type":"Polygon","coordinates":[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}""";
    private const string BowTie = """{"type":"Polygon","coordinates":[[[36,48],[37,49],[37,48],[36,49],[36,48]]]}""";

    [Fact]
    public async Task A_self_intersecting_polygon_is_repaired_and_the_repair_said_and_audited()
    {
        await using var db = await TestDatabase.CreateAsync();

        var version = Expect.Done(await db.With(s => s.GetRequiredService<GeoLayers>().ImportAsync(Analyst, Upload(), Collection(Feature("a", Square), Feature("b", BowTie)))));

        Assert.Equal(2, version.FeatureCount);
        Assert.Contains("feature 2: repaired", version.Repairs, StringComparison.Ordinal);
        var audit = await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.AsNoTracking().Where(e => e.Action == "layer.imported").ToListAsync());
        Assert.Equal("layer/sectors/2025-03-15", Assert.Single(audit).Target);
    }

    [Fact]
    public async Task A_version_with_a_feature_that_cannot_be_taken_is_refused_whole_with_the_feature_named()
    {
        await using var db = await TestDatabase.CreateAsync();
        const string Swapped = """{"type":"Polygon","coordinates":[[[48,36],[48,137],[49,137],[49,36],[48,36]]]}""";
        const string Point = """{"type":"Point","coordinates":[37,48]}""";

        var outcome = await db.With(s => s.GetRequiredService<GeoLayers>().ImportAsync(Analyst, Upload(), Collection(Feature("a", Square), Feature("b", Point), Feature("c", Swapped))));

        var errors = Expect.Invalid(outcome);
        Assert.Contains("Point", errors["geojson.features[2]"], StringComparison.Ordinal);
        Assert.Contains("not on the Earth", errors["geojson.features[3]"], StringComparison.Ordinal);
        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().LayerVersions.CountAsync()));
    }

    [Fact]
    public async Task Versions_hold_from_their_date_until_the_next_and_a_date_is_taken_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.With(async s =>
        {
            var layers = s.GetRequiredService<GeoLayers>();
            Expect.Done(await layers.ImportAsync(Analyst, Upload(validFrom: "2025-01-01"), Collection(Feature("a", Square))));
            Expect.Done(await layers.ImportAsync(Analyst, Upload(validFrom: "2025-06-01"), Collection(Feature("a", Square), Feature("b", Square))));
            Assert.Equal(OutcomeKind.Conflict, (await layers.ImportAsync(Analyst, Upload(validFrom: "2025-06-01"), Collection(Feature("a", Square)))).Kind);
            Assert.True(Expect.Invalid(await layers.ImportAsync(Analyst, Upload(kind: "oblasts", validFrom: "2025-07-01"), Collection(Feature("a", Square)))).ContainsKey("kind"));

            var versions = await layers.VersionsAsync(Analyst, "sectors");
            Assert.Equal(new DateOnly(2025, 6, 1), versions[0].ValidUntil);
            Assert.Null(versions[1].ValidUntil);
            Assert.Equal(1, (await layers.InForceAsync(Analyst, new DateOnly(2025, 3, 1))).Single().FeatureCount);
            Assert.Equal(2, (await layers.InForceAsync(Analyst, new DateOnly(2025, 6, 1))).Single().FeatureCount);
            Assert.Empty(await layers.InForceAsync(Analyst, new DateOnly(2024, 12, 31)));
            return 0;
        });
    }

    [Fact]
    public async Task Only_analysts_and_admins_import_layers()
    {
        await using var db = await TestDatabase.CreateAsync();

        var outcome = await db.With(s => s.GetRequiredService<GeoLayers>().ImportAsync(new Principal("planner", Role.Planner, null), Upload(), Collection(Feature("a", Square))));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Contains("analysts and admins", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_oblasts_make_a_round_trip_through_the_store_unchanged()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var file = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "ukraine-oblasts.geojson"));

        var stored = await db.With(async s =>
        {
            var layers = s.GetRequiredService<GeoLayers>();
            var oblasts = (await layers.VersionsAsync(TestDatabase.TestRunner, "oblasts")).Single();
            return await layers.FeaturesAsync(TestDatabase.TestRunner, oblasts.Id);
        });

        Assert.Equal(file.Count, stored.Count);
        for (var i = 0; i < file.Count; i++)
        {
            Assert.Equal(file[i].Properties["iso3166_2"], stored[i].Code);
            Assert.True(file[i].Geometry.EqualsExact(stored[i].Geometry), $"{stored[i].Code} changed in the store");
        }
    }
}
