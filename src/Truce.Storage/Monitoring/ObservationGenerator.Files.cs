using System.Globalization;
using System.Text;
using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Monitoring;

namespace Truce.Storage.Monitoring;

public sealed partial class ObservationGenerator
{
    /// <summary>Writes each row as one line of JSON (NDJSON), in Truce's JSON spelling; returns how many were written.</summary>
    public static long WriteNdjson(IEnumerable<ObservationInput> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        long written = 0;
        foreach (var row in rows)
        {
            writer.Write(JsonSerializer.Serialize(row, TruceJson.Options));
            writer.Write('\n');
            written++;
        }

        return written;
    }

    /// <summary>
    /// Writes Truce's observation CSV (<see cref="CsvHeader"/>): instants in ISO 8601 UTC, attachments and
    /// REL TO members separated by <c>;</c>, fields quoted per RFC 4180; returns how many rows were written.
    /// </summary>
    public static long WriteCsv(IEnumerable<ObservationInput> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(CsvHeader);
        writer.Write('\n');
        var line = new StringBuilder(512);
        long written = 0;
        foreach (var o in rows)
        {
            line.Clear();
            string?[] fields =
            [
                o.Source, o.ExternalId, Instant(o.ObservedFrom), Instant(o.ObservedTo), o.Type, Number(o.Count), Number(o.Lat), Number(o.Lon), Number(o.RadiusMetres),
                Number(o.Sector?.FromBearing), Number(o.Sector?.ToBearing), Number(o.Sector?.MinMetres), Number(o.Sector?.MaxMetres),
                o.Weapon, Number(o.CalibreMm), o.Target, o.Direction, o.ClaimedBy,
                Number(o.Casualties?.Best), Number(o.Casualties?.Low), Number(o.Casualties?.High),
                o.Attachments is null ? null : string.Join(';', o.Attachments),
                o.Grading, o.Description, o.Marking?.Level, o.Marking?.RelTo is null ? null : string.Join(';', o.Marking.RelTo), o.Origin,
            ];
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(Csv.Field(fields[i]));
            }

            line.Append('\n');
            writer.Write(line);
            written++;
        }

        return written;
    }

    /// <summary>Writes the rows to a file, as CSV when its name ends in <c>.csv</c> and as NDJSON otherwise; returns how many were written.</summary>
    public static long WriteFile(IEnumerable<ObservationInput> rows, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? WriteCsv(rows, writer) : WriteNdjson(rows, writer);
    }

    private static string? Instant(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
