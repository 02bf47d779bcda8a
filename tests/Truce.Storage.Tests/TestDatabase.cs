using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Security;

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

    /// <summary>Runs <paramref name="action"/> in a scope that reads as <paramref name="principal"/> (default: an admin, who sees all).</summary>
    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> action, Principal? principal = null)
    {
        await using var scope = Scope();
        scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Principal = principal ?? Principal.System;
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
