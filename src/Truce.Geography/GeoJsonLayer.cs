using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Truce.Geography;

/// <summary>A layer's features as read from a GeoJSON file (RFC 7946: longitude, latitude, WGS 84).</summary>
public static class GeoJsonLayer
{
    /// <summary>The folder of the geography shipped with Truce (data/geo, copied beside the program).</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "data", "geo");

    /// <summary>System.Text.Json with NetTopologySuite's GeoJSON converters: the one set of options for every GeoJSON Truce reads or writes.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Each feature's geometry and the named property (as text; null where absent).</summary>
    public static IReadOnlyList<(Geometry Geometry, IReadOnlyDictionary<string, string?> Properties)> Read(string path)
    {
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} holds no GeoJSON feature collection.");
        return collection.Select(f => (f.Geometry, (IReadOnlyDictionary<string, string?>)f.Attributes.GetNames().ToDictionary(n => n, n => f.Attributes[n]?.ToString(), StringComparer.Ordinal))).ToList();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
