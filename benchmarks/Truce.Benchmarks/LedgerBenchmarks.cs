using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Commitments;

namespace Truce.Benchmarks;

/// <summary>
/// Reads of the commitments ledger as the dashboard, the table and the API make them, on each store (a
/// SQLite file; a PostgreSQL database on the server named by <c>TRUCE_BENCH_POSTGRES</c>, else the cluster
/// of <c>scripts/postgres.sh start</c>) with a ledger far larger than any coalition's (generated: 60
/// members, <see cref="Pledges"/> pledges, each with conditions and a source).
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "truce-bench", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    private string? _postgresDatabase;

    [Params("sqlite", "postgresql")]
    public string Store { get; set; } = "sqlite";

    [Params(1_000, 10_000)]
    public int Pledges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new StorageOptions { SqlitePath = Path.Combine(_folder, "bench.db") };
        if (Store == StorageOptions.PostgreSql)
        {
            _postgresDatabase = "truce_bench_" + Guid.NewGuid().ToString("N")[..12];
            BenchPostgres.Administer($"CREATE DATABASE \"{_postgresDatabase}\"");
            options = options with { Provider = StorageOptions.PostgreSql, ConnectionString = BenchPostgres.To(_postgresDatabase) };
        }

        _services = new ServiceCollection().AddTruceStorage(_ => options).BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        StorageSetup.MigrateAsync(db).GetAwaiter().GetResult();
        var random = new Random(2025);
        var categories = Enum.GetValues<PledgeCategory>();
        var conditions = Enum.GetValues<ConditionKind>();
        for (var m = 0; m < 60; m++)
        {
            var code = $"M{m:00}";
            db.Actors.Add(new Actor { Code = code, Name = $"Member {m}", Kind = ActorKind.State });
            db.Members.Add(new CoalitionMember { ActorCode = code, Role = CoalitionRole.Member });
        }

        for (var i = 0; i < Pledges; i++)
        {
            var category = categories[random.Next(categories.Length)];
            db.Pledges.Add(new Pledge
            {
                MemberCode = $"M{random.Next(60):00}",
                Title = $"Generated pledge {i}",
                Category = category,
                Quantity = random.Next(1, 5000),
                Unit = category == PledgeCategory.Troops ? "troops" : "units",
                ValueMinor = random.Next(1, 1000) * 100_000_000L,
                Currency = "EUR",
                ValueEurMinor = random.Next(1, 1000) * 100_000_000L,
                Stage = (PledgeStage)random.Next(6),
                ReadinessDays = random.Next(0, 180),
                Conditions = conditions.Where(_ => random.NextDouble() < 0.2).Select(k => new PledgeCondition { Kind = k }).ToList(),
                Sources = [new Citation { Url = "https://example.org/generated" }],
                Version = 1,
                UpdatedBy = "bench",
            });
        }

        db.SaveChanges();

        // Each pledge is read as the view its last write stored; the ledger's writes store it, so do the same here.
        using var reading = db.ReadAs(Principal.System("benchmark set-up"));
        var names = db.Actors.ToDictionary(a => a.Code, a => a.Name);
        foreach (var pledge in db.Pledges.ToList())
        {
            db.PledgeViews.Add(new StoredPledgeView { PledgeId = pledge.Id, Json = System.Text.Json.JsonSerializer.Serialize(PledgeView.From(pledge, names[pledge.MemberCode]), TruceJson.Options) });
        }

        db.SaveChanges();
        if (Store == StorageOptions.PostgreSql)
        {
            // Statistics, as autovacuum gathers them within a minute of a bulk load: the planner needs them.
            db.Database.ExecuteSqlRaw("ANALYZE");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            BenchPostgres.Administer($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // A planner reads as most people do: COALITION and PUBLIC records, through the releasability filter.
    private static readonly Principal Reader = new("bench", Role.Planner, null);

    private async Task<T> With<T>(Func<PledgeReads, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PledgeReads>());
    }

    [Benchmark(Description = "first page, default sort")]
    public Task<Outcome<Page<PledgeView>>> FirstPage() => With(l => l.ListAsync(Reader, new PledgeQuery()));

    [Benchmark(Description = "troops needing a US backstop, by quantity desc")]
    public Task<Outcome<Page<PledgeView>>> FilteredAndSorted() =>
        With(l => l.ListAsync(Reader, new PledgeQuery { Category = PledgeCategory.Troops, Condition = ConditionKind.UsBackstop, SortField = "quantity", Descending = true }));

    [Benchmark(Description = "one pledge")]
    public Task<Outcome<PledgeView>> OnePledge() => With(l => l.GetAsync(Reader, 1 + (Pledges / 2)));

    [Benchmark(Description = "dashboard totals")]
    public Task<LedgerTotals> Totals() => With(l => l.TotalsAsync(Reader));
}
