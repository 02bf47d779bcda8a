using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Core.Reports;
using Truce.Storage.Reports;

namespace Truce.Cli;

/// <summary>
/// <c>truce report daily</c>: the daily report of a date and cut-off (OSCE SMM shape) as the acting reader may
/// read it — tables for people, or the API's JSON (<c>--json</c>) for scripts.
/// </summary>
public static class ReportsCommands
{
    public static Command Report(TextWriter output, TextWriter error) =>
        new("report", "Reports: the daily report in the OSCE SMM's shape.") { Daily(output, error) };

    private static Command Daily(TextWriter output, TextWriter error)
    {
        var date = new Option<string?>("--date") { Description = "The report's date, YYYY-MM-DD (today in Kyiv when left out)." };
        var cutoff = new Option<string?>("--cutoff") { Description = "The cut-off on a Kyiv clock, HH:mm (19:30 when left out): the period runs from the day before's cut-off, not included, to this one, included." };
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape: GET /api/v1/reports/daily)." };
        var command = new Command("daily", "The daily report: violations and explosions per oblast and sector against the day before, weapons in violation of withdrawal lines, restrictions of movement, notable incidents; each incident counted once.") { date, cutoff, json };
        command.SetAction(async (parse, ct) =>
        {
            var errors = new ValidationErrors();
            var today = KyivTime.Today(TimeProvider.System);
            var period = ReportPeriod.Read(parse.GetValue(date), parse.GetValue(cutoff), today, errors, "--date", "--cutoff");
            if (period is null)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, string.Join("\n", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var report = await session.Get<ReportReads>().DailyAsync(session.Acting, period, ct);
            return TruceCli.Finish(Outcome.Done(report), parse.GetValue(json), output, error, Print);
        });
        return command;
    }

    private static void Print(IAnsiConsole console, DailyReport r)
    {
        string Kyiv(DateTimeOffset at) => KyivTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string Change(int n) => n > 0 ? $"+{n}" : n.ToString(CultureInfo.InvariantCulture);
        string Place(string? oblast, string? sector) => (oblast ?? "unplaced") + (sector is null ? string.Empty : $", {sector}");
        string Of(CountedEvent e) => e.IncidentId is { } id ? $"incident {id} ({e.Reports} reports)" : $"observation {e.FirstObservation}";

        console.WriteLine($"Daily report of {r.Period.Date:yyyy-MM-dd}: from {Kyiv(r.Period.Start)} to {Kyiv(r.Period.End)} Kyiv time, against the day before. Each incident counted once.");
        var t = r.Total;
        console.WriteLine($"{t.Now.Violations} ceasefire violations ({Change(t.ViolationsChange)}), {t.Now.Explosions} explosions ({Change(t.ExplosionsChange)}).");

        var table = new Table().AddColumns("Oblast", "Sector", "Violations", "Day before", "Explosions", "Day before");
        foreach (var l in r.BySector)
        {
            table.AddRow(TruceCli.Cell(l.Oblast ?? "unplaced"), TruceCli.Cell(l.Sector ?? "—"), $"{l.Now.Violations}", $"{l.Before.Violations}", $"{l.Now.Explosions}", $"{l.Before.Explosions}");
        }

        console.Write(table);
        void List(string title, IReadOnlyList<CountedEvent> events, Func<CountedEvent, string> line)
        {
            console.WriteLine($"{title}: {(events.Count == 0 ? "none" : events.Count.ToString(CultureInfo.InvariantCulture))}");
            foreach (var e in events)
            {
                console.MarkupLine("  " + TruceCli.Cell(line(e)));
            }
        }

        List("Weapons in violation of withdrawal lines", r.Withdrawals, e => $"{e.At:yyyy-MM-dd HH:mm} UTC, {e.Weapon ?? "weapon"}{(e.CalibreMm is { } mm ? $" {mm} mm" : "")} ×{e.Count}, {Place(e.Oblast, e.SectorCode)}: {string.Join(", ", e.WithdrawalBreaches)} — {Of(e)}");
        List("Restrictions of movement", r.Restrictions, e => $"{e.At:yyyy-MM-dd HH:mm} UTC, {Place(e.Oblast, e.SectorCode)}: {e.Description ?? "no description"} — {Of(e)}");
        List("Notable incidents", r.Notable, e => $"{e.At:yyyy-MM-dd HH:mm} UTC, {Kebab.Of(e.Type)}, {Place(e.Oblast, e.SectorCode)}{(e.State is { } s ? ", " + Kebab.Of(s) : "")}{(e.Casualties is > 0 ? $", casualties {e.Casualties}" : "")} — {Of(e)}");
    }
}
