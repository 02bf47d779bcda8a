using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Monitoring.Files;

/// <summary>
/// Truce's own CSV: one column per <see cref="ObservationInput"/> field, the nested ones flattened
/// (<c>sectorMaxMetres</c>, <c>casualtiesBest</c>, <c>markingLevel</c>), lists separated by ";". Column order
/// is free and unknown columns are ignored, so a spreadsheet with a notes column of its own still reads; a
/// header naming none of these columns is refused, since then nothing at all would be read.
/// </summary>
internal static class TruceCsv
{
    public static readonly string[] Columns =
    [
        "source", "externalId", "observedFrom", "observedTo", "type", "count", "lat", "lon", "radiusMetres",
        "sectorFromBearing", "sectorToBearing", "sectorMinMetres", "sectorMaxMetres", "weapon", "calibreMm", "target",
        "direction", "claimedBy", "casualtiesBest", "casualtiesLow", "casualtiesHigh", "attachments", "grading",
        "description", "markingLevel", "markingRelTo", "origin",
    ];

    private const int Source = 0, ExternalId = 1, ObservedFrom = 2, ObservedTo = 3, Type = 4, Count = 5, Lat = 6, Lon = 7, RadiusMetres = 8;
    private const int SectorFromBearing = 9, SectorToBearing = 10, SectorMinMetres = 11, SectorMaxMetres = 12, Weapon = 13, CalibreMm = 14, Target = 15;
    private const int Direction = 16, ClaimedBy = 17, CasualtiesBest = 18, CasualtiesLow = 19, CasualtiesHigh = 20, Attachments = 21, Grading = 22;
    private const int Description = 23, MarkingLevel = 24, MarkingRelTo = 25, Origin = 26;

    // Rules' field paths → columns; the top-level fields are their own columns.
    private static readonly Dictionary<string, string> ColumnOf = Columns.ToDictionary(c => c, c => c, StringComparer.Ordinal)
        .Concat(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sector"] = "sectorFromBearing/sectorToBearing/sectorMinMetres/sectorMaxMetres",
            ["sector.fromBearing"] = "sectorFromBearing",
            ["sector.toBearing"] = "sectorToBearing",
            ["sector.minMetres"] = "sectorMinMetres",
            ["sector.maxMetres"] = "sectorMaxMetres",
            ["casualties"] = "casualtiesLow/casualtiesBest/casualtiesHigh",
            ["casualties.best"] = "casualtiesBest",
            ["casualties.low"] = "casualtiesLow",
            ["casualties.high"] = "casualtiesHigh",
            ["marking"] = "markingLevel",
            ["marking.level"] = "markingLevel",
            ["marking.relTo"] = "markingRelTo",
        }).ToDictionary(StringComparer.Ordinal);

    public static IEnumerable<FileRow> Read(TextReader reader)
    {
        CsvLayout? layout = null;
        var at = new int[Columns.Length];
        foreach (var (line, fields) in Csv.Read(reader))
        {
            if (CsvLayout.IsBlank(fields))
            {
                continue;
            }

            if (layout is null)
            {
                layout = new CsvLayout(line, fields, ColumnOf);
                for (var i = 0; i < Columns.Length; i++)
                {
                    at[i] = layout[Columns[i]];
                }

                if (at.All(i => i < 0))
                {
                    yield return ObservationFiles.FileFault(line, "file", $"Expected a header naming Truce's columns ({string.Join(", ", Columns.Take(6))}, …); this one names none of them.", string.Join(",", fields));
                    yield break;
                }

                continue;
            }

            yield return Row(layout, at, line, fields);
        }

        if (layout is null)
        {
            yield return ObservationFiles.FileFault(0, "file", "The file is empty: expected a header line naming Truce's columns, then one observation a line.", null);
        }
    }

    private static FileRow Row(CsvLayout layout, int[] at, int line, IReadOnlyList<string> fields)
    {
        if (layout.CheckWidth(line, fields) is { } width)
        {
            var bad = new FileRow { Row = line, Locate = layout.Locator(fields) };
            bad.Rejections.Add(width);
            return bad;
        }

        List<Rejection>? rejections = null;
        string? Cell(int column) => Cells.At(fields, at[column]);

        var input = new ObservationInput
        {
            Source = Cell(Source),
            ExternalId = Cell(ExternalId),
            ObservedFrom = Cells.Instant(Cell(ObservedFrom), line, Columns[ObservedFrom], ref rejections),
            ObservedTo = Cells.Instant(Cell(ObservedTo), line, Columns[ObservedTo], ref rejections),
            Type = Cell(Type),
            Count = Cells.Whole(Cell(Count), line, Columns[Count], ref rejections),
            Lat = Cells.Number(Cell(Lat), line, Columns[Lat], ref rejections),
            Lon = Cells.Number(Cell(Lon), line, Columns[Lon], ref rejections),
            RadiusMetres = Cells.Number(Cell(RadiusMetres), line, Columns[RadiusMetres], ref rejections),
            Weapon = Cell(Weapon),
            CalibreMm = Cells.Whole(Cell(CalibreMm), line, Columns[CalibreMm], ref rejections),
            Target = Cell(Target),
            Direction = Cell(Direction),
            ClaimedBy = Cell(ClaimedBy),
            Grading = Cell(Grading),
            Description = Cell(Description),
            Origin = Cell(Origin),
        };

        if (Cell(SectorFromBearing) is not null || Cell(SectorToBearing) is not null || Cell(SectorMinMetres) is not null || Cell(SectorMaxMetres) is not null)
        {
            input.Sector = new SectorInput
            {
                FromBearing = Cells.Number(Cell(SectorFromBearing), line, Columns[SectorFromBearing], ref rejections),
                ToBearing = Cells.Number(Cell(SectorToBearing), line, Columns[SectorToBearing], ref rejections),
                MinMetres = Cells.Number(Cell(SectorMinMetres), line, Columns[SectorMinMetres], ref rejections),
                MaxMetres = Cells.Number(Cell(SectorMaxMetres), line, Columns[SectorMaxMetres], ref rejections),
            };
        }

        if (Cell(CasualtiesBest) is not null || Cell(CasualtiesLow) is not null || Cell(CasualtiesHigh) is not null)
        {
            input.Casualties = new CasualtiesInput
            {
                Best = Cells.Whole(Cell(CasualtiesBest), line, Columns[CasualtiesBest], ref rejections),
                Low = Cells.Whole(Cell(CasualtiesLow), line, Columns[CasualtiesLow], ref rejections),
                High = Cells.Whole(Cell(CasualtiesHigh), line, Columns[CasualtiesHigh], ref rejections),
            };
        }

        if (Cell(Attachments) is { } attachments)
        {
            input.Attachments = [.. attachments.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        if (Cell(MarkingLevel) is not null || Cell(MarkingRelTo) is not null)
        {
            input.Marking = new MarkingInput
            {
                Level = Cell(MarkingLevel),
                RelTo = Cell(MarkingRelTo) is { } relTo ? [.. relTo.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
            };
        }

        var row = new FileRow { Row = line, Input = input, Locate = layout.Locator(fields) };
        if (rejections is not null)
        {
            row.Rejections.AddRange(rejections);
        }

        return row;
    }
}
