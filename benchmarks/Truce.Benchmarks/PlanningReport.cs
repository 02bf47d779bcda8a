using System.Globalization;
using Truce.Core.Planning;
using Truce.Planning;

namespace Truce.Benchmarks;

/// <summary>Solves each instance once with each planner and prints status, objective, bound, gap, coverage and time as a Markdown table.</summary>
public static class PlanningReport
{
    public static void Print(TextWriter output)
    {
        output.WriteLine("| instance | planner | status (coverage / preferences) | coverage (weighted) | objective | best bound | gap | nation-lines | time |");
        output.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in PlanningInstances.Sizes)
        {
            var problem = PlanningInstances.Generate(size.Members, size.Pledges, size.Requirements, size.Indivisible);
            var runs = new (string Name, IPlanner Planner)[]
            {
                ("coverage stage", new OrToolsPlanner { CoverageOnly = true }),
                ("full plan", new OrToolsPlanner()),
                ("greedy", new GreedyPlanner()),
            };
            foreach (var (name, planner) in runs)
            {
                var plan = planner.Solve(problem, size.Limit);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {size.Name} ({size.Members} members, {size.Pledges} pledges, {size.Requirements} requirements) | {name}: {plan.Method} | {plan.Status} / {(name == "coverage stage" ? "—" : plan.SecondaryStatus.ToString())} | {plan.WeightedCoverage(problem):P1} | {plan.Objective:N0} | {plan.BestBound:N0} | {plan.Gap:P2} | {plan.NationLines:N0} | {plan.Elapsed.TotalMilliseconds:N0} ms |"));
            }
        }
    }
}
