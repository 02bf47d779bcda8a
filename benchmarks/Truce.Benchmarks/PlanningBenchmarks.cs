using BenchmarkDotNet.Attributes;
using Truce.Core.Planning;
using Truce.Planning;

namespace Truce.Benchmarks;

/// <summary>
/// Time to a plan for the instances of issue #4, for the coverage stage alone (what the speed goals name),
/// the full plan (coverage, then nations and readiness), and the greedy baseline. Status, gap and coverage
/// of each come from <c>--report</c> (PlanningReport), which solves each once.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class PlanningBenchmarks
{
    private PlanningProblem _problem = null!;
    private TimeSpan _limit;

    [ParamsSource(nameof(Names))]
    public string Instance { get; set; } = "S";

    public static IEnumerable<string> Names => PlanningInstances.Sizes.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        var size = PlanningInstances.Sizes.Single(s => s.Name == Instance);
        _problem = PlanningInstances.Generate(size.Members, size.Pledges, size.Requirements, size.Indivisible);
        _limit = size.Limit;
    }

    [Benchmark(Description = "coverage stage")]
    public PlanResult Coverage() => new OrToolsPlanner { CoverageOnly = true }.Solve(_problem, _limit);

    [Benchmark(Description = "greedy baseline")]
    public PlanResult Greedy() => new GreedyPlanner().Solve(_problem, _limit);
}
