using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Truce.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_migrations_match_the_model()
    {
        await using var db = await TestDatabase.CreateAsync();

        var pending = await db.With(s => Task.FromResult(s.GetRequiredService<TruceDb>().Database.HasPendingModelChanges()));

        Assert.False(pending, "The model changed without a migration: run dotnet ef migrations add <Name> -o Migrations/Sqlite in src/Truce.Storage.");
    }

    [Fact]
    public async Task A_migrated_database_is_in_write_ahead_logging_mode()
    {
        await using var db = await TestDatabase.CreateAsync();

        var mode = await db.With(async s =>
        {
            var connection = s.GetRequiredService<TruceDb>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
    }
}
