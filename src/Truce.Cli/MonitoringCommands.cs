using System.CommandLine;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Storage.Monitoring;

namespace Truce.Cli;

/// <summary>
/// <c>truce import</c>: observations from a file, as a feed would send them — every row checked first, and the
/// file taken whole or not at all (decision 27), every bad row named with its column, reason and the value
/// seen. For now NDJSON (one observation a line) and a JSON array, plain or gzip; the CSV shapes follow.
/// </summary>
public static class MonitoringCommands
{
    public sealed record ImportSummary(int Read, int Accepted, int Unchanged, int Revised, int Rejected, IReadOnlyList<Rejection> Rejections);

    public static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The file: NDJSON (one observation a line) or a JSON array; .gz is read as gzip." };
        var format = new Option<string>("--format") { Description = "ndjson or json (CSV, ACLED, UCDP and GeoJSON come next).", DefaultValueFactory = _ => "ndjson" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON: read, accepted, unchanged, revised, rejected, rejections." };
        var command = new Command("import", "Import observations from a file: placed and judged at their time; the whole file or nothing, every bad row named.") { file, format, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (!File.Exists(path))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"file: there is no file {path}.");
            }

            if (kind is not ("ndjson" or "json"))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--format: '{kind}' is not supported yet; expected ndjson or json.");
            }

            // Every row checked here first, so that a file is refused at once with every bad row named, before any batch goes in.
            var (rows, rejections) = Read(path, kind);
            foreach (var row in rows)
            {
                var errors = new ValidationErrors();
                ObservationRules.Read(row.Input, errors);
                rejections.AddRange(errors.ToDictionary().Select(e => new Rejection(row.Number, e.Key, string.Join(" ", e.Value), ValueOf(row.Node, e.Key))));
            }

            rejections.Sort((a, b) => a.Row.CompareTo(b.Row));

            var (accepted, unchanged, revised) = (0, 0, 0);
            if (rejections.Count == 0)
            {
                await using var session = await TruceCli.OpenAsync(parse, ct);
                var intake = session.Get<ObservationIntake>();
                foreach (var chunk in rows.Chunk(ObservationIntake.MaxBatch))
                {
                    var done = await intake.SubmitAsync(session.Acting, chunk.Select(r => (ObservationInput?)r.Input).ToList(), ct);
                    if (!done.IsDone)
                    {
                        return TruceCli.Refusal(done, error, what: "nothing more was imported");
                    }

                    (accepted, unchanged, revised) = (accepted + done.Value.Accepted, unchanged + done.Value.Unchanged, revised + done.Value.Revised);
                    error.WriteLine($"{accepted + unchanged + revised:N0} of {rows.Count:N0} rows");
                }
            }

            var summary = new ImportSummary(rows.Count + rejections.Select(r => r.Row).Except(rows.Select(r => r.Number)).Count(), accepted, unchanged, revised, rejections.Select(r => r.Row).Distinct().Count(), rejections);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(summary, TruceJson.Indented));
            }
            else
            {
                foreach (var r in rejections)
                {
                    error.WriteLine($"{path}, row {r.Row}: {r.Column}: {r.Reason}{(r.Value is null ? string.Empty : $" (seen: {r.Value})")}");
                }

                output.WriteLine(rejections.Count == 0
                    ? $"Imported {summary.Read:N0} rows: {accepted:N0} new, {revised:N0} revised, {unchanged:N0} unchanged."
                    : $"Nothing imported: {summary.Rejected:N0} of {summary.Read:N0} rows rejected (named above); fix them and import the file again.");
            }

            return rejections.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    private sealed record Row(int Number, JsonNode Node, ObservationInput Input);

    private static (List<Row> Rows, List<Rejection> Rejections) Read(string path, string kind)
    {
        using var stream = File.OpenRead(path);
        using var plain = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(plain, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = new List<Row>();
        var rejections = new List<Rejection>();
        if (kind == "json")
        {
            JsonArray array;
            try
            {
                array = JsonNode.Parse(reader.ReadToEnd())?.AsArray() ?? [];
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                rejections.Add(new Rejection(0, "file", $"Not a JSON array of observations: {e.Message}", null));
                return (rows, rejections);
            }

            for (var i = 0; i < array.Count; i++)
            {
                Add(i + 1, array[i]);
            }

            return (rows, rejections);
        }

        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                Add(number, JsonNode.Parse(line));
            }
            catch (JsonException e)
            {
                rejections.Add(new Rejection(number, "line", $"Not a JSON object: {e.Message}", line.Length <= 80 ? line : line[..80] + "…"));
            }
        }

        return (rows, rejections);

        void Add(int row, JsonNode? node)
        {
            try
            {
                var input = node?.Deserialize<ObservationInput>(TruceJson.Options);
                if (node is null || input is null)
                {
                    rejections.Add(new Rejection(row, "row", "Empty: expected an observation.", null));
                    return;
                }

                rows.Add(new Row(row, node, input));
            }
            catch (JsonException e)
            {
                var (field, expected) = JsonFields.Explain(typeof(ObservationInput), e);
                rejections.Add(new Rejection(row, field, $"Expected {expected}.", ValueOf(node, field)));
            }
        }
    }

    // The value a row held for a field (sector.maxMetres → the row's sector's maxMetres), as text.
    private static string? ValueOf(JsonNode? node, string field)
    {
        foreach (var part in field.Split('.'))
        {
            var name = part.Split('[')[0];
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next : null;
        }

        var text = node?.ToJsonString();
        return text is null ? null : text.Length <= 80 ? text : text[..80] + "…";
    }
}
