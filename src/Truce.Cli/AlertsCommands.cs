using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Storage.Alerts;

namespace Truce.Cli;

/// <summary><c>truce alerts list</c>: the alerts raised lately, newest first, as the acting user may read them (the operator reads all).</summary>
public static class AlertsCommands
{
    public static Command Alerts(TextWriter output, TextWriter error) =>
        new("alerts", "Alerts raised by the rules: N events of a type in a sector within a window; verified violations.") { List(output, error) };

    private static Command List(TextWriter output, TextWriter error)
    {
        var since = new Option<string?>("--since") { Description = "Only alerts raised since this date or instant (UTC unless it has an offset), e.g. 2025-03-20 or 2025-03-20T06:00:00+02:00." };
        var rule = new Option<long?>("--rule") { Description = "Only the alerts of this rule (its id)." };
        var limit = new Option<int>("--limit") { Description = $"At most this many (1–{AlertQuery.MaxLimit:N0}).", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape)." };
        var command = new Command("list", "List the alerts raised lately, newest first, each with why it was raised.") { since, rule, limit, json };
        command.SetAction(async (parse, ct) =>
        {
            var errors = new ValidationErrors();
            var from = Instants.Read(parse.GetValue(since), errors, "since");
            if (!errors.IsEmpty)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--since: {string.Join(" ", errors.ToDictionary()["since"])}");
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var listed = await session.Get<AlertReads>().ListAsync(session.Acting, new AlertQuery(from, parse.GetValue(rule), Limit: parse.GetValue(limit)), ct);
            return TruceCli.Finish(listed, parse.GetValue(json), output, error, (console, alerts) =>
            {
                if (alerts.Count == 0)
                {
                    console.WriteLine("No alert raised" + (from is null ? "." : $" since {from:yyyy-MM-dd HH:mm} UTC."));
                    return;
                }

                var table = new Table().AddColumns("Id", "Raised (UTC)", "Rule", "Sector", "Why", "Marking");
                foreach (var a in alerts)
                {
                    table.AddRow(
                        TruceCli.Cell(a.Id.ToString(CultureInfo.InvariantCulture)),
                        TruceCli.Cell(a.RaisedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                        TruceCli.Cell(a.Rule),
                        TruceCli.Cell(a.Sector ?? "—"),
                        TruceCli.Cell(a.Why),
                        TruceCli.Cell(a.Marking));
                }

                console.Write(table);
            }, option: field => "--" + field);
        });
        return command;
    }
}
