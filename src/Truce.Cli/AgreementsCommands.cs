using System.CommandLine;
using Spectre.Console;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Storage.Agreements;

namespace Truce.Cli;

/// <summary><c>truce agreements list|show</c>: ceasefire agreements, each party's stand and the provisions in words.</summary>
public static class AgreementsCommands
{
    public static Command Agreements(TextWriter output, TextWriter error) =>
        new("agreements", "Ceasefire agreements: parties' acceptance, provisions in words, lifecycle.") { List(output, error), Show(output, error) };

    private static Command List(TextWriter output, TextWriter error)
    {
        var status = new Option<string?>("--status") { Description = $"Only agreements with this status: {Kebab.Choices<AgreementStatus>()}." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape)." };
        var command = new Command("list", "List the agreements, newest first.") { status, json };
        command.SetAction(async (parse, ct) =>
        {
            var wanted = parse.GetValue(status);
            if (wanted is not null && !Kebab.TryParse(wanted, out AgreementStatus _))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--status: '{wanted}' is not a status; expected one of {Kebab.Choices<AgreementStatus>()}.");
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var listed = await session.Get<AgreementBook>().ListAsync(session.Acting, wanted, ct);
            return TruceCli.Finish(Outcome.Done(listed), parse.GetValue(json), output, error, (console, list) =>
            {
                var table = new Table().AddColumns("Key", "Agreement", "Kind", "Status", "Proposed", "Parties");
                foreach (var a in list)
                {
                    table.AddRow(
                        TruceCli.Cell(a.Key),
                        TruceCli.Cell(a.Title),
                        TruceCli.Cell(a.Kind),
                        TruceCli.Cell(a.Status),
                        TruceCli.Cell($"{a.ProposedOn:yyyy-MM-dd}"),
                        TruceCli.Cell(string.Join("\n", a.Parties.Select(p => $"{p.Actor}: {p.State}"))));
                }

                console.Write(table);
            });
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var key = new Argument<string>("key") { Description = "The agreement's key, as `agreements list` shows it, e.g. minsk-ii." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape)." };
        var command = new Command("show", "Show one agreement: terms, parties and their conditions, provisions in words, history.") { key, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var found = await session.Get<AgreementBook>().GetAsync(session.Acting, parse.GetValue(key)!, ct);
            return TruceCli.Finish(found, parse.GetValue(json), output, error, Print);
        });
        return command;
    }

    private static void Print(IAnsiConsole console, AgreementView a)
    {
        var facts = new Grid().AddColumns(2);
        void Row(string name, string? value) => facts.AddRow(TruceCli.Cell(name), TruceCli.Cell(value ?? "—"));
        Row("Agreement", $"{a.Title} ({a.Key})");
        Row("Kind", a.Kind);
        Row("Status", a.Status + (a.NextStatuses.Count > 0 ? $" (may become: {string.Join(", ", a.NextStatuses)})" : string.Empty));
        Row("Proposed", $"{a.ProposedOn:yyyy-MM-dd}");
        Row("Takes effect", a.EffectiveFrom?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        Row("Ends", a.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? (a.DurationDays is null ? "no end date" : null));
        Row("Marking", a.Marking);
        console.Write(facts);

        var parties = new Table().AddColumns("Party", "Stand", "On", "Conditions");
        foreach (var p in a.Parties)
        {
            parties.AddRow(TruceCli.Cell($"{p.Name} ({p.Actor})"), TruceCli.Cell(p.State), TruceCli.Cell($"{p.On:yyyy-MM-dd}"), TruceCli.Cell(p.Conditions ?? "—"));
        }

        console.Write(parties);
        foreach (var p in a.Provisions)
        {
            console.WriteLine($"{p.Number}. {p.Kind}{(p.Reference is null ? string.Empty : $" ({p.Reference})")}");
            foreach (var words in p.Words)
            {
                console.WriteLine($"   {words}");
            }
        }

        foreach (var h in a.History)
        {
            console.WriteLine($"{h.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC  {h.From} → {h.To}{(h.ExtendedByDays is { } d ? $" (+{d} days)" : string.Empty)}: {h.Reason}");
        }
    }
}
