using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Geography;
using Truce.Geography;
using Truce.Storage.Agreements;

namespace Truce.Web.Api;

/// <summary>Layers and zones as GeoJSON (RFC 7946, <c>application/geo+json</c>), for the map and for analysts' tools.</summary>
public static class GeoJsonResults
{
    public const string MediaType = "application/geo+json";

    public static ContentHttpResult Features(IEnumerable<LayerFeature> features) => Result(LayerImport.Write(features.Select(f => (f.Geometry, (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
    {
        ["index"] = f.Index.ToString(CultureInfo.InvariantCulture),
        ["code"] = f.Code,
        ["name"] = f.Name,
        ["left"] = f.LeftParty,
        ["right"] = f.RightParty,
    }))));

    public static ContentHttpResult Zones(IEnumerable<Zone> zones) => Result(LayerImport.Write(zones.Select(z => (z.Area, (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
    {
        ["name"] = z.Name,
        ["agreement"] = z.Agreement,
        ["provision"] = z.Provision.ToString(CultureInfo.InvariantCulture),
        ["actor"] = z.Actor,
        ["weaponClass"] = z.WeaponClass,
        ["distanceKm"] = z.DistanceKm?.ToString("0.###", CultureInfo.InvariantCulture),
        ["layer"] = z.Layer,
        ["side"] = z.Side,
    }))));

    private static ContentHttpResult Result(string json) => TypedResults.Text(json, MediaType, Encoding.UTF8);
}
