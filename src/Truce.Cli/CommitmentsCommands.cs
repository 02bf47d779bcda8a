using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;

namespace Truce.Cli;

/// <summary><c>truce pledges list|show|add</c>: the commitments ledger from the command line.</summary>
public static class CommitmentsCommands
{
    public static Command Pledges(TextWriter output, TextWriter error) =>
        new("pledges", "The commitments ledger: every member's pledges with conditions, sources and history.")
        {
            List(output, error),
            Show(output, error),
            Add(output, error),
        };

    private static Option<bool> Json() => new("--json") { Description = "Print JSON (the same shape as the API) instead of a table." };

    private static Command List(TextWriter output, TextWriter error)
    {
        var member = new Option<string?>("--member") { Description = "Only this member's pledges, e.g. GBR." };
        var category = new Option<string?>("--category") { Description = $"One of: {Kebab.Choices<PledgeCategory>()}." };
        var stage = new Option<string?>("--stage") { Description = $"One of: {Kebab.Choices<PledgeStage>()}." };
        var condition = new Option<string?>("--condition") { Description = $"Only pledges with this condition: {Kebab.Choices<ConditionKind>()}." };
        var search = new Option<string?>("--search", "-q") { Description = "Text in the title or capability." };
        var sort = new Option<string?>("--sort") { Description = $"One of {string.Join(", ", PledgeQuery.SortFields)}; a leading '-' sorts descending." };
        var limit = new Option<int?>("--limit") { Description = $"Pledges per page, 1–{PledgeQuery.MaxLimit} (default {PledgeQuery.DefaultLimit})." };
        var cursor = new Option<string?>("--cursor") { Description = "Continue from the cursor a previous page printed." };
        var json = Json();
        var command = new Command("list", "List pledges, filtered and sorted.") { member, category, stage, condition, search, sort, limit, cursor, json };
        command.SetAction(async (parse, ct) =>
        {
            var query = PledgeQuery.Parse(
                parse.GetValue(member), parse.GetValue(category), parse.GetValue(stage), parse.GetValue(condition), parse.GetValue(search),
                parse.GetValue(sort), parse.GetValue(cursor), parse.GetValue(limit), out var errors);
            if (!errors.IsEmpty)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, OptionErrors(errors));
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var listed = await session.Get<PledgeReads>().ListAsync(session.Acting, query, ct);
            if (!listed.IsDone)
            {
                // A query the options allowed but the ledger refused (a cursor from another sort) is still the command line's fault.
                return TruceCli.Fail(error, ExitCodes.Usage, OptionErrors(listed.Errors!));
            }

            return TruceCli.Finish(listed, parse.GetValue(json), output, error, (console, page) =>
            {
                var table = new Table().AddColumns("Id", "Member", "Pledge", "Category", "Quantity", "EUR", "Stage", "Conditions");
                foreach (var p in page.Items)
                {
                    table.AddRow(
                        TruceCli.Cell(p.Id.ToString(CultureInfo.InvariantCulture)),
                        TruceCli.Cell(p.Member),
                        TruceCli.Cell(p.Title),
                        TruceCli.Cell(p.Category),
                        TruceCli.Cell(p.Quantity is { } n ? $"{(p.QuantityIsUpTo ? "≤" : string.Empty)}{n:N0} {p.Unit}" : "—"),
                        TruceCli.Cell(p.Value?.Eur is { } eur ? eur.ToString("N0", CultureInfo.InvariantCulture) : "—"),
                        TruceCli.Cell(p.Stage),
                        TruceCli.Cell(string.Join(", ", p.Conditions.Select(c => c.Kind))));
                }

                console.Write(table);
                console.WriteLine($"{page.Items.Count} of {page.Total} pledges." + (page.NextCursor is { } next ? $" Next page: --cursor {next}" : string.Empty));
            });
        });
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error)
    {
        var id = new Argument<int>("id") { Description = "The pledge's number, as `pledges list` shows it." };
        var json = Json();
        var command = new Command("show", "Show one pledge with its conditions, sources and history.") { id, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var reads = session.Get<PledgeReads>();
            var found = await reads.GetAsync(session.Acting, parse.GetValue(id), ct);
            var history = found.IsDone ? await reads.HistoryAsync(session.Acting, found.Value.Id, ct) : null;
            var shown = !found.IsDone ? found.AsRefusal().As<PledgeWithHistory>()
                : !history!.IsDone ? history.AsRefusal().As<PledgeWithHistory>() // released beyond the reader between the two reads
                : Outcome.Done(new PledgeWithHistory(found.Value, history.Value));
            return TruceCli.Finish(shown, parse.GetValue(json), output, error, Print);
        });
        return command;
    }

    private static void Print(IAnsiConsole console, PledgeWithHistory shown)
    {
        var (pledge, history) = (shown.Pledge, shown.History);
        var facts = new Grid().AddColumns(2);
        void Row(string name, string? value) => facts.AddRow(TruceCli.Cell(name), TruceCli.Cell(value ?? "—"));
        Row("Pledge", $"{pledge.Id}: {pledge.Title}");
        Row("Member", $"{pledge.MemberName} ({pledge.Member})");
        Row("Category", pledge.Category);
        Row("Capability", pledge.Capability);
        Row("Quantity", pledge.Quantity is { } n ? $"{(pledge.QuantityIsUpTo ? "up to " : string.Empty)}{n:N0} {pledge.Unit}" : null);
        Row("Value", pledge.Value is { } v ? $"{v.Currency} {v.Amount:N0}" + (v.Eur is { } e ? $" (EUR {e:N0} at {v.FxDate:yyyy-MM-dd})" : string.Empty) : null);
        Row("Stage", pledge.Stage);
        Row("Readiness", pledge.ReadinessDays is { } d ? $"{d} days" : null);
        Row("Confidence", pledge.Confidence);
        Row("Conditions", string.Join("; ", pledge.Conditions.Select(c => c.Note is null ? c.Kind : $"{c.Kind} ({c.Note})")));
        Row("Caveats", string.Join("; ", pledge.Caveats));
        Row("Illustrative", string.Join(", ", pledge.Illustrative));
        Row("Version", $"{pledge.Version}, {pledge.UpdatedAt:yyyy-MM-dd HH:mm} UTC by {pledge.UpdatedBy}");
        console.Write(facts);
        console.WriteLine();
        console.WriteLine("Sources:");
        foreach (var s in pledge.Sources)
        {
            console.WriteLine($"  {s.Url}" + (s.Quote is null ? string.Empty : $" — \"{s.Quote}\""));
        }

        var table = new Table().AddColumns("Version", "When (UTC)", "Who", "Why", "Changed");
        foreach (var r in history)
        {
            table.AddRow(
                r.Version.ToString(CultureInfo.InvariantCulture),
                r.ChangedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                TruceCli.Cell(r.ChangedBy),
                TruceCli.Cell(r.Reason),
                TruceCli.Cell(r.Version == 1 ? "first entry" : string.Join(", ", r.Changes.Select(c => c.Field))));
        }

        console.Write(table);
    }

    /// <summary>A pledge and its history, as <c>pledges show --json</c> prints them.</summary>
    private sealed record PledgeWithHistory(PledgeView Pledge, IReadOnlyList<PledgeRevisionView> History);

    private static Command Add(TextWriter output, TextWriter error)
    {
        var file = new Option<FileInfo?>("--file") { Description = "Read the pledge from a JSON file in the API's shape; other options override its fields." };
        var member = new Option<string?>("--member") { Description = "The member making the pledge, e.g. GBR." };
        var title = new Option<string?>("--title") { Description = "What is pledged, in a few words." };
        var category = new Option<string?>("--category") { Description = $"One of: {Kebab.Choices<PledgeCategory>()}." };
        var capability = new Option<string?>("--capability") { Description = "e.g. infantry battalion, frigate, air policing." };
        var quantity = new Option<long?>("--quantity") { Description = "How many, in --unit." };
        var unit = new Option<string?>("--unit") { Description = "troops, aircraft, ships, …" };
        var upTo = new Option<bool>("--up-to") { Description = "The quantity is a ceiling (\"up to 1,000 troops\"): divisible." };
        var amount = new Option<decimal?>("--amount") { Description = "The value in --currency." };
        var currency = new Option<string?>("--currency") { Description = "ISO 4217 code, e.g. EUR, GBP, USD." };
        var eur = new Option<decimal?>("--eur") { Description = "The value in euros (needs --fx-date unless the currency is EUR)." };
        var fxDate = new Option<DateOnly?>("--fx-date") { Description = "Date of the exchange rate, yyyy-mm-dd." };
        var stage = new Option<string?>("--stage") { Description = $"One of: {Kebab.Choices<PledgeStage>()} (default announced)." };
        var readiness = new Option<int?>("--readiness-days") { Description = "Days from a decision to deploy until in place." };
        var announced = new Option<DateOnly?>("--announced-on") { Description = "When it was announced, yyyy-mm-dd." };
        var conditions = new Option<string[]>("--condition") { Description = $"A condition, repeatable; 'kind' or 'kind:note'. Kinds: {Kebab.Choices<ConditionKind>()}.", AllowMultipleArgumentsPerToken = false };
        var caveats = new Option<string[]>("--caveat") { Description = "A caveat, repeatable." };
        var sources = new Option<string[]>("--source") { Description = "A source, repeatable: 'url' or 'url|publisher|yyyy-mm-dd|quote'." };
        var confidence = new Option<string?>("--confidence") { Description = $"One of: {Kebab.Choices<Confidence>()} (default medium)." };
        var reason = new Option<string?>("--reason") { Description = "Why it is entered, for the history." };
        var marking = new Option<string?>("--marking") { Description = "Who may read it: public, coalition (default), rel-to, national." };
        var relTo = new Option<string[]>("--rel-to") { Description = "With --marking rel-to: a member it is released to, repeatable." };
        var json = Json();
        var command = new Command("add", "Enter a new pledge; every field is checked and each problem named.")
        {
            file, member, title, category, capability, quantity, unit, upTo, amount, currency, eur, fxDate, stage, readiness, announced,
            conditions, caveats, sources, confidence, reason, marking, relTo, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            PledgeInput input;
            if (parse.GetValue(file) is { } f)
            {
                try
                {
                    input = JsonSerializer.Deserialize<PledgeInput>(await File.ReadAllTextAsync(f.FullName, ct), TruceJson.Options) ?? new PledgeInput();
                }
                catch (Exception e) when (e is JsonException or IOException)
                {
                    return TruceCli.Fail(error, ExitCodes.Usage, $"cannot read {f.Name}: {e.Message}");
                }
            }
            else
            {
                input = new PledgeInput();
            }

            input.Member = parse.GetValue(member) ?? input.Member;
            input.Title = parse.GetValue(title) ?? input.Title;
            input.Category = parse.GetValue(category) ?? input.Category;
            input.Capability = parse.GetValue(capability) ?? input.Capability;
            input.Quantity = parse.GetValue(quantity) ?? input.Quantity;
            input.Unit = parse.GetValue(unit) ?? input.Unit;
            input.QuantityIsUpTo = parse.GetValue(upTo) || input.QuantityIsUpTo;
            if (parse.GetValue(amount) is not null || parse.GetValue(currency) is not null || parse.GetValue(eur) is not null)
            {
                input.Value = new MoneyInput { Amount = parse.GetValue(amount), Currency = parse.GetValue(currency), Eur = parse.GetValue(eur), FxDate = parse.GetValue(fxDate) };
            }

            input.Stage = parse.GetValue(stage) ?? input.Stage;
            input.ReadinessDays = parse.GetValue(readiness) ?? input.ReadinessDays;
            input.AnnouncedOn = parse.GetValue(announced) ?? input.AnnouncedOn;
            if (parse.GetValue(conditions) is { Length: > 0 } cs)
            {
                input.Conditions = cs.Select(c => c.Split(':', 2)).Select(p => new ConditionInput { Kind = p[0], Note = p.Length > 1 ? p[1] : null }).ToList();
            }

            if (parse.GetValue(caveats) is { Length: > 0 } cv)
            {
                input.Caveats = cv.ToList();
            }

            if (parse.GetValue(sources) is { Length: > 0 } ss)
            {
                input.Sources = [];
                foreach (var s in ss)
                {
                    var parts = s.Split('|', 4, StringSplitOptions.TrimEntries);
                    DateOnly? date = null;
                    if (parts.Length > 2 && parts[2].Length > 0)
                    {
                        if (!DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        {
                            return TruceCli.Fail(error, ExitCodes.Usage, $"--source '{s}': expected the date as yyyy-mm-dd, got '{parts[2]}'.");
                        }

                        date = d;
                    }

                    input.Sources.Add(new CitationInput { Url = parts[0], Publisher = parts.Length > 1 ? parts[1] : null, Date = date, Quote = parts.Length > 3 ? parts[3] : null });
                }
            }

            input.Confidence = parse.GetValue(confidence) ?? input.Confidence;
            if (parse.GetValue(marking) is { } level)
            {
                input.Marking = new MarkingInput { Level = level, RelTo = [.. parse.GetValue(relTo) ?? []] };
            }

            input.Reason = parse.GetValue(reason) ?? input.Reason;

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var created = await session.Get<PledgeWrites>().CreateAsync(session.Acting, input, ct: ct);
            return TruceCli.Finish(created, parse.GetValue(json), output, error, (console, p) => console.WriteLine($"Entered pledge {p.Id}: {p.Title} ({p.Member}), version 1."), OptionFor, "the pledge was not entered");
        });
        return command;
    }

    private static string OptionErrors(ValidationErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(e => $"{OptionFor(e.Key)}: {string.Join(" ", e.Value)}"));

    // The ledger names fields as the API does; a CLI user typed options, so say which option.
    private static string OptionFor(string field) => field switch
    {
        "value.amount" => "--amount",
        "value.currency" => "--currency",
        "value.eur" => "--eur",
        "value.fxDate" => "--fx-date",
        "readinessDays" => "--readiness-days",
        "announcedOn" => "--announced-on",
        "quantityIsUpTo" => "--up-to",
        "marking.level" => "--marking",
        "marking.relTo" => "--rel-to",
        _ when field.StartsWith("conditions", StringComparison.Ordinal) => $"--condition ({field})",
        _ when field.StartsWith("caveats", StringComparison.Ordinal) => $"--caveat ({field})",
        _ when field.StartsWith("sources", StringComparison.Ordinal) => $"--source ({field})",
        _ => TruceCli.Option(field),
    };
}
