namespace Truce.Core.Monitoring.Files;

/// <summary>
/// One row of a file or batch: where it is (the line it starts on, or its place from 1), what it says, whether it
/// withdraws a report (a deleted row: <see cref="Input"/> then holds only the source and external id), what was
/// wrong while reading it, and how to name a rules error in the file's own terms.
/// </summary>
public sealed class FileRow
{
    public required int Row { get; init; }

    /// <summary>What the row says; null when it could not be read at all.</summary>
    public ObservationInput? Input { get; init; }

    public bool Withdraws { get; init; }

    /// <summary>What was wrong while reading the row (a bad date, a bad number), in the file's own columns.</summary>
    public List<Rejection> Rejections { get; } = [];

    /// <summary>
    /// The file's own column for a field of <see cref="ObservationInput"/> as <see cref="ObservationRules"/>
    /// names it (<c>lat</c> → <c>latitude</c> in an ACLED file), and the value the row held there.
    /// </summary>
    public required Func<string, (string Column, string? Value)> Locate { get; init; }
}
