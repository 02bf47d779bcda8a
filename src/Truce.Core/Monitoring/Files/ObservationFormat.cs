namespace Truce.Core.Monitoring.Files;

/// <summary>The shapes of observation file Truce reads (<see cref="ObservationFiles"/>).</summary>
public enum ObservationFormat
{
    /// <summary>One <see cref="ObservationInput"/> as a JSON object a line.</summary>
    Ndjson,

    /// <summary>A JSON array of <see cref="ObservationInput"/> objects.</summary>
    Json,

    /// <summary>Truce's own CSV columns, named as <see cref="ObservationInput"/>'s fields.</summary>
    Csv,

    /// <summary>An ACLED event export (2024 columns), or an ACLED deletions file.</summary>
    Acled,

    /// <summary>A UCDP GED CSV (49 columns).</summary>
    Ucdp,

    /// <summary>A GeoJSON FeatureCollection of Point features whose properties are <see cref="ObservationInput"/> fields.</summary>
    GeoJson,
}
