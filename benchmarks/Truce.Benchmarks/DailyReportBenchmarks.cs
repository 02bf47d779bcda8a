using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Truce.Core.Monitoring.Files;
using Truce.Core.Reports;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage;
using Truce.Storage.Monitoring;
using Truce.Storage.Reports;

namespace Truce.Benchmarks;

/// <summary>
/// The daily report (issue 12: "over 100,000 observations in under 1 s") on each store: 100,000 generated
/// observations in the period of the report of 1 April 2025 (in the energy-strike moratorium, so strikes on energy are violations) and 100,000 in the period before, which the
/// report compares with — 200,000 read — taken in through the intake (placed and judged), one in ten in an
/// incident of two reports. The generator's 2025 rows are moved into the two days, keeping their place, type
/// and hour. The stores are built once and kept (a SQLite file under the temporary folder; a PostgreSQL
/// database on the cluster of <c>scripts/postgres.sh start</c>), since filling them takes longer than the measurement.
/// </summary>
[Config(typeof(Percentiles))]
[WarmupCount(2)]
[IterationCount(10)]
public class DailyReportBenchmarks
{
    public const int PerDay = 100_000;
    public static readonly DateOnly Day = new(2025, 4, 1);
    private static readonly Principal Reader = new("bench", Role.Analyst, null);
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "truce-bench-report");
    private ServiceProvider _services = null!;

    [Params("sqlite", "postgresql")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Folder);
        var options = new StorageOptions { SqlitePath = Path.Combine(Folder, "report.db") };
        var fresh = !File.Exists(options.SqlitePath);
        if (Store == StorageOptions.PostgreSql)
        {
            const string database = "truce_bench_report";
            fresh = !BenchPostgres.Exists(database);
            if (fresh)
            {
                BenchPostgres.Administer($"CREATE DATABASE \"{database}\"");
            }

            options = options with { Provider = StorageOptions.PostgreSql, ConnectionString = BenchPostgres.To(database) };
        }

        _services = new ServiceCollection().AddTruceStorage(_ => options).BuildServiceProvider();
        if (fresh)
        {
            Fill(_services);
        }
    }

    /// <summary>Fills a store: the demo data, 2 × <see cref="PerDay"/> observations in the report's two days, and an incident of every tenth pair.</summary>
    public static void Fill(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        StorageSetup.MigrateAsync(db).GetAwaiter().GetResult();
        var system = Principal.System("benchmark set-up");
        scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(system, DemoData.DefaultPath).GetAwaiter().GetResult();

        // Odd rows are the generator's 2025 era (15 March – 31 December); each is moved into the two days by
        // its minute within the era, so the hours of the day keep the generator's spread.
        var period = ReportPeriod.Of(Day);
        var start = period.Previous.Start;
        var eraStart = new DateTimeOffset(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);
        var span = (period.End - start).Ticks;
        var rows = new ObservationGenerator(seed: 1).Generate(4L * PerDay).Where((_, i) => i % 2 == 1).Select((input, i) =>
        {
            var shift = TimeSpan.FromTicks(((input.ObservedFrom!.Value - eraStart).Ticks % span) + 1) - (input.ObservedFrom!.Value - start);
            input.ObservedFrom += shift;
            input.ObservedTo += shift;
            input.ExternalId = $"report-{i}";
            return new FileRow { Row = i + 1, Input = input, Locate = f => (f, null) };
        });
        var done = scope.ServiceProvider.GetRequiredService<ObservationIntake>().ImportAsync(system, rows, IntakeMode.AcceptValid).GetAwaiter().GetResult();

        // One in ten observations in an incident of two: rows 10k and 10k+1 (the same source or not, as drawn).
        using (db.ReadAs(system))
        {
            var keys = db.Observations.AsNoTracking().Where(o => o.ExternalId.StartsWith("report-")).Select(o => new { o.Source, o.ExternalId, o.ObservedFrom, o.Type, o.Lat, o.Lon }).ToList()
                .ToDictionary(o => o.ExternalId);
            var states = Enum.GetValues<VerificationState>();
            for (var i = 0; i + 1 < 2 * PerDay; i += 10)
            {
                var (a, b) = (keys[$"report-{i}"], keys[$"report-{i + 1}"]);
                db.Incidents.Add(new Incident
                {
                    State = states[i / 10 % states.Length],
                    Type = a.Type,
                    ObservedFrom = a.ObservedFrom < b.ObservedFrom ? a.ObservedFrom : b.ObservedFrom,
                    ObservedTo = a.ObservedFrom < b.ObservedFrom ? b.ObservedFrom : a.ObservedFrom,
                    Lat = a.Lat,
                    Lon = a.Lon,
                    CreatedBy = system.Name,
                    Reports = [new IncidentReport { Source = a.Source, ExternalId = a.ExternalId }, new IncidentReport { Source = b.Source, ExternalId = b.ExternalId }],
                });
            }

            db.SaveChanges();
        }

        Console.WriteLine($"// filled the store: {done.Value.Accepted:N0} observations in the two days, {PerDay / 5:N0} incidents");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    [Benchmark(Description = "the daily report of 1 April 2025 (100,000 observations that day, 100,000 the day before)")]
    public async Task<int> Daily()
    {
        await using var scope = _services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReportReads>().DailyAsync(Reader, ReportPeriod.Of(Day));
        return report.Events.Count;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
