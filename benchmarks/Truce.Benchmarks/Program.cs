using BenchmarkDotNet.Running;
using Truce.Benchmarks;

// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --report         (plan quality per instance)
if (args.Contains("--report"))
{
    PlanningReport.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LedgerBenchmarks).Assembly).Run(args);
