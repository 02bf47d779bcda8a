using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Truce.Benchmarks.LedgerBenchmarks).Assembly).Run(args);
