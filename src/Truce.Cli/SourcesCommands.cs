using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Core.Sources;
using Truce.Storage;
using Truce.Storage.Sources;

namespace Truce.Cli;

/// <summary>
/// <c>truce sources add FILE</c> takes a document in (a plain-text file, with or without its TITLE/OUTLET/DATE/URL
/// header); <c>truce sources extract FILE [--json]</c> prints the statements found in it without keeping anything.
/// </summary>
public static class SourcesCommands
{
    public static Command Sources(TextWriter output, TextWriter error) =>
        new("sources", "Documents and the statements found in them.") { Add(output, error), Extract(output, error) };

    private static Command Add(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A .txt, .md or .html file; it may open with TITLE:, OUTLET:, DATE:, URL: lines and a blank line." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {id, new}." };
        var command = new Command("add", "Take a document in; the same text twice is one document.") { file, json };
        command.SetAction(async (parse, ct) =>
        {
            if (await ReadAsync(parse.GetValue(file)!, error, ct) is not { } text)
            {
                return ExitCodes.Usage;
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var added = await session.Get<DocumentBook>().AddAsync(session.Acting, new DocumentInput { Text = text, Format = DocumentInput.FormatOf(parse.GetValue(file)!) }, ct);
            var outcome = added.IsDone ? Outcome.Done(new AddedDocument(added.Value.Id, added.Value.New)) : added.AsRefusal().As<AddedDocument>();
            return TruceCli.Finish(outcome, parse.GetValue(json), output, error,
                (console, done) => console.WriteLine(done.New ? $"Document {done.Id} taken in." : $"The same text is already document {done.Id}; nothing changed."));
        });
        return command;
    }

    private static Command Extract(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A plain-text file with a DATE: line (or give --date)." };
        var date = new Option<string?>("--date") { Description = "The document's date, YYYY-MM-DD, when the file has no DATE: line (titles are read as they stood then)." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {type, quote, speaker, actor, cue, start, end}." };
        var command = new Command("extract", "Print the statements found in a file, keeping nothing.") { file, date, json };
        command.SetAction(async (parse, ct) =>
        {
            if (await ReadAsync(parse.GetValue(file)!, error, ct) is not { } text)
            {
                return ExitCodes.Usage;
            }

            var errors = new ValidationErrors();
            var document = DocumentRules.Read(new DocumentInput { Text = text, Title = "extract", Date = parse.GetValue(date), Format = DocumentInput.FormatOf(parse.GetValue(file)!) }, errors);
            if (document is null)
            {
                return TruceCli.Fail(error, ExitCodes.Invalid, string.Join("\n", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var db = session.Get<TruceDb>();
            List<Core.Coalition.Actor> actors;
            using (db.ReadAs(session.Acting))
            {
                actors = await db.Actors.AsNoTracking().ToListAsync(ct);
            }

            var found = StatementExtractor.Extract(document.Body, document.Date, new ActorDirectory(actors))
                .Select(s => new ExtractedStatement(Kebab.Of(s.Type), s.Quote, s.SpeakerName ?? s.Speaker, s.ActorCode, s.Cue, s.Start, s.End))
                .ToList();
            return TruceCli.Finish(Outcome.Done(found), parse.GetValue(json), output, error, (console, list) =>
            {
                var table = new Table().AddColumns("Type", "Speaker", "Actor", "Cue", "Words");
                foreach (var s in list)
                {
                    table.AddRow(s.Type, TruceCli.Cell(s.Speaker), TruceCli.Cell(s.Actor ?? "—"), TruceCli.Cell(s.Cue), TruceCli.Cell(s.Quote));
                }

                console.Write(table);
            });
        });
        return command;
    }

    private static async Task<string?> ReadAsync(string path, TextWriter error, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"file: '{path}' does not exist.");
            return null;
        }

        return await File.ReadAllTextAsync(path, ct);
    }

    /// <summary>What <c>truce sources add</c> answers: the document's id, and whether it was new.</summary>
    public sealed record AddedDocument(long Id, bool New);

    /// <summary>A statement as <c>truce sources extract --json</c> prints it: the words exactly as in the body, with their offsets.</summary>
    public sealed record ExtractedStatement(string Type, string Quote, string Speaker, string? Actor, string Cue, int Start, int End);
}
