using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Truce.Benchmarks;
using Truce.Storage.Monitoring;

// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --report         (plan quality per instance)
// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --fusion-report [--seed N]  (fusion precision, recall and time)
// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --quotes-report [--misses]  (statement extraction against the hand-labelled set)
// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --generate-observations 1000000 obs.ndjson [--bad-share 0.01] [--seed 1]
//                                                                     (synthetic observations, NDJSON or CSV by the file's extension)
// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --generate-demo-observations data/demo/observations.ndjson
if (args.Contains("--report"))
{
    PlanningReport.Print(Console.Out);
    return;
}

if (args.Contains("--fusion-report"))
{
    FusionReport2025.Print(Console.Out, Option("--seed") is { } fusionSeed ? int.Parse(fusionSeed, CultureInfo.InvariantCulture) : 1);
    return;
}

if (args.Contains("--quotes-report"))
{
    QuotesReport.Print(Console.Out, misses: args.Contains("--misses"));
    return;
}

if (Array.IndexOf(args, "--generate-observations") is var generate and >= 0)
{
    if (args.Length < generate + 3 || !long.TryParse(args[generate + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
    {
        Console.Error.WriteLine("usage: --generate-observations <count> <path.ndjson|path.csv> [--bad-share 0.01] [--seed N]");
        Environment.ExitCode = 2;
        return;
    }

    var badShare = Option("--bad-share") is { } share ? double.Parse(share, CultureInfo.InvariantCulture) : 0;
    var seed = Option("--seed") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 1;
    var clock = Stopwatch.StartNew();
    var written = ObservationGenerator.WriteFile(new ObservationGenerator(seed, badShare).Generate(count), args[generate + 2]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written:N0} observations (seed {seed}, bad share {badShare}) written to {args[generate + 2]} in {clock.Elapsed.TotalSeconds:0.0} s"));
    return;
}

if (Array.IndexOf(args, "--generate-demo-observations") is var demo and >= 0 && demo + 1 < args.Length)
{
    var written = ObservationGenerator.WriteFile(ObservationGenerator.Demo(), args[demo + 1]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written} demo observations written to {args[demo + 1]}"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LedgerBenchmarks).Assembly).Run(args);

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
