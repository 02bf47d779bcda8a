using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetTopologySuite.Geometries;
using Truce.Core.Monitoring;
using Truce.Core.Verification;
using Truce.Geography;
using Truce.Storage.Alerts;
using Truce.Storage.Agreements;
using Truce.Storage.Coalition;
using Truce.Storage.Common;
using Truce.Storage.Commitments;
using Truce.Storage.Geography;
using Truce.Storage.Monitoring;
using Truce.Storage.Planning;
using Truce.Storage.Security;

namespace Truce.Storage;

public static class StorageSetup
{
    /// <summary>
    /// Registers the database and every module's storage services, with options read when first needed,
    /// not when registered: a host's configuration (and a test's overrides of it) is complete only once the
    /// host is built.
    /// </summary>
    public static IServiceCollection AddTruceStorage(this IServiceCollection services, Func<IServiceProvider, StorageOptions> options)
    {
        services.AddSingleton(provider => options(provider).Checked());
        services.AddLogging(); // a no-op where the host added logging already
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AppendOnlyGuard>();
        // Contexts are pooled and their options built once, not per request: the connection string, the
        // provider, the interceptors. A pooled context forgets its reader when it goes back (TruceDb.Dispose).
        services.AddDbContextPool<TruceDb>((provider, db) => Use(db, provider.GetRequiredService<StorageOptions>())
            .AddInterceptors(provider.GetRequiredService<AppendOnlyGuard>(), provider.GetRequiredService<AuditChain>())); // guard first: a refused save chains nothing
        services.TryAddSingleton<TimeProvider>(MicrosecondClock.System);
        services.TryAddSingleton(new AccountOptions());
        services.TryAddSingleton(new AccessLogOptions());
        services.TryAddSingleton(new PlanSlotsOptions());
        services.AddSingleton<PlanSlots>();

        // Security: the audit trail, accounts and tokens, the access log of token uses and refusals.
        services.AddScoped<AuditTrail>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<AccessLog>();

        // Coalition, Commitments, Planning: each module's reads and writes.
        services.AddScoped<CoalitionDirectory>();
        services.AddScoped<PledgeReads>();
        services.AddScoped<PledgeWrites>();
        services.AddScoped<PlanningCatalogue>();
        services.AddScoped<RequirementLines>();
        services.AddScoped<SavedScenarios>();
        services.AddScoped<PlanRuns>();

        // Geography and Agreements: layers by version, agreements and their provisions, placement at a time.
        // What is built per layer version (indexes, zones) is kept for every request.
        services.AddScoped<GeoLayers>();
        services.AddScoped<AgreementBook>();
        services.AddScoped<AgreementWrites>();
        services.AddScoped<Verification.IncidentWrites>();
        services.AddScoped<Verification.IncidentReads>();
        services.AddScoped<Reports.ReportReads>();
        services.AddScoped<Sources.DocumentBook>();
        services.AddScoped<Positions.PositionBook>();

        // Candidates: what a document's statements may be evidence of, found as it is taken in, decided by analysts.
        services.AddScoped<Candidates.CandidateBook>();
        services.AddScoped<Candidates.StatementList>();
        services.AddScoped<Core.Sources.IDocumentWatcher>(provider => provider.GetRequiredService<Candidates.CandidateBook>());
        services.AddScoped<ProvisionZones>();
        services.AddScoped<Placements>();
        services.AddSingleton(new GeometryCache<DrawnZone>(256));
        services.AddSingleton(new GeometryCache<Placer>(8));

        // Monitoring: observations taken in, placed and judged; read back for the map and lists.
        services.AddScoped<ObservationIntake>();
        services.AddScoped<ObservationReads>();

        // Alerts: rules, and the alerts raised after each committed batch and each verification (the watchers).
        services.AddSingleton<AlertSignal>();
        services.AddScoped<AlertReads>();
        services.AddScoped<AlertRuleWrites>();
        services.AddScoped<AlertRaising>();
        services.AddScoped<IIntakeWatcher>(provider => provider.GetRequiredService<AlertRaising>());
        services.AddScoped<IVerificationWatcher>(provider => provider.GetRequiredService<AlertRaising>());

        // The demo data, loaded by each module's part in one transaction.
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>
    /// The store <paramref name="options"/> names, with its own migrations (<see cref="StoreMigrations"/>),
    /// and owned collections read back in the order they were written (<see cref="OwnedCollectionsInOrder"/>).
    /// Queries of owned collections are split, so a pledge with many sources is not read as a cross product.
    /// </summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder db, StorageOptions options) =>
        (options.IsPostgreSql
            ? db.UseNpgsql(options.ConnectionString, pg => pg.UseNetTopologySuite().UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            : db.UseSqlite(options.SqliteConnectionString(), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(Common.SqliteReading.Instance))
        .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, StoreMigrations>()
        .AddInterceptors(OwnedCollectionsInOrder.Instance)
        // A failed save is the caller's to judge: a lost race is a 409/412 (Common/Races), anything else reaches
        // the exception handler, which logs it as an error. EF Core's own record of it is information, so
        // that two writers racing on several nodes do not fill the error log.
        .ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Information),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.OptimisticConcurrencyException, Microsoft.Extensions.Logging.LogLevel.Information)));

    /// <summary>
    /// Brings the schema up to date and, on SQLite, switches the file to write-ahead logging, so readers
    /// never wait for a writer. Safe to run at every start, from several nodes at once (PostgreSQL: the
    /// migrations take a lock).
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

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the server: for SQLite by default,
/// for PostgreSQL with <c>-- postgresql</c> after the command (no server is reached).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TruceDb>
{
    public TruceDb CreateDbContext(string[] args)
    {
        var options = args.Contains("postgresql")
            ? new StorageOptions { Provider = StorageOptions.PostgreSql, ConnectionString = "Host=localhost;Database=design-time" }
            : new StorageOptions { SqlitePath = "design-time.db" };
        return new(StorageSetup.Use(new DbContextOptionsBuilder<TruceDb>(), options).Options as DbContextOptions<TruceDb> ?? throw new InvalidOperationException());
    }
}
