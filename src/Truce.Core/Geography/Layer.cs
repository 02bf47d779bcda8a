using NetTopologySuite.Geometries;
using Truce.Core.Security;

namespace Truce.Core.Geography;

/// <summary>What a layer shows. Lines are the line of contact and other baselines; everything else is areas.</summary>
public enum LayerKind
{
    Oblasts,
    Raions,
    LineOfContact,
    ControlArea,
    Sectors,
    MaritimeZones,

    /// <summary>A line a provision measures from that is not the line of contact (Minsk's line of 19 Sep 2014).</summary>
    Baseline,
}

/// <summary>
/// One version of a layer: the features of the layer named <see cref="Key"/> as they stood from
/// <see cref="ValidFrom"/> until the next version. Placement at a date uses, for each layer, the latest version
/// valid on that date, so the line of contact of March 2025 never judges an observation of 2015.
/// </summary>
public sealed class LayerVersion : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public int Id { get; set; }

    /// <summary>The layer this is a version of, kebab-case: <c>line-of-contact</c>, <c>oblasts</c>.</summary>
    public required string Key { get; set; }

    public LayerKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>Where the geometry comes from and how good it is ("hand-drawn, accurate to 10–20 km").</summary>
    public string? Source { get; set; }

    public string? Licence { get; set; }

    public int FeatureCount { get; set; }

    /// <summary>What the import repaired, in words; null when nothing was.</summary>
    public string? Repairs { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public required string ImportedBy { get; set; }

    public static bool IsLine(LayerKind kind) => kind is LayerKind.LineOfContact or LayerKind.Baseline;
}

/// <summary>
/// One feature of a layer version: its code (ISO 3166-2 for oblasts, KATOTTH for raions), name, the other
/// properties as JSON, its geometry in WGS 84 and the bounding box (indexed, so a store without spatial
/// types can still find the features near a point).
/// </summary>
public sealed class LayerFeature : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public long Id { get; set; }

    public int LayerVersionId { get; set; }

    /// <summary>Its place in the imported file, from 1.</summary>
    public int Index { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    /// <summary>For a line: the party whose side lies to the left of the line as drawn (<c>left</c> property), used by one-sided zones.</summary>
    public string? LeftParty { get; set; }

    public string? RightParty { get; set; }

    public string PropertiesJson { get; set; } = "{}";

    public required Geometry Geometry { get; set; }

    public double MinLon { get; set; }

    public double MinLat { get; set; }

    public double MaxLon { get; set; }

    public double MaxLat { get; set; }
}
