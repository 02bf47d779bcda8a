namespace Truce.Core.Monitoring.Files;

/// <summary>
/// Where a file's columns are, read once from its header: column order is free, and ACLED's and UCDP's names
/// are matched without regard to case (exports differ). Also answers <see cref="FileRow.Locate"/> for a row
/// from a per-format map of field paths to column names, so a good row costs only its cells.
/// </summary>
internal sealed class CsvLayout
{
    private readonly Dictionary<string, int> _index;
    private readonly IReadOnlyDictionary<string, string> _columnOf;

    /// <param name="columnOf">
    /// Field path (without list index) → the column it comes from; several columns joined by "/" (their
    /// values are then joined the same way), e.g. casualties → "low/best/high"; alternatives joined by "|",
    /// of which the first the row fills is named.
    /// </param>
    public CsvLayout(int line, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> columnOf)
    {
        Line = line;
        Width = header.Count;
        _columnOf = columnOf;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _index.TryAdd(header[i].Trim(), i);
        }
    }

    /// <summary>The line the header is on.</summary>
    public int Line { get; }

    /// <summary>How many fields every row has.</summary>
    public int Width { get; }

    /// <summary>The column's place; -1 when the file has no such column.</summary>
    public int this[string column] => _index.TryGetValue(column, out var i) ? i : -1;

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>A <see cref="FileRow.Locate"/> for one row's cells.</summary>
    public Func<string, (string Column, string? Value)> Locator(IReadOnlyList<string> fields) => path => Locate(fields, path);

    private (string Column, string? Value) Locate(IReadOnlyList<string> fields, string path)
    {
        var (field, item) = Cells.Split(path);
        if (!_columnOf.TryGetValue(field, out var column) && !_columnOf.TryGetValue(path, out column))
        {
            return (path, null);
        }

        if (column.Contains('|', StringComparison.Ordinal))
        {
            // Alternatives: the first the row fills (UCDP's description is its headline, else its place's description).
            var options = column.Split('|');
            column = options.FirstOrDefault(c => this[c] is var i and >= 0 && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i])) ?? options[0];
        }

        var columns = column.Split('/');
        var values = columns.Select(c => this[c] is var i and >= 0 && i < fields.Count ? fields[i] : null).ToArray();
        var value = columns.Length == 1 ? values[0] : values.All(v => v is null) ? null : string.Join("/", values);
        if (item >= 0 && value is not null)
        {
            var items = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            value = item < items.Length ? items[item] : null;
        }

        return (column, Cells.Shown(value));
    }

    /// <summary>A row whose field count differs from the header's: its quoting is broken, or it was cut.</summary>
    public Rejection? CheckWidth(int line, IReadOnlyList<string> fields) =>
        fields.Count == Width ? null
        : new Rejection(line, "row", $"Expected {Width} fields, as the header names; this row has {fields.Count} (a stray comma or quote, or a cut line?).", Cells.Shown(string.Join(",", fields)));

    /// <summary>A blank line between records: skipped, as spreadsheets write them.</summary>
    public static bool IsBlank(IReadOnlyList<string> fields) => fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);
}
