using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Truce.Storage.Coalition;
using Truce.Storage.Commitments;
using Truce.Storage.Planning;
using Truce.Storage.Security;

namespace Truce.Storage;

/// <summary>Where Truce keeps its data. Only SQLite for now; PostgreSQL joins behind the same switch.</summary>
public sealed record StorageOptions
{
    public const string DefaultSqlitePath = ".truce/truce.db";

    public string Provider { get; init; } = "sqlite";

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath;

    /// <summary>The audit trail's key (<see cref="AuditKey"/>); null: <c>audit.key</c> beside the database.</summary>
    public string? AuditKeyPath { get; init; }

    /// <summary>The log of the audit chain's head; null: <c>audit-anchor.log</c> beside the database.</summary>
    public string? AuditAnchorPath { get; init; }

    /// <summary>The connection string of <see cref="SqlitePath"/>, whose folder is made if missing.</summary>
    public string SqliteConnectionString()
    {
        var full = Path.GetFullPath(SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, ForeignKeys = true }.ToString();
    }
}

public static class StorageSetup
{
    /// <summary>
    /// Registers the database and every module's storage services, with options read when first needed,
    /// not when registered: a host's configuration (and a test's overrides of it) is complete only once the
    /// host is built.
    /// </summary>
    public static IServiceCollection AddTruceStorage(this IServiceCollection services, Func<IServiceProvider, StorageOptions> options)
    {
        services.AddSingleton(provider =>
        {
            var o = options(provider);
            return string.Equals(o.Provider, "sqlite", StringComparison.OrdinalIgnoreCase)
                ? o
                : throw new InvalidOperationException($"Storage:Provider '{o.Provider}' is not supported; expected 'sqlite'.");
        });
        services.AddLogging(); // a no-op where the host added logging already
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AppendOnlyGuard>();
        // Contexts are pooled and their options built once, not per request: the connection string, the
        // provider, the interceptors. A pooled context forgets its reader when it goes back (TruceDb.Dispose).
        services.AddDbContextPool<TruceDb>((provider, db) => db
            .UseSqlite(provider.GetRequiredService<StorageOptions>().SqliteConnectionString(), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(provider.GetRequiredService<AppendOnlyGuard>(), provider.GetRequiredService<AuditChain>())); // guard first: a refused save chains nothing
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new AccountOptions());
        services.TryAddSingleton(new AccessLogOptions());
        services.TryAddSingleton(new PlanSlotsOptions());
        services.AddSingleton<PlanSlots>();

        // Security: the audit trail, accounts and tokens, the access log of token uses and refusals.
        services.AddScoped<AuditTrail>();
        services.AddScoped<UserAccounts>();
        services.AddSingleton<AccessLog>();

        // Coalition, Commitments, Planning: each module's reads and writes.
        services.AddScoped<CoalitionDirectory>();
        services.AddScoped<PledgeReads>();
        services.AddScoped<PledgeWrites>();
        services.AddScoped<PlanningCatalogue>();
        services.AddScoped<RequirementLines>();
        services.AddScoped<SavedScenarios>();
        services.AddScoped<PlanRuns>();

        // The demo data, loaded by each module's part in one transaction.
        services.AddScoped<DemoData>();
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
