using System.Globalization;
using Truce.Core.Common;

namespace Truce.Core.Monitoring.Files;

/// <summary>
/// A UCDP GED CSV read as casualty observations: <c>date_start</c>…<c>date_end</c> as the window, the location
/// precision as a radius, deaths as best/low/high, and rows whose <c>code_status</c> is "Deleted" as
/// withdrawals. Copies in the wild mix ISO and slash dates in one column; the slash order is decided for the
/// whole file (<see cref="SlashOrder"/>), which needs every slash date seen before the first is read.
/// </summary>
internal static class UcdpCsv
{
    public const string Source = "ucdp-ged";

    private static readonly string[] Required = ["id", "where_prec", "latitude", "longitude", "date_start", "date_end", "best", "low", "high"];

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["externalId"] = "id",
        ["observedFrom"] = "date_start",
        ["observedTo"] = "date_end",
        ["lat"] = "latitude",
        ["lon"] = "longitude",
        ["radiusMetres"] = "where_prec",
        ["casualties"] = "low/best/high",
        ["casualties.best"] = "best",
        ["casualties.low"] = "low",
        ["casualties.high"] = "high",
        ["description"] = "source_headline|where_description",
    };

    /// <summary>
    /// Reads in one pass. Rows with only ISO dates (and deleted rows) come at once; rows holding a slash date
    /// are kept — their cells only — until the file has been read and the slash order is known, and come last,
    /// each still numbered by its line.
    /// </summary>
    // A file of slash dates only is then held whole, so the CLI, the API and the page all read through
    // Read(open), which reads the file twice instead and keeps nothing; this one serves a reader that cannot reopen.
    public static IEnumerable<FileRow> Read(TextReader reader)
    {
        var order = new SlashOrder();
        var held = new List<(int Line, IReadOnlyList<string> Fields)>();
        CsvLayout? layout = null;
        Columns? at = null;
        foreach (var (line, fields) in Records(reader))
        {
            if (layout is null)
            {
                if (Header(line, fields, out layout) is { } fault)
                {
                    yield return fault;
                    yield break;
                }

                at = new Columns(layout);
                continue;
            }

            var start = Cells.At(fields, at!.DateStart);
            var end = Cells.At(fields, at.DateEnd);
            if (!IsDeleted(fields, at) && (SlashOrder.IsSlash(start) || SlashOrder.IsSlash(end)))
            {
                order.See(start);
                order.See(end);
                held.Add((line, fields));
                continue;
            }

            yield return Row(layout, at, order, line, fields);
        }

        if (layout is null)
        {
            yield return Empty();
            yield break;
        }

        foreach (var (line, fields) in held)
        {
            yield return Row(layout, at!, order, line, fields);
        }
    }

    /// <summary>Reads twice: once for the slash dates' order (the date columns only), then row by row, in file order, holding nothing.</summary>
    public static IEnumerable<FileRow> Read(Func<TextReader> open)
    {
        var order = new SlashOrder();
        using (var first = open())
        {
            Columns? at = null;
            foreach (var (line, fields) in Records(first))
            {
                if (at is null)
                {
                    if (Header(line, fields, out var layout) is not null)
                    {
                        break;
                    }

                    at = new Columns(layout);
                    continue;
                }

                order.See(Cells.At(fields, at.DateStart));
                order.See(Cells.At(fields, at.DateEnd));
            }
        }

        using var second = open();
        CsvLayout? header = null;
        Columns? columns = null;
        foreach (var (line, fields) in Records(second))
        {
            if (header is null)
            {
                if (Header(line, fields, out header) is { } fault)
                {
                    yield return fault;
                    yield break;
                }

                columns = new Columns(header);
                continue;
            }

            yield return Row(header, columns!, order, line, fields);
        }

        if (header is null)
        {
            yield return Empty();
        }
    }

    private static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Records(TextReader reader) =>
        Csv.Read(reader).Where(r => !CsvLayout.IsBlank(r.Fields));

    private static FileRow Empty() => ObservationFiles.FileFault(0, "file", "The file is empty: expected UCDP GED's header line, then one event a line.", null);

    private static FileRow? Header(int line, IReadOnlyList<string> fields, out CsvLayout layout)
    {
        var read = new CsvLayout(line, fields, ColumnOf);
        layout = read;
        var missing = Required.Where(c => !read.Has(c)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var fault = new FileRow { Row = line, Locate = ObservationFiles.Nowhere };
        fault.Rejections.AddRange(missing.Select(c => new Rejection(line, c, $"The header lacks '{c}', which every UCDP GED file has.", null)));
        return fault;
    }

    private sealed class Columns(CsvLayout layout)
    {
        public readonly int Id = layout["id"];
        public readonly int CodeStatus = layout["code_status"];
        public readonly int WherePrec = layout["where_prec"];
        public readonly int Latitude = layout["latitude"];
        public readonly int Longitude = layout["longitude"];
        public readonly int DateStart = layout["date_start"];
        public readonly int DateEnd = layout["date_end"];
        public readonly int Best = layout["best"];
        public readonly int Low = layout["low"];
        public readonly int High = layout["high"];
        public readonly int Headline = layout["source_headline"];
        public readonly int WhereDescription = layout["where_description"];
    }

    private static bool IsDeleted(IReadOnlyList<string> fields, Columns at) =>
        string.Equals(Cells.At(fields, at.CodeStatus)?.Trim(), "Deleted", StringComparison.OrdinalIgnoreCase);

    private static FileRow Row(CsvLayout layout, Columns at, SlashOrder order, int line, IReadOnlyList<string> fields)
    {
        var id = Cells.At(fields, at.Id)?.Trim();
        if (IsDeleted(fields, at))
        {
            var withdrawn = new FileRow { Row = line, Withdraws = true, Input = new ObservationInput { Source = Source, ExternalId = id }, Locate = layout.Locator(fields) };
            if (id is null)
            {
                withdrawn.Rejections.Add(new Rejection(line, "id", "Required: the id of the UCDP event deleted.", null));
            }

            return withdrawn;
        }

        if (layout.CheckWidth(line, fields) is { } width)
        {
            var bad = new FileRow { Row = line, Locate = layout.Locator(fields) };
            bad.Rejections.Add(width);
            return bad;
        }

        List<Rejection>? rejections = null;
        var start = order.Read(Cells.At(fields, at.DateStart), line, "date_start", ref rejections);
        var end = order.Read(Cells.At(fields, at.DateEnd), line, "date_end", ref rejections);
        var best = Cells.Whole(Cells.At(fields, at.Best), line, "best", ref rejections);
        var low = Cells.Whole(Cells.At(fields, at.Low), line, "low", ref rejections);
        var high = Cells.Whole(Cells.At(fields, at.High), line, "high", ref rejections);
        var input = new ObservationInput
        {
            Source = Source,
            ExternalId = id,
            ObservedFrom = start is { } s ? Cells.StartOf(s) : null,
            ObservedTo = (end ?? start) is { } e ? Cells.EndOf(e) : null,
            Type = "casualty",
            Count = 1,
            Lat = Cells.Number(Cells.At(fields, at.Latitude), line, "latitude", ref rejections),
            Lon = Cells.Number(Cells.At(fields, at.Longitude), line, "longitude", ref rejections),
            RadiusMetres = Radius(Cells.At(fields, at.WherePrec), line, ref rejections),
            Casualties = best is null && low is null && high is null ? null : new CasualtiesInput { Best = best, Low = low, High = high },
            Description = Cells.At(fields, at.Headline) ?? Cells.At(fields, at.WhereDescription),
        };

        var row = new FileRow { Row = line, Input = input, Locate = layout.Locator(fields) };
        if (rejections is not null)
        {
            row.Rejections.AddRange(rejections);
        }

        return row;
    }

    /// <summary>
    /// UCDP's location precision as a radius: 1 the exact place (2 km), 2 within 25 km, 3 the second-order
    /// division (50 km), 4 the first-order division and 5 a linear feature (100 km), 6 the country or an
    /// area within it (200 km), 7 international waters or air space (300 km). Precisions 6 and 7 exceed
    /// what an observation may cover (<see cref="ObservationRules.MaxMetres"/>), so the rules refuse them,
    /// named under <c>where_prec</c>: a whole country cannot be judged against a zone.
    /// </summary>
    private static double? Radius(string? precision, int line, ref List<Rejection>? rejections)
    {
        switch (precision?.Trim())
        {
            case "1":
                return 2_000;
            case "2":
                return 25_000;
            case "3":
                return 50_000;
            case "4" or "5":
                return 100_000;
            case "6":
                return 200_000;
            case "7":
                return 300_000;
            default:
                Cells.Reject(ref rejections, line, "where_prec", $"Expected a location precision from 1 (exact place) to 7 (international waters); got '{Cells.Shown(precision)}'.", precision);
                return null;
        }
    }

    /// <summary>
    /// The order of day and month in a file's slash dates, told from the dates themselves: day first when one
    /// has a first part over 12 (25/02/2014), month first when one has a second part over 12 (2/25/2014). A
    /// file showing both cannot be read either way; a file showing neither leaves every date whose parts
    /// differ ambiguous (05/02/2014), while one whose parts are equal (05/05/2014) reads the same both ways.
    /// A time after the date (GED's "2014-05-02 00:00:00.000") is dropped: GED dates are days.
    /// </summary>
    internal sealed class SlashOrder
    {
        private string? _dayFirst;
        private string? _monthFirst;

        public static bool IsSlash(string? text) => text is not null && text.Contains('/', StringComparison.Ordinal);

        public void See(string? text)
        {
            if (Slash(text) is { } parts)
            {
                if (parts.First > 12)
                {
                    _dayFirst ??= DatePart(text!);
                }

                if (parts.Second > 12)
                {
                    _monthFirst ??= DatePart(text!);
                }
            }
        }

        public DateOnly? Read(string? text, int line, string column, ref List<Rejection>? rejections)
        {
            if (text is null)
            {
                Cells.Reject(ref rejections, line, column, "Required: a date such as 2014-05-02.", null);
                return null;
            }

            var date = DatePart(text);
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                return iso;
            }

            if (Slash(text) is not { } parts)
            {
                Cells.Reject(ref rejections, line, column, $"Expected a date such as 2014-05-02 or 02/05/2014; '{Cells.Shown(text)}' is not a date.", text);
                return null;
            }

            if (_dayFirst is not null && _monthFirst is not null)
            {
                Cells.Reject(ref rejections, line, column, $"The file writes slash dates both day first ('{_dayFirst}') and month first ('{_monthFirst}'), so none of them can be read; write '{Cells.Shown(date)}' as yyyy-mm-dd.", text);
                return null;
            }

            if (_dayFirst is null && _monthFirst is null && parts.First != parts.Second
                && Iso(parts.Year, parts.Second, parts.First) is { } a && Iso(parts.Year, parts.First, parts.Second) is { } b)
            {
                Cells.Reject(ref rejections, line, column, $"'{Cells.Shown(date)}' could be {Words(a)} or {Words(b)}, and no date in the file tells which order it uses; write it as {a:yyyy-MM-dd} or {b:yyyy-MM-dd}.", text);
                return null;
            }

            var (day, month) = _monthFirst is not null ? (parts.Second, parts.First) : (parts.First, parts.Second);
            if (month is >= 1 and <= 12 && day >= 1 && parts.Year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(parts.Year, month))
            {
                return new DateOnly(parts.Year, month, day);
            }

            var written = _monthFirst is not null ? " (this file writes slash dates month first)" : _dayFirst is not null ? " (this file writes slash dates day first)" : string.Empty;
            Cells.Reject(ref rejections, line, column, $"Expected a date such as 2014-05-02; '{Cells.Shown(date)}' is not one{written}.", text);
            return null;
        }

        private static DateOnly? Iso(int year, int month, int day) =>
            month is >= 1 and <= 12 && day >= 1 && year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

        private static string Words(DateOnly date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

        private static string DatePart(string text)
        {
            var trimmed = text.Trim();
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? trimmed : trimmed[..space];
        }

        private static (int First, int Second, int Year)? Slash(string? text)
        {
            if (!IsSlash(text))
            {
                return null;
            }

            var parts = DatePart(text!).Split('/');
            return parts.Length == 3 && parts[2].Length == 4
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? (first, second, year)
                : null;
        }
    }
}
