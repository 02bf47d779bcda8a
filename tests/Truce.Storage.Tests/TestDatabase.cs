using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// A SQLite file per test with the storage services over it: a copy of a template migrated (and, when
/// asked, loaded with the demo data) once per test run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Reads and writes that a test makes directly, not through a service that names its principal.</summary>
    public static readonly Principal TestRunner = Principal.System("storage test");

    private static readonly Lazy<Task<string>> Migrated = new(() => BuildAsync(withDemo: false));
    private static readonly Lazy<Task<string>> WithDemo = new(() => BuildAsync(withDemo: true));

    private readonly string _folder;
    private readonly ServiceProvider _services;

    private TestDatabase(string folder)
    {
        _folder = folder;
        _services = new ServiceCollection().AddTruceStorage(_ => new StorageOptions { SqlitePath = Path.Combine(folder, "truce.db") }).BuildServiceProvider();
    }

    /// <summary>A migrated, empty database.</summary>
    public static Task<TestDatabase> CreateAsync() => CopyAsync(Migrated);

    /// <summary>A migrated database with the demo data loaded.</summary>
    public static Task<TestDatabase> WithDemoAsync() => CopyAsync(WithDemo);

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

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
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<TestDatabase> CopyAsync(Lazy<Task<string>> template)
    {
        var folder = Path.Combine(Path.GetTempPath(), "truce-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // The chain is hashed with the key beside the template; the copy takes it (and the anchor) along.
        var from = Path.GetDirectoryName(await template.Value)!;
        foreach (var file in new[] { "truce.db", "audit.key", "audit-anchor.log" }.Where(f => File.Exists(Path.Combine(from, f))))
        {
            File.Copy(Path.Combine(from, file), Path.Combine(folder, file));
        }
        return new TestDatabase(folder);
    }

    private static async Task<string> BuildAsync(bool withDemo)
    {
        var folder = Path.Combine(Path.GetTempPath(), "truce-storage-tests", "template-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "truce.db");
        await using (var services = new ServiceCollection().AddTruceStorage(_ => new StorageOptions { SqlitePath = path }).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
            await StorageSetup.MigrateAsync(db);
            if (withDemo)
            {
                Expect.Done(await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(TestRunner, DemoData.DefaultPath));
            }

            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return path;
    }
}
