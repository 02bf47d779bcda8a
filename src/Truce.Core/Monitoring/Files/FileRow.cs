namespace Truce.Core.Monitoring.Files;

/// <summary>
/// One row of an observation file as read, before any rule is applied: where it is, what it says, and what
/// could not be read. A row with <see cref="Rejections"/> must not be taken in; its <see cref="Input"/> then
/// still holds what could be read (each field at fault left null), so the rules can name the other faults
/// in the same pass.
/// </summary>
public sealed class FileRow
{
    /// <summary>
    /// The line a CSV or NDJSON row starts on (what a spreadsheet user looks for, a quoted line break
    /// included); for a JSON array element or a GeoJSON feature, its place from 1; 0 for the file as a whole.
    /// </summary>
    public required int Row { get; init; }

    /// <summary>What the row says; null when it could not be read at all (not JSON, a type error, a header fault).</summary>
    public ObservationInput? Input { get; init; }

    /// <summary>The row withdraws the report its source and id name (ACLED's deletions, UCDP's "Deleted"); <see cref="Input"/> then holds only those two.</summary>
    public bool Withdraws { get; init; }

    /// <summary>What could not be read, each with the file's own column name and the value seen.</summary>
    public List<Rejection> Rejections { get; } = [];

    /// <summary>
    /// Names a field path as <see cref="ObservationRules"/> reports it (<c>lat</c>, <c>sector.maxMetres</c>,
    /// <c>attachments[2]</c>) in the file's own terms: its column (<c>latitude</c> in ACLED) and the text the row
    /// held there, cut to 80 characters. Costs nothing until called: it keeps the row's cells or line and finds
    /// the value only when asked, since most rows are never asked.
    /// </summary>
    public required Func<string, (string Column, string? Value)> Locate { get; init; }
}
