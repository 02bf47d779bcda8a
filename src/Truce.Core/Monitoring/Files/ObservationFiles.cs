using System.IO.Compression;
using System.Text;

namespace Truce.Core.Monitoring.Files;

/// <summary>
/// Observation files as people download or export them — NDJSON, a JSON array, Truce's CSV, ACLED, UCDP GED,
/// GeoJSON — read row by row into <see cref="ObservationInput"/>s, each bad row named in the file's own terms
/// (its line, its column, the value seen). Reading only reads: the rules, placement and judgment come after,
/// and <see cref="FileRow.Locate"/> lets their errors name the file's column too.
/// </summary>
public static class ObservationFiles
{
    private const int BufferSize = 1 << 16;

    /// <summary>A <see cref="FileRow.Locate"/> for a row with no cells: the field path is all there is to name.</summary>
    internal static readonly Func<string, (string Column, string? Value)> Nowhere = path => (path, null);

    /// <summary>Opens a file as people download it: gzip when it ends in .gz or starts with gzip's magic bytes; UTF-8 with or without a byte-order mark.</summary>
    public static TextReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Text(new GZipStream(stream, CompressionMode.Decompress)) : Open(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The same for an uploaded file's stream, which may not seek: gzip is told from its first two bytes (1F 8B). Disposing the reader disposes the stream.</summary>
    public static TextReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[2];
        var read = 0;
        while (read < 2 && stream.Read(head[read..]) is var n and > 0)
        {
            read += n;
        }

        var whole = Rewound(stream, head[..read].ToArray());
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B ? Text(new GZipStream(whole, CompressionMode.Decompress)) : Text(whole);
    }

    private static StreamReader Text(Stream stream) => new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);

    /// <summary>The stream from its start again after its first bytes were read: by seeking when it can, else by putting them back in front.</summary>
    private static Stream Rewound(Stream stream, byte[] head)
    {
        if (stream.CanSeek)
        {
            stream.Seek(-head.Length, SeekOrigin.Current);
            return stream;
        }

        return new PrefixedStream(head, stream);
    }

    /// <summary>
    /// The rows of a file in <paramref name="format"/>, one at a time, in file order: a million-row NDJSON or
    /// CSV file is never held. A JSON array and a GeoJSON document are read whole, as JSON must be. UCDP's
    /// rows holding a slash date wait until the file is read (<see cref="Read(Func{TextReader}, ObservationFormat)"/>
    /// avoids that).
    /// </summary>
    public static IEnumerable<FileRow> Read(TextReader reader, ObservationFormat format)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return format switch
        {
            ObservationFormat.Ndjson => JsonObservations.ReadLines(reader),
            ObservationFormat.Json => JsonObservations.ReadArray(reader),
            ObservationFormat.Csv => TruceCsv.Read(reader),
            ObservationFormat.Acled => AcledCsv.Read(reader),
            ObservationFormat.Ucdp => UcdpCsv.Read(reader),
            ObservationFormat.GeoJson => JsonObservations.ReadFeatures(reader),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an observation file format."),
        };
    }

    /// <summary>
    /// The same from a file that can be opened again (<c>() =&gt; ObservationFiles.Open(path)</c>): UCDP is then
    /// read twice, once for the order of its slash dates and once for its rows, so every row streams in file
    /// order. Other formats are read once. Each reader opened is disposed.
    /// </summary>
    public static IEnumerable<FileRow> Read(Func<TextReader> open, ObservationFormat format)
    {
        ArgumentNullException.ThrowIfNull(open);
        return format == ObservationFormat.Ucdp ? UcdpCsv.Read(open) : Once(open, format);
    }

    private static IEnumerable<FileRow> Once(Func<TextReader> open, ObservationFormat format)
    {
        using var reader = open();
        foreach (var row in Read(reader, format))
        {
            yield return row;
        }
    }

    /// <summary>Reads a format's name as the CLI and API take it: ndjson, json, csv, acled, ucdp, geojson, in any case.</summary>
    public static bool TryParseFormat(string? text, out ObservationFormat format)
    {
        // A switch, not Enum.TryParse, which would also take "1" or "ndjson,json".
        ObservationFormat? read = text?.Trim().ToLowerInvariant() switch
        {
            "ndjson" => ObservationFormat.Ndjson,
            "json" => ObservationFormat.Json,
            "csv" => ObservationFormat.Csv,
            "acled" => ObservationFormat.Acled,
            "ucdp" => ObservationFormat.Ucdp,
            "geojson" => ObservationFormat.GeoJson,
            _ => null,
        };
        format = read ?? default;
        return read is not null;
    }

    /// <summary>A fault of the whole file or its header, as a row with nothing read.</summary>
    internal static FileRow FileFault(int line, string column, string reason, string? value)
    {
        var row = new FileRow { Row = line, Locate = Nowhere };
        row.Rejections.Add(new Rejection(line, column, reason, Cells.Shown(value)));
        return row;
    }

    /// <summary>A stream that first gives back bytes already read from it.</summary>
    private sealed class PrefixedStream(byte[] head, Stream rest) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_at < head.Length && buffer.Length > 0)
            {
                var n = Math.Min(buffer.Length, head.Length - _at);
                head.AsSpan(_at, n).CopyTo(buffer);
                _at += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
