using Truce.Core.Common;
using Truce.Core.Geography;

namespace Truce.Storage.Geography;

/// <summary>A layer version as readers see it; <see cref="ValidUntil"/> is the next version's valid-from, when there is one.</summary>
public sealed record LayerVersionView(
    int Id,
    string Key,
    string Kind,
    string Title,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    string? Source,
    string? Licence,
    int FeatureCount,
    string? Repairs,
    DateTime ImportedAtUtc,
    string ImportedBy,
    string Marking)
{
    public static LayerVersionView From(LayerVersion v, DateOnly? until) => new(
        v.Id, v.Key, Kebab.Of(v.Kind), v.Title, v.ValidFrom, until, v.Source, v.Licence, v.FeatureCount, v.Repairs, v.ImportedAtUtc, v.ImportedBy, v.Marking.ToString());
}

/// <summary>
/// A new layer version as an analyst sends it: what it is and from when it holds. The API sends the GeoJSON
/// in it (<see cref="GeoJson"/>); the page, the CLI and the demo data send a file's text beside it.
/// </summary>
public sealed class LayerUpload
{
    public string? Key { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public string? Source { get; set; }

    public string? Licence { get; set; }

    public Core.Security.MarkingInput? Marking { get; set; }

    /// <summary>A GeoJSON FeatureCollection in WGS 84 (longitude, latitude), when sent in the request.</summary>
    public System.Text.Json.JsonElement? GeoJson { get; set; }
}
