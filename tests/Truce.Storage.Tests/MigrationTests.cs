using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Testing;

namespace Truce.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var db = await TestDatabase.CreateAsync();

        var pending = await db.With(s => Task.FromResult(s.GetRequiredService<TruceDb>().Database.HasPendingModelChanges()));

        Assert.False(pending, TestStore.IsPostgreSql
            ? "The model changed without a migration: run dotnet ef migrations add <Name> -o Migrations/PostgreSql -- postgresql in src/Truce.Storage."
            : "The model changed without a migration: run dotnet ef migrations add <Name> -o Migrations/Sqlite in src/Truce.Storage.");
    }

    [Fact]
    public async Task Each_store_applies_its_own_migrations_and_nothing_is_left_to_apply()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (applied, pending) = await db.With(async s =>
        {
            var database = s.GetRequiredService<TruceDb>().Database;
            return ((await database.GetAppliedMigrationsAsync()).ToList(), (await database.GetPendingMigrationsAsync()).ToList());
        });

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        var ns = TestStore.IsPostgreSql ? "Truce.Storage.Migrations.PostgreSql" : "Truce.Storage.Migrations.Sqlite";
        var ours = typeof(TruceDb).Assembly.GetTypes().Where(t => t.Namespace == ns && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))).ToList();
        Assert.Equal(ours.Count, applied.Count);
    }

    [Fact]
    public async Task A_PostgreSQL_database_has_PostGIS_and_a_SQLite_file_writes_ahead()
    {
        await using var db = await TestDatabase.CreateAsync();

        var mode = await db.With(async s =>
        {
            var connection = s.GetRequiredService<TruceDb>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = TestStore.IsPostgreSql ? "SELECT extname FROM pg_extension WHERE extname = 'postgis'" : "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal(TestStore.IsPostgreSql ? "postgis" : "wal", mode);
    }
}
