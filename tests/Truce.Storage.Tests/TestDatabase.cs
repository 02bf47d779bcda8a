using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Truce.Storage;

namespace Truce.Storage.Tests;

/// <summary>A fresh SQLite file per test, migrated, with the storage services over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "truce-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private TestDatabase()
    {
        _services = new ServiceCollection().AddTruceStorage(new StorageOptions { SqlitePath = Path.Combine(_folder, "truce.db") }).BuildServiceProvider();
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var scope = database.Scope();
        await StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<TruceDb>());
        return database;
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
