using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Storage.Agreements;
using Truce.Storage.Geography;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Agreements;

/// <summary>Geography over HTTP: placement at a time, layer versions and features, import by analysts, bad input named.</summary>
public sealed class GeographyApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Theory]
    [InlineData(48.7389, 37.5844, "UA-14", "UKR")]
    [InlineData(46.8489, 35.3653, "UA-23", "RUS")]
    [InlineData(46.4825, 30.7233, "UA-51", "UKR")]
    public async Task A_point_is_placed_on_the_layers_in_force_at_the_date_asked(double lat, double lon, string oblast, string side)
    {
        var place = await (await app.Api("viewer").GetAsync(FormattableString.Invariant($"/api/v1/geography/place?lat={lat}&lon={lon}&at=2025-03-20"))).Read<PlaceView>();

        Assert.Equal((oblast, side), (place.Oblast, place.Side));
        Assert.Contains("line-of-contact@2025-03-15", place.Layers);
    }

    [Fact]
    public async Task Bad_coordinates_and_dates_are_named()
    {
        var response = await app.Api("viewer").GetAsync("/api/v1/geography/place?lat=91&lon=abc&at=15/02/2015");

        Assert.Equal(["at", "lat", "lon"], (await response.Problem(HttpStatusCode.BadRequest)).ErrorFields().Order(StringComparer.Ordinal));
        var box = await app.Api("viewer").GetAsync("/api/v1/geography/layers/1/features?bbox=40,47,36,49");
        Assert.Equal(["bbox"], (await box.Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task An_analyst_imports_a_layer_version_and_its_features_come_back_as_GeoJSON()
    {
        var analyst = app.Api("analyst");
        var geoJson = JsonNode.Parse("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"east","name":"Sector East"},"geometry":{"type":"Polygon","coordinates":[[[36,48],[37,49],[37,48],[36,49],[36,48]]]}}]}""");

        var created = await analyst.PostAsJsonAsync("/api/v1/geography/layers", new { key = "api-sectors", kind = "sectors", title = "Sectors", validFrom = "2025-04-01", geoJson }, TruceJson.Options);
        var version = await created.Read<LayerVersionView>();
        var features = JsonNode.Parse(await app.Api("viewer").GetStringAsync($"/api/v1/geography/layers/{version.Id}/features"))!["features"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("repaired", version.Repairs, StringComparison.Ordinal);
        Assert.Equal("east", features.Single()!["properties"]!["code"]!.GetValue<string>());
        Assert.Equal("MultiPolygon", features.Single()!["geometry"]!["type"]!.GetValue<string>()); // the bow tie, repaired into its two triangles
        var place = await (await app.Api("viewer").GetAsync("/api/v1/geography/place?lat=48.5&lon=36.2&at=2025-04-02")).Read<PlaceView>();
        Assert.Equal("east", place.Sector);

        var viewer = await app.Api("viewer", Core.Security.TokenScopes.Read).PostAsJsonAsync("/api/v1/geography/layers", new { key = "x" }, TruceJson.Options);
        await viewer.Problem(HttpStatusCode.Forbidden);
        var missing = await analyst.PostAsJsonAsync("/api/v1/geography/layers", new { key = "api-sectors-2", kind = "sectors", title = "Sectors", validFrom = "2025-04-01" }, TruceJson.Options);
        Assert.Equal(["geoJson"], (await missing.Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
