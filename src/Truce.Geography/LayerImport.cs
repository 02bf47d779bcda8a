using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Truce.Geography;

/// <summary>What a layer holds: areas (oblasts, raions, the control area, sectors, zones) or a line (the line of contact, a baseline).</summary>
public enum Shape
{
    Areas,
    Line,
}

/// <summary>A feature taken in, with what was repaired in it (null when nothing was).</summary>
public sealed record ImportedFeature(int Index, Geometry Geometry, IReadOnlyDictionary<string, string?> Properties, string? Repaired);

/// <summary>A feature left out, and why, in words an analyst can act on.</summary>
public sealed record RejectedFeature(int Index, string Reason);

public sealed record LayerImportResult(IReadOnlyList<ImportedFeature> Features, IReadOnlyList<RejectedFeature> Rejected);

/// <summary>
/// A GeoJSON layer as analysts bring it (RFC 7946: longitude, latitude): each feature checked for the
/// layer's kind, for coordinates on the Earth (and the swapped latitude and longitude that puts Ukraine in
/// the Indian Ocean), and for valid geometry — a self-intersecting or badly ringed polygon is repaired
/// (NetTopologySuite's GeometryFixer) and the repair said; what cannot be taken is rejected with the
/// reason, by its place in the file (features counted from 1).
/// </summary>
public static class LayerImport
{
    private static JsonSerializerOptions Options => GeoJsonLayer.Options;

    public static LayerImportResult Read(string json, Shape kind)
    {
        FeatureCollection collection;
        try
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(json, Options) ?? throw new InvalidDataException("The file holds no GeoJSON feature collection.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a GeoJSON feature collection: {e.Message}", e);
        }

        var taken = new List<ImportedFeature>();
        var rejected = new List<RejectedFeature>();
        for (var i = 0; i < collection.Count; i++)
        {
            var feature = collection[i];
            var index = i + 1;
            var properties = feature.Attributes is null
                ? new Dictionary<string, string?>()
                : feature.Attributes.GetNames().ToDictionary(n => n, n => feature.Attributes[n]?.ToString(), StringComparer.Ordinal);
            var (geometry, repaired, reason) = Check(feature.Geometry, kind);
            if (reason is not null)
            {
                rejected.Add(new RejectedFeature(index, reason));
            }
            else
            {
                taken.Add(new ImportedFeature(index, geometry!, properties, repaired));
            }
        }

        return new LayerImportResult(taken, rejected);
    }

    /// <summary>One GeoJSON geometry (a provision's area), checked as a feature of a layer of <paramref name="kind"/> is.</summary>
    /// <returns>The geometry (repaired when it had to be), or null with the reason it cannot be taken.</returns>
    public static (Geometry? Geometry, string? Reason) ReadGeometry(JsonElement json, Shape kind)
    {
        Geometry? geometry;
        try
        {
            geometry = json.Deserialize<Geometry>(Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return (null, "not a GeoJSON geometry ({\"type\": \"Polygon\", \"coordinates\": [[[lon, lat], …]]})");
        }

        var (taken, _, reason) = Check(geometry, kind);
        if (taken is not null)
        {
            taken.SRID = 4326;
        }

        return (taken, reason);
    }

    /// <summary>The features as GeoJSON, properties as text.</summary>
    public static string Write(IEnumerable<(Geometry Geometry, IReadOnlyDictionary<string, string?> Properties)> features)
    {
        var collection = new FeatureCollection();
        foreach (var (geometry, properties) in features)
        {
            var attributes = new AttributesTable();
            foreach (var (name, value) in properties)
            {
                attributes.Add(name, value);
            }

            collection.Add(new Feature(geometry, attributes));
        }

        return JsonSerializer.Serialize(collection, Options);
    }

    private static (Geometry? Geometry, string? Repaired, string? Reason) Check(Geometry? geometry, Shape kind)
    {
        if (geometry is null || geometry.IsEmpty)
        {
            return (null, null, "it has no geometry");
        }

        var wanted = kind == Shape.Areas ? geometry is Polygon or MultiPolygon : geometry is LineString or MultiLineString;
        if (!wanted)
        {
            return (null, null, $"it is a {geometry.GeometryType}; a layer of {(kind == Shape.Areas ? "areas takes Polygon or MultiPolygon" : "lines takes LineString or MultiLineString")}");
        }

        if (geometry.Coordinates.FirstOrDefault(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90) is { } outside)
        {
            var swapped = Math.Abs(outside.Y) > 90 && Math.Abs(outside.X) <= 90 ? " — latitude and longitude look swapped: GeoJSON gives longitude first" : string.Empty;
            return (null, null, $"the point ({At(outside)}) is not on the Earth: longitude must be within ±180 and latitude within ±90{swapped}");
        }

        var problem = new IsValidOp(geometry).ValidationError;
        if (problem is null)
        {
            return (geometry, null, null);
        }

        var fixedGeometry = GeometryFixer.Fix(geometry);
        var said = $"{problem.Message} at ({At(problem.Coordinate)})";
        return fixedGeometry.IsEmpty || !fixedGeometry.IsValid || (kind == Shape.Areas && fixedGeometry is not (Polygon or MultiPolygon))
            ? (null, null, $"its geometry is invalid ({said}) and could not be repaired into {(kind == Shape.Areas ? "an area" : "a line")}")
            : (fixedGeometry, $"repaired: {said}", null);
    }

    private static string At(Coordinate c) => string.Create(CultureInfo.InvariantCulture, $"{c.X:0.#####}, {c.Y:0.#####}");
}
