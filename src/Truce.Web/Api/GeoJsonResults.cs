using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Geography;
using Truce.Geography;
using Truce.Storage.Agreements;
using Truce.Storage.Monitoring;

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

    /// <summary>
    /// The map's observations as points, written straight to JSON (no geometry objects: the map asks for up to
    /// 5,000 at every move). Foreign members on the collection (RFC 7946 §6.1) say whether the limit cut it short.
    /// </summary>
    public static ContentHttpResult Observations(ObservationMap map)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + (map.Points.Count * 220));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteBoolean("truncated", map.Truncated);
            json.WriteNumber("limit", map.Limit);
            json.WriteNumber("count", map.Points.Count);
            json.WriteStartArray("features");
            foreach (var p in map.Points)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteNumber("id", p.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(p.Lon);
                json.WriteNumberValue(p.Lat);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteNumber("id", p.Id);
                json.WriteString("type", p.Type);
                json.WriteString("observedFrom", p.ObservedFrom.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("source", p.Source);
                if (p.Side is null)
                {
                    json.WriteNull("side");
                }
                else
                {
                    json.WriteString("side", p.Side);
                }

                json.WriteString("verdict", p.Verdict);
                json.WriteNumber("count", p.Count);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Result(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static ContentHttpResult Result(string json) => TypedResults.Text(json, MediaType, Encoding.UTF8);
}
