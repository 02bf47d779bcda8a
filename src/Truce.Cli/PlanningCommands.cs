using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Planning;

namespace Truce.Cli;

/// <summary><c>truce plan solve|compare</c>: force-generation planning from the command line.</summary>
public static class PlanningCommands
{
    public static Command Plan(TextWriter output, TextWriter error) =>
        new("plan", "Match pledges to a mission's requirements; show shortfalls; compare scenarios.") { Solve(output, error), Compare(output, error) };

    private static Option<string> Mission() => new("--mission") { Description = "The mission's code.", DefaultValueFactory = _ => "reassurance-force" };

    private static Option<double?> TimeLimit() => new("--time-limit")
    {
        Description = $"Seconds the solver may take, {PlanLimits.MinSeconds.ToString(CultureInfo.InvariantCulture)}–{PlanLimits.MaxSeconds.ToString(CultureInfo.InvariantCulture)} (default {PlanLimits.Default.TotalSeconds.ToString(CultureInfo.InvariantCulture)}).",
    };

    private static Command Solve(TextWriter output, TextWriter error)
    {
        var mission = Mission();
        var without = new Option<string[]>("--without") { Description = $"A condition that does not hold, repeatable: {string.Join(", ", Enum.GetValues<Truce.Core.Commitments.ConditionKind>().Where(c => !PlanningScenario.Caveats.Contains(c)).Select(c => Kebab.Of(c)))}." };
        var exclude = new Option<string[]>("--exclude") { Description = "A member left out, repeatable, e.g. ITA." };
        var planDate = new Option<DateOnly?>("--plan-date") { Description = $"The date plans are decided on, yyyy-mm-dd; readiness counts from it (default {PlanLimits.DefaultPlanDate:yyyy-MM-dd})." };
        var limit = TimeLimit();
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape) instead of tables." };
        var command = new Command("solve", "Plan a mission under one scenario.") { mission, without, exclude, planDate, limit, json };
        command.SetAction((parse, ct) =>
        {
            var scenario = new ScenarioInput { Without = [.. parse.GetValue(without) ?? []], ExcludedMembers = [.. parse.GetValue(exclude) ?? []], PlanDate = parse.GetValue(planDate) };
            return Run(parse, limit, json, output, error, (runs, acting, time) => runs.SolveAsync(acting, parse.GetValue(mission)!, scenario, time, ct), Print, ct);
        });
        return command;
    }

    private static Command Compare(TextWriter output, TextWriter error)
    {
        var mission = Mission();
        var without = new Option<string[]>("--without") { Description = "Compare the base case with a scenario in which this condition does not hold; repeatable, one scenario each.", Required = true };
        var limit = TimeLimit();
        var json = new Option<bool>("--json") { Description = "Print JSON (the API's shape) instead of tables." };
        var command = new Command("compare", "Plan a mission under the base case and scenarios without a condition, side by side.") { mission, without, limit, json };
        command.SetAction((parse, ct) =>
        {
            var scenarios = new List<ScenarioInput> { new() { Name = "Base case" } };
            scenarios.AddRange((parse.GetValue(without) ?? []).Select(w => new ScenarioInput { Name = CaseName(w), Without = [w] }));
            return Run(parse, limit, json, output, error, (runs, acting, time) => runs.CompareAsync(acting, parse.GetValue(mission)!, scenarios, time, ct), PrintComparison, ct);
        });
        return command;
    }

    /// <summary>
    /// What solve and compare share: the time limit checked, the storage opened, a missing mission or refused
    /// input reported with its option, and the result printed as JSON or as tables.
    /// </summary>
    private static async Task<int> Run<T>(
        ParseResult parse, Option<double?> limit, Option<bool> json, TextWriter output, TextWriter error,
        Func<PlanRuns, Principal, TimeSpan, Task<Outcome<T>>> plan, Action<IAnsiConsole, T> print, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var time = PlanLimits.TimeLimit(parse.GetValue(limit), errors, "--time-limit");
        if (!errors.IsEmpty)
        {
            return TruceCli.Fail(error, ExitCodes.Usage, errors.ToString());
        }

        await using var session = await TruceCli.OpenAsync(parse, ct);
        var planned = await plan(session.Get<PlanRuns>(), session.Acting, time);
        return TruceCli.Finish(planned, parse.GetValue(json), output, error, print, OptionFor, "nothing was planned");
    }

    private static void PrintComparison(IAnsiConsole console, ComparisonView comparison)
    {
        var table = new Table().AddColumn("Line").AddColumn("Capability").AddColumn("Priority").AddColumn("Demand");
        foreach (var name in comparison.Scenarios)
        {
            table.AddColumn(TruceCli.Cell(name));
        }

        foreach (var line in comparison.Lines)
        {
            table.AddRow([line.Code, TruceCli.Cell(line.Capability), N(line.Priority), $"{N(line.Demand)} {TruceCli.Cell(line.Measure)}", .. line.Covered.Select(c => c < line.Demand ? $"{N(c)} (short {N(line.Demand - c)})" : N(c))]);
        }

        console.Write(table);
        foreach (var plan in comparison.Plans)
        {
            console.WriteLine($"{plan.Scenario}: {plan.Status}, weighted coverage {plan.WeightedCoverage:P1}, gap {plan.Gap:P2}, {plan.ElapsedMs:N0} ms ({plan.Method}).");
        }

        console.WriteLine(comparison.Optimality);
        console.WriteLine(comparison.DroppedOut.Count == 0 ? "No pledge used in the base case drops out." : "Pledges that drop out:");
        foreach (var d in comparison.DroppedOut)
        {
            console.WriteLine($"  {d.Scenario}: pledge {d.PledgeId} ({d.Member}, {d.Title}; {N(d.UsedInFirst)} used in the base case): {d.Reason}");
        }
    }

    private static void Print(IAnsiConsole console, PlanView plan)
    {
        console.WriteLine($"{plan.Mission} — {plan.Scenario}: {plan.Status} (preferences {plan.PreferencesStatus}), weighted coverage {plan.WeightedCoverage:P1}, objective {N(plan.Objective)}, bound {N(plan.BestBound)}, gap {plan.Gap:P2}, {plan.ElapsedMs:N0} ms, {plan.Method}.");
        console.WriteLine(plan.Note);
        var lines = new Table().AddColumns("Line", "Capability", "Sector", "Priority", "Demand", "Covered", "Missing");
        foreach (var l in plan.Lines)
        {
            lines.AddRow(l.Code, TruceCli.Cell(l.Capability), TruceCli.Cell(l.Sector), N(l.Priority), $"{N(l.Demand)} {TruceCli.Cell(l.Measure)}", N(l.Covered), l.Missing == 0 ? "—" : N(l.Missing));
        }

        console.Write(lines);
        var allocations = new Table().AddColumns("Pledge", "Member", "Line", "Quantity");
        foreach (var a in plan.Allocations)
        {
            allocations.AddRow($"{a.PledgeId}: {TruceCli.Cell(a.Title)}", a.Member, a.Requirement, N(a.Quantity));
        }

        console.Write(allocations);
        var unused = new Table().AddColumns("Unused pledge", "Member", "Why");
        foreach (var u in plan.Unused)
        {
            unused.AddRow($"{u.PledgeId}: {TruceCli.Cell(u.Title)}", u.Member, TruceCli.Cell(u.Reason));
        }

        console.Write(unused);
    }

    private static string CaseName(string condition) =>
        "No " + string.Join(' ', condition.Split('-').Select(w => w is "us" or "un" ? w.ToUpperInvariant() : w));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Planning names fields as the API does; say which option they come from.
    private static string OptionFor(string field) =>
        field.Contains("without", StringComparison.Ordinal) ? "--without"
        : field.Contains("members", StringComparison.Ordinal) ? "--exclude"
        : field.Contains("planDate", StringComparison.Ordinal) ? "--plan-date"
        : field.Contains("timeLimit", StringComparison.Ordinal) ? "--time-limit"
        : TruceCli.Option(field);
}
