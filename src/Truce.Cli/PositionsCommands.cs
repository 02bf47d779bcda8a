using System.CommandLine;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Storage.Positions;

namespace Truce.Cli;

/// <summary>
/// <c>truce positions show [--issue KEY] [--at DATE] [--json]</c>: the positions matrix at a date, as the API and the
/// page show it — each issue's zone of agreement or its conflict, and every party's latest position then.
/// </summary>
public static class PositionsCommands
{
    public static Command Positions(TextWriter output, TextWriter error) =>
        new("positions", "Negotiation issues and the parties' positions on them.") { Show(output, error) };

    private static Command Show(TextWriter output, TextWriter error)
    {
        var issue = new Option<string?>("--issue") { Description = "One issue's key (e.g. foreign-troops); all issues when left out." };
        var at = new Option<string?>("--at") { Description = "The date, YYYY-MM-DD: each party's latest position on or before it (today when left out)." };
        var json = new Option<bool>("--json") { Description = "Print the matrix as the API serves it." };
        var command = new Command("show", "Show each issue's zone of agreement or conflict, and the parties' positions, at a date.") { issue, at, json };
        command.SetAction(async (parse, ct) =>
        {
            var errors = new ValidationErrors();
            var date = DomainLimits.ReadDate(parse.GetValue(at), DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), errors, "--at");
            if (!errors.IsEmpty)
            {
                return TruceCli.Fail(error, ExitCodes.Invalid, string.Join("\n", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var book = await session.Get<PositionBook>().ReadAsync(session.Acting, ct);
            var key = parse.GetValue(issue)?.Trim();
            var outcome = key is not null && !book.Issues.Any(i => i.Code == key)
                ? Outcome.NotFound($"--issue: no issue '{key}'; expected one of {string.Join(", ", book.Issues.Select(i => i.Code))}.").As<PositionMatrix>()
                : Outcome.Done(PositionMatrix.Of(book, date!.Value, key));
            return TruceCli.Finish(outcome, parse.GetValue(json), output, error, (console, matrix) =>
            {
                console.WriteLine($"Positions on {matrix.At:yyyy-MM-dd} (each party's latest on or before it).");
                foreach (var row in matrix.Issues)
                {
                    console.WriteLine();
                    console.Write(new Rule($"[bold]{Markup.Escape(row.Title)}[/] ({row.Code}) — {row.State}").LeftJustified());
                    console.WriteLine(row.Words);
                    var table = new Table().AddColumns("Party", "As of", "Stands", "Position");
                    for (var p = 0; p < matrix.Parties.Count; p++)
                    {
                        if (row.Cells[p] is { } cell)
                        {
                            table.AddRow(TruceCli.Cell(matrix.Parties[p].Name), cell.Position is { } v ? $"{v.AsOf:yyyy-MM-dd}" : "—", Kebab.Of(cell.Relation), TruceCli.Cell(cell.Position?.Summary ?? "no position yet"));
                        }
                    }

                    console.Write(table);
                }
            });
        });
        return command;
    }
}
