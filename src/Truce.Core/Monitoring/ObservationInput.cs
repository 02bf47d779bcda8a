using Truce.Core.Security;

namespace Truce.Core.Monitoring;

/// <summary>An observation as a feed, a file row or a monitor's form sends it; <see cref="ObservationRules"/> checks it.</summary>
public sealed class ObservationInput
{
    public string? Source { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset? ObservedFrom { get; set; }

    /// <summary>The end of the window; the start when left out.</summary>
    public DateTimeOffset? ObservedTo { get; set; }

    public string? Type { get; set; }

    public int? Count { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public double? RadiusMetres { get; set; }

    public SectorInput? Sector { get; set; }

    public string? Weapon { get; set; }

    public int? CalibreMm { get; set; }

    public string? Target { get; set; }

    public string? Direction { get; set; }

    public string? ClaimedBy { get; set; }

    public CasualtiesInput? Casualties { get; set; }

    public List<string?>? Attachments { get; set; }

    /// <summary>The Admiralty grading, e.g. "B2".</summary>
    public string? Grading { get; set; }

    public string? Description { get; set; }

    public MarkingInput? Marking { get; set; }

    /// <summary>
    /// The original this report repeats (a channel reposting another's post: its address or id), so
    /// corroboration counts them once. Left out of the content hash when absent, so reports sent before it
    /// existed keep their hashes.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Origin { get; set; }
}

public sealed class SectorInput
{
    public double? FromBearing { get; set; }

    public double? ToBearing { get; set; }

    public double? MinMetres { get; set; }

    public double? MaxMetres { get; set; }
}

public sealed class CasualtiesInput
{
    public int? Best { get; set; }

    public int? Low { get; set; }

    public int? High { get; set; }
}
