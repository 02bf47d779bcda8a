using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Monitoring.Files;
using Truce.Storage.Monitoring;

namespace Truce.Cli;

/// <summary>
/// <c>truce import</c>: observations from a file as people download it — NDJSON, a JSON array, Truce's CSV, an
/// ACLED or UCDP GED export, GeoJSON; plain or gzip — streamed through the intake in one transaction. By default
/// the file is taken whole or not at all (decision 27); <c>--accept-valid</c> takes the good rows (decision 28).
/// Either way every bad row is named with its column, reason and the value seen.
/// </summary>
public static class MonitoringCommands
{
    public sealed record ImportSummary(int Read, int Accepted, int Unchanged, int Revised, int Withdrawn, int Rejected, IReadOnlyList<Rejection> Rejections);

    public static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The file; .gz (or gzip content) is read as gzip, UTF-8 with or without BOM." };
        var format = new Option<string>("--format") { Description = "ndjson (one observation a line), json (an array), csv (Truce's columns), acled, ucdp (GED) or geojson.", DefaultValueFactory = _ => "ndjson" };
        var acceptValid = new Option<bool>("--accept-valid") { Description = "Take the good rows and name the bad ones, instead of refusing the whole file when a row is bad." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON: read, accepted, unchanged, revised, withdrawn, rejected, rejections." };
        var command = new Command("import", "Import observations from a file: placed and judged at their time; the whole file or nothing (or --accept-valid), every bad row named.") { file, format, acceptValid, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"file: there is no file {path}.");
            }

            if (!ObservationFiles.TryParseFormat(parse.GetValue(format)!.Trim(), out var kind))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--format: '{parse.GetValue(format)}' is not a format; expected ndjson, json, csv, acled, ucdp or geojson.");
            }

            var mode = parse.GetValue(acceptValid) ? IntakeMode.AcceptValid : IntakeMode.WholeOrNothing;
            await using var session = await TruceCli.OpenAsync(parse, ct);
            // Opened through a function, so a UCDP file can be read twice (once for the order of its slash dates).
            var bar = ProgressBar.For(error);
            TextReader Open()
            {
                var stream = File.OpenRead(path);
                bar?.Track(stream);
                return ObservationFiles.Open(stream);
            }

            var done = await session.Get<ObservationIntake>().ImportAsync(session.Acting, ObservationFiles.Read(Open, kind), mode, bar, ct);
            bar?.Finish();
            if (!done.IsDone)
            {
                return TruceCli.Refusal(done, error, what: "nothing was imported");
            }

            var s = done.Value;
            var summary = new ImportSummary(s.Read, s.Accepted, s.Unchanged, s.Revised, s.Withdrawn, s.Rejected, s.Rejections);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(summary, TruceJson.Indented));
            }
            else
            {
                foreach (var r in s.Rejections)
                {
                    error.WriteLine($"{path}, row {r.Row}: {r.Column}: {r.Reason}{(r.Value is null ? string.Empty : $" (seen: {r.Value})")}");
                }

                output.WriteLine(s.Committed
                    ? $"Imported {s.Read:N0} rows: {s.Accepted:N0} new, {s.Revised:N0} revised, {s.Unchanged:N0} unchanged, {s.Withdrawn:N0} withdrawn, {s.Rejected:N0} rejected."
                    : $"Nothing imported: {s.Rejected:N0} of {s.Read:N0} rows rejected (named above); fix them and import the file again, or use --accept-valid to take the others.");
            }

            return s.Rejected == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    /// <summary>
    /// A one-line bar on a terminal: how far through the file (by bytes, so it is right before the rows are
    /// counted), rows so far and the rate. Nothing when standard error is not a terminal, so logs stay clean.
    /// </summary>
    private sealed class ProgressBar(TextWriter error) : IProgress<int>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _shownAt = -1;
        private Stream? _file;

        public static ProgressBar? For(TextWriter error) =>
            ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(error) : null;

        /// <summary>The file being read now (a second pass over a UCDP file starts again from its beginning).</summary>
        public void Track(Stream file) => _file = file;

        public void Report(int value)
        {
            if (_clock.ElapsedMilliseconds - _shownAt < 200)
            {
                return;
            }

            _shownAt = _clock.ElapsedMilliseconds;
            // A file already closed has been read to its end (the reading runs ahead of the writing).
            var share = _file switch
            {
                null => 0,
                { CanSeek: false } => 1,
                { Length: 0 } => 1,
                var file => Math.Clamp((double)file.Position / file.Length, 0, 1),
            };
            var filled = (int)(share * 30);
            error.Write($"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {share:P0} of the file read, {value:N0} rows done, {value / Math.Max(_clock.Elapsed.TotalSeconds, 0.001):N0}/s   ");
        }

        public void Finish() => error.WriteLine();
    }
}
