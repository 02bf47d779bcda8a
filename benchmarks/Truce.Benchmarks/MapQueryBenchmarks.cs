using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;
using Truce.Core.Monitoring;
using Truce.Core.Monitoring.Files;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Monitoring;

namespace Truce.Benchmarks;

/// <summary>
/// The monitoring map's query — current observations in a viewport and a time window, newest first, up to
/// 5,000 points with their worst verdict — over 1,000,000 generated observations taken in through the intake
/// (the same generator as the intake's CLI run, 1 % bad rows left out), on each store. The stores are built once
/// and kept (a SQLite file under the temporary folder; a PostgreSQL database on the cluster of
/// <c>scripts/postgres.sh start</c>), since filling them takes longer than the measurement.
/// </summary>
[Config(typeof(Percentiles))]
[WarmupCount(3)]
[IterationCount(20)]
public class MapQueryBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly Principal Reader = new("bench", Role.Analyst, null);
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "truce-bench-map");
    private ServiceProvider _services = null!;

    [Params("sqlite", "postgresql")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Folder);
        var options = new StorageOptions { SqlitePath = Path.Combine(Folder, "map.db") };
        var fresh = !File.Exists(options.SqlitePath);
        if (Store == StorageOptions.PostgreSql)
        {
            const string database = "truce_bench_map";
            fresh = !BenchPostgres.Exists(database);
            if (fresh)
            {
                BenchPostgres.Administer($"CREATE DATABASE \"{database}\"");
            }

            options = options with { Provider = StorageOptions.PostgreSql, ConnectionString = BenchPostgres.To(database) };
        }

        _services = new ServiceCollection().AddTruceStorage(_ => options).BuildServiceProvider();
        if (!fresh)
        {
            return;
        }

        using var scope = _services.CreateScope();
        StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<TruceDb>()).GetAwaiter().GetResult();
        var system = Principal.System("benchmark set-up");
        scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(system, DemoData.DefaultPath).GetAwaiter().GetResult();
        var rows = new ObservationGenerator(seed: 1, badShare: 0.01).Generate(Rows).Select((input, i) => new FileRow { Row = i + 1, Input = input, Locate = f => (f, null) });
        var done = scope.ServiceProvider.GetRequiredService<ObservationIntake>().ImportAsync(system, rows, IntakeMode.AcceptValid).GetAwaiter().GetResult();
        Console.WriteLine($"// filled the {Store} store: {done.Value.Accepted:N0} observations");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    [Benchmark(Description = "the Donbas, 7 days of March 2025")]
    public Task<int> DonbasWeek() => Map(new ObservationFilter(At(2025, 3, 10), At(2025, 3, 17), new Envelope(36.5, 39.5, 47.0, 49.5)));

    [Benchmark(Description = "all of Ukraine, 30 days (the 5,000 cap reached)")]
    public Task<int> UkraineMonth() => Map(new ObservationFilter(At(2025, 6, 1), At(2025, 7, 1), new Envelope(22, 41, 44, 53)));

    [Benchmark(Description = "the Donbas, 30 days of 2015, violations only")]
    public Task<int> Violations2015() => Map(new ObservationFilter(At(2015, 6, 1), At(2015, 7, 1), new Envelope(36.5, 39.5, 47.0, 49.5), Verdicts: [WorstVerdict.Violation]));

    [Benchmark(Description = "a town (0.2° box), 90 days")]
    public Task<int> Town() => Map(new ObservationFilter(At(2025, 4, 1), At(2025, 7, 1), new Envelope(37.7, 37.9, 48.0, 48.2)));

    private async Task<int> Map(ObservationFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ObservationReads>().MapAsync(Reader, filter)).Points.Count;
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
