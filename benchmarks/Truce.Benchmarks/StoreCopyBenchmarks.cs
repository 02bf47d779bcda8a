using Truce.Core.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Truce.Core.Commitments;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Commitments;

namespace Truce.Benchmarks;

/// <summary>
/// <c>truce db copy</c> of an embedded database far larger than a coalition's — the demo data and
/// <see cref="Pledges"/> pledges entered through the ledger's writes, each with its revision, stored view
/// and audit entry — into an empty PostgreSQL database (the server of <c>TRUCE_BENCH_POSTGRES</c>, else the
/// cluster of <c>scripts/postgres.sh start</c>). Each iteration copies into a new database.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class StoreCopyBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "truce-bench-copy", Guid.NewGuid().ToString("N"));
    private StorageOptions _source = null!;
    private StorageOptions _target = null!;
    private string _database = string.Empty;

    [Params(10_000)]
    public int Pledges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = new StorageOptions { SqlitePath = Path.Combine(_folder, "truce.db") };
        using var services = new ServiceCollection().AddTruceStorage(_ => _source).BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<TruceDb>()).GetAwaiter().GetResult();
            scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(Principal.System("benchmark set-up"), DemoData.DefaultPath).GetAwaiter().GetResult();
        }

        var planner = new Principal("bench", Role.Planner, null);
        for (var i = 0; i < Pledges; i++)
        {
            using var scope = services.CreateScope();
            var created = scope.ServiceProvider.GetRequiredService<PledgeWrites>().CreateAsync(planner, new PledgeInput
            {
                Member = i % 2 == 0 ? "GBR" : "FRA",
                Title = $"Generated pledge {i}",
                Category = "troops",
                Quantity = 1 + (i % 5000),
                Unit = "troops",
                Conditions = [new ConditionInput { Kind = "after-ceasefire" }],
                Sources = [new CitationInput { Url = "https://example.org/generated" }],
                Reason = "benchmark",
            }).GetAwaiter().GetResult();
            if (!created.IsDone)
            {
                throw new InvalidOperationException(created.Message ?? created.Errors?.ToString());
            }
        }

        SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void NewTarget()
    {
        _database = "truce_copy_" + Guid.NewGuid().ToString("N")[..12];
        BenchPostgres.Administer($"CREATE DATABASE \"{_database}\"");
        _target = new StorageOptions
        {
            Provider = StorageOptions.PostgreSql,
            ConnectionString = BenchPostgres.To(_database),
            AuditKeyPath = Path.Combine(_folder, _database, "audit.key"),
        };
    }

    [Benchmark(Description = "db copy, SQLite → PostgreSQL")]
    public StoreCopySummary Copy()
    {
        var copied = StoreCopy.CopyAsync(_source, _target).GetAwaiter().GetResult();
        if (!copied.IsDone)
        {
            throw new InvalidOperationException(copied.Message ?? copied.Errors?.ToString());
        }

        // A copy that is not whole is not a copy: the figure is only for one that is.
        return copied.Value.CountsMatch && copied.Value.Verification.Intact ? copied.Value : throw new InvalidOperationException(copied.Value.Verification.Problem ?? "counts differ");
    }

    [IterationCleanup]
    public void DropTarget()
    {
        NpgsqlConnection.ClearAllPools();
        BenchPostgres.Administer($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
