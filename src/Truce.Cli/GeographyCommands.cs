using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Agreements;
using Truce.Storage.Geography;

namespace Truce.Cli;

/// <summary>
/// <c>truce geo</c>: where points are at a time — oblast, raion, sector, side, distance to the line of contact
/// in force, the zones of the provisions in force — one point or an analyst's whole spreadsheet; the layer
/// versions the database holds; and importing a new one.
/// </summary>
public static class GeographyCommands
{
    private static readonly string[] Columns = ["id", "oblast_iso", "raion_katotth", "side", "dist_km"];

    public static Command Geo(TextWriter output, TextWriter error) =>
        new("geo", "Geography: layer versions by date, and where points are at a time.") { Place(output, error), Import(output, error), Layers(output, error) };

    private static Option<string?> At() => new("--at") { Description = "The date (2015-02-15, meaning 00:00 UTC) or instant (2015-02-15T00:00:00+02:00) whose layers and agreements hold (default: now)." };

    private static Command Place(TextWriter output, TextWriter error)
    {
        var lat = new Argument<string?>("lat") { Description = "Latitude in degrees (WGS 84), -90 to 90.", Arity = ArgumentArity.ZeroOrOne };
        var lon = new Argument<string?>("lon") { Description = "Longitude in degrees (WGS 84), -180 to 180.", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input") { Description = "A CSV with at least the columns id, lat, lon; one output row per input row." };
        var outputFile = new Option<string?>("--output") { Description = "Where --input's results go (default: the standard output)." };
        var at = At();
        var json = new Option<bool>("--json") { Description = "Print one point's place as JSON (the API's shape)." };
        var place = new Command("place", "Place a point, or every row of a CSV, at a time: oblast (ISO 3166-2), raion (KATOTTH), side (RUS inside the control area in force, UKR elsewhere in Ukraine), geodesic distance to the line of contact in force in km, and one column per zone of the provisions in force.")
        {
            lat, lon, input, outputFile, at, json,
        };
        place.SetAction(async (parse, ct) =>
        {
            var errors = new ValidationErrors();
            var when = Instants.Read(parse.GetValue(at), errors, "--at");
            var file = parse.GetValue(input);
            var (latitude, longitude) = (0.0, 0.0);
            if (file is null)
            {
                latitude = Instants.Degrees(parse.GetValue(lat), "lat", 90, errors);
                longitude = Instants.Degrees(parse.GetValue(lon), "lon", 180, errors);
            }
            else if (!File.Exists(file))
            {
                errors.Add("--input", $"there is no file {file}.");
            }

            if (!errors.IsEmpty)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + (file is null ? " Give a point (truce geo place 48.74 37.58) or --input points.csv." : string.Empty));
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var (placer, basis) = await session.Get<Placements>().AtAsync(session.Acting, when ?? session.Get<TimeProvider>().GetUtcNow(), ct);
            if (file is not null)
            {
                return PlaceAll(file, parse.GetValue(outputFile), placer, basis, output, error);
            }

            var found = PlaceView.From(latitude, longitude, placer.Locate(latitude, longitude), basis);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(found, TruceJson.Indented));
            }
            else
            {
                var table = new Table().AddColumns("Oblast", "Raion", "Side", "To the line (km)", "Zones");
                table.AddRow(TruceCli.Cell(found.Oblast ?? "—"), TruceCli.Cell(found.Raion ?? "—"), TruceCli.Cell(found.Side ?? (found.Oblast is null ? "outside Ukraine" : "no control area in force")), Km(found.LineDistanceKm), TruceCli.Cell(found.Zones.Count == 0 ? "—" : string.Join("\n", found.Zones)));
                var console = TruceCli.Console(output);
                console.Write(table);
                console.WriteLine($"At {found.At:yyyy-MM-dd HH:mm} UTC, on {(found.Layers.Count == 0 ? "no layer" : string.Join(", ", found.Layers))}.");
            }

            return ExitCodes.Ok;
        });
        return place;
    }

    /// <summary>Every row of the CSV placed, in order; a bad row is named on the error stream and written with empty results.</summary>
    private static int PlaceAll(string file, string? outputFile, Placer placer, PlacementBasis basis, TextWriter output, TextWriter error)
    {
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

        // One column per zone of the provisions in force: 1 inside, 0 outside.
        var zones = placer.ZoneNames;
        using var writer = outputFile is null ? null : new StreamWriter(outputFile, append: false, new UTF8Encoding(false));
        var target = writer ?? output;
        target.WriteLine(string.Join(',', Columns.Concat(zones.Select(z => Csv.Field("zone:" + z)))));
        var rejected = 0;
        foreach (var (line, fields) in records.Skip(1))
        {
            string Field(int i) => i < fields.Count ? fields[i] : string.Empty;
            var errors = new ValidationErrors();
            var latitude = Instants.Degrees(Field(lat), "lat", 90, errors);
            var longitude = Instants.Degrees(Field(lon), "lon", 180, errors);
            if (!errors.IsEmpty)
            {
                rejected++;
                foreach (var (column, messages) in errors.ToDictionary())
                {
                    error.WriteLine($"{file}, line {line}: {column}: {string.Join(" ", messages)}");
                }

                target.WriteLine(string.Join(',', new[] { Csv.Field(Field(id)) }.Concat(Enumerable.Repeat(string.Empty, Columns.Length - 1 + zones.Count))));
                continue;
            }

            var found = placer.Locate(latitude, longitude);
            target.WriteLine(string.Join(',', new[] { Csv.Field(Field(id)), Csv.Field(found.Oblast), Csv.Field(found.Raion), Csv.Field(found.Side), Km(found.LineDistanceKm) }
                .Concat(zones.Select(z => found.Zones.Contains(z) ? "1" : "0"))));
        }

        error.WriteLine($"placed {records.Count - 1 - rejected} of {records.Count - 1} rows at {basis.At:yyyy-MM-dd HH:mm} UTC on {(basis.Layers.Count == 0 ? "no layer" : string.Join(", ", basis.Layers.Select(v => $"{v.Key}@{v.ValidFrom:yyyy-MM-dd}")))}{(rejected > 0 ? $"; {rejected} rejected (named above, written with empty results)" : string.Empty)}");
        return rejected > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A GeoJSON FeatureCollection in WGS 84 (longitude, latitude)." };
        var key = new Option<string>("--key") { Description = "The layer this is a version of, e.g. line-of-contact.", Required = true };
        var kind = new Option<string>("--kind") { Description = $"What it shows: {Kebab.Choices<Core.Geography.LayerKind>()}.", Required = true };
        var title = new Option<string>("--title") { Description = "What the version shows, in words.", Required = true };
        var validFrom = new Option<string>("--valid-from") { Description = "The date from which this version holds, yyyy-mm-dd.", Required = true };
        var source = new Option<string?>("--source") { Description = "Where the geometry comes from and how good it is." };
        var licence = new Option<string?>("--licence") { Description = "Its licence, e.g. © OpenStreetMap contributors, ODbL 1.0." };
        var marking = new Option<string?>("--marking") { Description = "Who may read it: public, coalition (default), rel-to." };
        var relTo = new Option<string[]>("--rel-to") { Description = "For --marking rel-to: a member it is released to, repeatable." };
        var json = new Option<bool>("--json") { Description = "Print the imported version as JSON." };
        var command = new Command("import", "Import a layer version from GeoJSON: invalid geometry is repaired and said, or the version refused with each bad feature named.")
        {
            file, key, kind, title, validFrom, source, licence, marking, relTo, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"file: there is no file {path}.");
            }

            if (!DateOnly.TryParseExact(parse.GetValue(validFrom), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--valid-from: expected a date yyyy-mm-dd; got '{parse.GetValue(validFrom)}'.");
            }

            var upload = new LayerUpload
            {
                Key = parse.GetValue(key),
                Kind = parse.GetValue(kind),
                Title = parse.GetValue(title),
                ValidFrom = from,
                Source = parse.GetValue(source),
                Licence = parse.GetValue(licence),
                Marking = parse.GetValue(marking) is { } level ? new MarkingInput { Level = level, RelTo = [.. parse.GetValue(relTo) ?? []] } : null,
            };
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var imported = await session.Get<GeoLayers>().ImportAsync(session.Acting, upload, await File.ReadAllTextAsync(path, ct), ct);
            return TruceCli.Finish(imported, parse.GetValue(json), output, error, (console, v) =>
            {
                console.WriteLine($"Imported {v.Title} ({v.Key}, {v.Kind}): {v.FeatureCount} features, valid from {v.ValidFrom:yyyy-MM-dd}, {v.Marking}.");
                if (v.Repairs is not null)
                {
                    console.WriteLine($"Repaired: {v.Repairs}");
                }
            }, Option, "nothing was imported");
        });
        return command;
    }

    private static Command Layers(TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape)." };
        var command = new Command("layers", "List the layer versions: key, kind, valid from and until, features, source, marking.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var versions = await session.Get<GeoLayers>().VersionsAsync(session.Acting, ct: ct);
            return TruceCli.Finish(Outcome.Done(versions), parse.GetValue(json), output, error, (console, list) =>
            {
                var table = new Table().AddColumns("Id", "Layer", "Kind", "Valid", "Features", "Marking");
                foreach (var v in list)
                {
                    table.AddRow(TruceCli.Cell(v.Id.ToString(CultureInfo.InvariantCulture)), TruceCli.Cell($"{v.Key}: {v.Title}"), TruceCli.Cell(v.Kind), TruceCli.Cell($"{v.ValidFrom:yyyy-MM-dd} – {v.ValidUntil:yyyy-MM-dd}"), TruceCli.Cell(v.FeatureCount.ToString(CultureInfo.InvariantCulture)), TruceCli.Cell(v.Marking));
                }

                console.Write(table);
            });
        });
        return command;
    }

    // The import's fields as the options a person typed.
    private static string Option(string field) => field switch
    {
        "validFrom" => "--valid-from",
        "geojson" => "file",
        _ when field.StartsWith("geojson.", StringComparison.Ordinal) => "file: " + field["geojson.".Length..],
        _ when field.StartsWith("marking.", StringComparison.Ordinal) => field == "marking.relTo" ? "--rel-to" : "--marking",
        _ => TruceCli.Option(field),
    };

    private static string Km(double? km) => km?.ToString("0.000", CultureInfo.InvariantCulture) ?? string.Empty;
}
