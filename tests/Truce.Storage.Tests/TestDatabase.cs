using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// A database per test on the test store (SQLite or PostgreSQL: <see cref="TestStore"/>) with the storage
/// services over it: a copy of a template migrated (and, when asked, loaded with the demo data) once per test run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Reads and writes that a test makes directly, not through a service that names its principal.</summary>
    public static readonly Principal TestRunner = Principal.System("storage test");

    private static readonly Lazy<Task<TestLocation>> Migrated = new(() => BuildAsync(withDemo: false));
    private static readonly Lazy<Task<TestLocation>> WithDemo = new(() => BuildAsync(withDemo: true));

    private readonly ServiceProvider _services;

    private TestDatabase(TestLocation location)
    {
        Location = location;
        _services = new ServiceCollection().AddTruceStorage(_ => location.Options).BuildServiceProvider();
    }

    /// <summary>Where this database is (a file, or a PostgreSQL database), for SQL run behind the services' back.</summary>
    public TestLocation Location { get; }

    /// <summary>A migrated, empty database.</summary>
    public static Task<TestDatabase> CreateAsync() => CopyAsync(Migrated);

    /// <summary>A migrated database with the demo data loaded.</summary>
    public static Task<TestDatabase> WithDemoAsync() => CopyAsync(WithDemo);

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>The audit key the database's trail is hashed with (null before its first keyed entry).</summary>
    public byte[]? AuditKey() => _services.GetRequiredService<Security.AuditKey>().Existing()?.Key;

    /// <summary>A copy of the shipped demo data with <paramref name="file"/> edited by <paramref name="edit"/>; the caller deletes the folder.</summary>
    public static string EditedDemoData(string file, Action<JsonNode> edit)
    {
        var folder = Directory.CreateTempSubdirectory("truce-demo-").FullName;
        foreach (var shipped in Directory.GetFiles(DemoData.DefaultPath, "*.json"))
        {
            File.Copy(shipped, Path.Combine(folder, Path.GetFileName(shipped)));
        }

        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)))!;
        edit(node);
        File.WriteAllText(Path.Combine(folder, file), node.ToJsonString());
        return folder;
    }

    /// <summary>Runs <paramref name="action"/> in a scope whose database reads as <paramref name="reader"/> (default: an admin, who sees all).</summary>
    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> action, Principal? reader = null)
    {
        await using var scope = Scope();
        using var reading = scope.ServiceProvider.GetRequiredService<TruceDb>().ReadAs(reader ?? TestRunner);
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Location.DropAsync();
    }

    // The chain is hashed with the key beside the template; the copy takes it (and the anchor) along.
    private static async Task<TestDatabase> CopyAsync(Lazy<Task<TestLocation>> template) =>
        new(await TestStore.NewLocation("storage").CopyFromAsync(await template.Value));

    private static async Task<TestLocation> BuildAsync(bool withDemo)
    {
        var location = await TestStore.NewLocation(withDemo ? "storage-template-demo" : "storage-template").CreateAsync();
        await using (var services = new ServiceCollection().AddTruceStorage(_ => location.Options).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
            await StorageSetup.MigrateAsync(db);
            if (withDemo)
            {
                Expect.Done(await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(TestRunner, DemoData.DefaultPath));
            }

            await Checkpoint(db);
        }

        SqliteConnection.ClearAllPools();
        return location;
    }

    // On SQLite, everything written goes into the main file, so copying that one file copies the whole database.
    private static async Task Checkpoint(TruceDb db)
    {
        if (!TestStore.IsPostgreSql)
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }
}
