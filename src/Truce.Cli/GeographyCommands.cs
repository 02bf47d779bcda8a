using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Geography;

namespace Truce.Cli;

/// <summary>
/// <c>truce geo place</c>: where a point is — oblast, raion, side, distance to the line of contact — one
/// point or an analyst's whole spreadsheet. For now on the layers shipped in data/geo (the illustrative line
/// and control area of March 2025); layers by date come with the rest of the Geography module.
/// </summary>
public static class GeographyCommands
{
    private static readonly string[] Columns = ["id", "oblast_iso", "raion_katotth", "side", "dist_km"];

    public static Command Geo(TextWriter output, TextWriter error)
    {
        var lat = new Argument<string?>("lat") { Description = "Latitude in degrees (WGS 84), -90 to 90.", Arity = ArgumentArity.ZeroOrOne };
        var lon = new Argument<string?>("lon") { Description = "Longitude in degrees (WGS 84), -180 to 180.", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input") { Description = "A CSV with at least the columns id, lat, lon; one output row per input row." };
        var outputFile = new Option<string?>("--output") { Description = "Where --input's results go (default: the standard output)." };
        var json = new Option<bool>("--json") { Description = "Print one point's place as JSON." };
        var place = new Command("place", "Place a point, or every row of a CSV: oblast (ISO 3166-2), raion (KATOTTH), side (RUS inside the control area, UKR elsewhere in Ukraine), geodesic distance to the line of contact in km.")
        {
            lat, lon, input, outputFile, json,
        };
        place.SetAction(parse =>
        {
            if (parse.GetValue(input) is { } file)
            {
                return PlaceAll(file, parse.GetValue(outputFile), output, error);
            }

            var errors = new ValidationErrors();
            var latitude = Degrees(parse.GetValue(lat), "lat", 90, errors);
            var longitude = Degrees(parse.GetValue(lon), "lon", 180, errors);
            if (!errors.IsEmpty)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + " Give a point (truce geo place 48.74 37.58) or --input points.csv.");
            }

            var found = Placer.Shipped().Locate(latitude, longitude);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(found, TruceJson.Indented));
            }
            else
            {
                var table = new Table().AddColumns("Oblast", "Raion", "Side", "To the line (km)");
                table.AddRow(TruceCli.Cell(found.Oblast ?? "—"), TruceCli.Cell(found.Raion ?? "—"), TruceCli.Cell(found.Side ?? "outside Ukraine"), Km(found.LineDistanceKm));
                TruceCli.Console(output).Write(table);
            }

            return ExitCodes.Ok;
        });
        return new Command("geo", "Geography: where points are.") { place };
    }

    /// <summary>Every row of the CSV placed, in order; a bad row is named on the error stream and written with empty results.</summary>
    private static int PlaceAll(string file, string? outputFile, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            return TruceCli.Fail(error, ExitCodes.Usage, $"--input: there is no file {file}.");
        }

        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = Csv.Read(reader).Where(r => r.Fields.Count > 1 || r.Fields[0].Length > 0).ToList();
        if (records.Count == 0)
        {
            return TruceCli.Fail(error, ExitCodes.Invalid, $"{file}: empty; expected a header with id, lat, lon.");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var (id, lat, lon) = (header.IndexOf("id"), header.IndexOf("lat"), header.IndexOf("lon"));
        if (id < 0 || lat < 0 || lon < 0)
        {
            return TruceCli.Fail(error, ExitCodes.Invalid, $"{file}, line 1: the header names {string.Join(", ", header)}; expected at least id, lat, lon.");
        }

        var placer = Placer.Shipped();
        using var writer = outputFile is null ? null : new StreamWriter(outputFile, append: false, new UTF8Encoding(false));
        var target = writer ?? output;
        target.WriteLine(string.Join(',', Columns));
        var rejected = 0;
        foreach (var (line, fields) in records.Skip(1))
        {
            string Field(int i) => i < fields.Count ? fields[i] : string.Empty;
            var errors = new ValidationErrors();
            var latitude = Degrees(Field(lat), "lat", 90, errors);
            var longitude = Degrees(Field(lon), "lon", 180, errors);
            if (!errors.IsEmpty)
            {
                rejected++;
                foreach (var (column, messages) in errors.ToDictionary())
                {
                    error.WriteLine($"{file}, line {line}: {column}: {string.Join(" ", messages)}");
                }

                target.WriteLine(string.Join(',', Csv.Field(Field(id)), string.Empty, string.Empty, string.Empty, string.Empty));
                continue;
            }

            var found = placer.Locate(latitude, longitude);
            target.WriteLine(string.Join(',', Csv.Field(Field(id)), Csv.Field(found.Oblast), Csv.Field(found.Raion), Csv.Field(found.Side), Km(found.LineDistanceKm)));
        }

        error.WriteLine($"placed {records.Count - 1 - rejected} of {records.Count - 1} rows{(rejected > 0 ? $"; {rejected} rejected (named above, written with empty results)" : string.Empty)}");
        return rejected > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    // A coordinate in degrees within ±limit, in invariant notation; what is wrong is named under the column.
    private static double Degrees(string? text, string column, double limit, ValidationErrors errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
        {
            return value;
        }

        errors.Add(column, $"Expected degrees between -{limit} and {limit} (a dot for decimals); got '{text}'.");
        return 0;
    }

    private static string Km(double? km) => km?.ToString("0.000", CultureInfo.InvariantCulture) ?? string.Empty;
}
