using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage;
using Truce.Storage.Agreements;
using Truce.Storage.Geography;

namespace Truce.Benchmarks;

/// <summary>
/// The geography as stored, on each store (a SQLite file; a PostgreSQL database on the server of
/// <c>TRUCE_BENCH_POSTGRES</c>, else the cluster of <c>scripts/postgres.sh start</c>), with the demo data:
/// the raions meeting a box (PostGIS and its GiST index on PostgreSQL; the indexed bounding boxes, then an
/// exact test in memory, on SQLite), a whole layer version read back, and a placer for a date built from the
/// store with nothing cached (every layer version read, indexed, and Minsk II's six zones drawn).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class GeographyStoreBenchmarks
{
    private static readonly Principal Reader = new("bench", Role.Analyst, null);
    private static readonly Envelope Donbas = new(36.5, 38.5, 47.5, 49.0);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "truce-bench-geo", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private string? _postgresDatabase;
    private int _raions;

    [Params("sqlite", "postgresql")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var options = new StorageOptions { SqlitePath = Path.Combine(_folder, "bench.db") };
        if (Store == StorageOptions.PostgreSql)
        {
            _postgresDatabase = "truce_bench_geo_" + Guid.NewGuid().ToString("N")[..12];
            BenchPostgres.Administer($"CREATE DATABASE \"{_postgresDatabase}\"");
            options = options with { Provider = StorageOptions.PostgreSql, ConnectionString = BenchPostgres.To(_postgresDatabase) };
        }

        _services = new ServiceCollection().AddTruceStorage(_ => options).BuildServiceProvider();
        using var scope = _services.CreateScope();
        StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<TruceDb>()).GetAwaiter().GetResult();
        var loaded = scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(Principal.System("benchmark set-up"), DemoData.DefaultPath).GetAwaiter().GetResult();
        if (!loaded.IsDone)
        {
            throw new InvalidOperationException(loaded.Message ?? loaded.Errors?.ToString());
        }

        _raions = scope.ServiceProvider.GetRequiredService<GeoLayers>().VersionsAsync(Reader, "raions").GetAwaiter().GetResult()[0].Id;
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

    [Benchmark(Description = "the raions meeting a box (the Donbas)")]
    public async Task<int> RaionsInABox()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GeoLayers>().FeaturesAsync(Reader, _raions, Donbas)).Count;
    }

    [Benchmark(Description = "a whole layer version read back (126 raions)")]
    public async Task<int> AllRaions()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GeoLayers>().FeaturesAsync(Reader, _raions)).Count;
    }

    [Benchmark(Description = "a placer for 1 Mar 2015 built from the store, nothing cached (layers read and indexed, six zones drawn)")]
    public async Task<string?> PlacerFromTheStore()
    {
        await using var scope = _services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var layers = s.GetRequiredService<GeoLayers>();
        var placements = new Placements(layers, s.GetRequiredService<AgreementBook>(), new ProvisionZones(layers, new GeometryCache<DrawnZone>(16)), new GeometryCache<Placer>(1));
        var (placer, _) = await placements.AtAsync(Reader, new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var zones = placer.Locate(48.1, 37.6).Zones;
        return zones.Count > 0 ? zones[0] : null;
    }
}
