using BenchmarkDotNet.Attributes;
using Truce.Core.Verification;
using Truce.Geography;

namespace Truce.Benchmarks;

/// <summary>
/// Fusion proposals over a generated day along the 2025 line: 20,000 true events, about 60,000 reports (issue
/// #12's goal: a day's batch in under 1 s). The day is generated once; only the proposing is measured.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class FusionBenchmarks
{
    private IReadOnlyList<FusionReport> _reports = [];

    [GlobalSetup]
    public void Setup() => _reports = [.. new FusionGenerator(FusionReport2025.Line(), seed: 1).Day(20_000).Select(d => d.Report)];

    [Benchmark]
    public int ProposeADay() => FusionProposer.Propose(_reports).Count;
}

/// <summary>Precision, recall and time of the two baselines and the proposer on a generated day (<c>--fusion-report</c>).</summary>
public static class FusionReport2025
{
    /// <summary>The 2025 illustrative line: the longest part of the shipped file.</summary>
    public static IReadOnlyList<(double Lon, double Lat)> Line() =>
        GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => Placer.Parts(f.Geometry)).OrderByDescending(p => p.Count).First();

    public static void Print(TextWriter output, int seed)
    {
        var generator = new FusionGenerator(Line(), seed);
        var day = generator.Day(20_000);
        var reports = day.Select(d => d.Report).ToList();
        output.WriteLine(FormattableString.Invariant($"seed {seed}: 20,000 events, {reports.Count:N0} reports along {generator.LengthKm:0} km of line"));
        output.WriteLine("method                          precision  recall  proposed pairs  true pairs  time");
        Row(output, "single-linkage (1 km, 20 min)", day, () => FusionBaselines.SpaceTimeLinkage(reports));
        Row(output, "type-aware leader (1 km, 20 min)", day, () => FusionBaselines.TypeAwareLeader(reports));
        Row(output, "FusionProposer", day, () => [.. FusionProposer.Propose(reports).Select(c => c.ReportIds)]);
    }

    private static void Row(TextWriter output, string name, IReadOnlyList<GeneratedReport> day, Func<IReadOnlyList<IReadOnlyList<long>>> group)
    {
        group(); // warm: the first run pays for JIT
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var groups = group();
        var elapsed = clock.Elapsed;
        var agreement = PairAgreement.Measure(groups, day);
        output.WriteLine(FormattableString.Invariant($"{name,-32} {agreement.Precision,9:0.000}  {agreement.Recall,6:0.000}  {agreement.ProposedPairs,14:N0}  {agreement.TruePairs,10:N0}  {elapsed.TotalMilliseconds:0} ms"));
    }
}
