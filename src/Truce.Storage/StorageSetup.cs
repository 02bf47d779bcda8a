using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Truce.Storage.Coalition;
using Truce.Storage.Commitments;
using Truce.Storage.Scenario;
using Truce.Storage.Security;

namespace Truce.Storage;

/// <summary>Where Truce keeps its data. Only SQLite for now; PostgreSQL joins behind the same switch.</summary>
public sealed record StorageOptions
{
    public const string DefaultSqlitePath = ".truce/truce.db";

    public string Provider { get; init; } = "sqlite";

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath;

    public string SqliteConnectionString()
    {
        var full = Path.GetFullPath(SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, ForeignKeys = true }.ToString();
    }
}

public static class StorageSetup
{
    public static IServiceCollection AddTruceStorage(this IServiceCollection services, StorageOptions options)
    {
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; expected 'sqlite'.");
        }

        services.AddSingleton(options);
        services.AddDbContext<TruceDb>(db => db.UseSqlite(options.SqliteConnectionString(), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddScoped<CoalitionDirectory>();
        services.AddScoped<PledgeLedger>();
        services.TryAddSingleton(new AccountOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<UserAccounts>();
        services.AddScoped<ScenarioLoader>();
        return services;
    }

    /// <summary>
    /// Brings the schema up to date and switches the file to write-ahead logging, so readers never wait
    /// for a writer. Safe to run at every start.
    /// </summary>
    public static async Task MigrateAsync(TruceDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TruceDb>
{
    public TruceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TruceDb>().UseSqlite("Data Source=design-time.db").Options);
}
