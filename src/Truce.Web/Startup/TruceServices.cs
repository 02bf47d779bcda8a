using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Planning;
using Truce.Storage;
using Truce.Storage.Planning;
using Truce.Storage.Security;

namespace Truce.Web.Startup;

/// <summary>
/// The one composition root of Truce's services: the server (<c>Program</c>, <c>truce serve</c>) and every
/// other CLI command build the same services from the same settings, so the planner, the clock and the
/// storage are registered once.
/// </summary>
public static class TruceServices
{
    public static IServiceCollection AddTruce(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Truce.Storage.Common.MicrosecondClock.System);
        services.AddSingleton(_ => new AccountOptions(configuration.GetValue("Security:PasswordHashIterations", PasswordHash.DefaultIterations)));
        services.AddSingleton(_ => new AccessLogOptions(configuration.GetValue("Security:AccessLogWindow", AccessLogOptions.DefaultWindow)));
        services.AddSingleton(_ => new PlanSlotsOptions(
            (int)Settings.Ranged(configuration, "Planning:MaxRunningPlans", 1, 1, 64), (int)Settings.Ranged(configuration, "Planning:MaxWaitingPlans", 4, 0, 1_000)));
        services.AddTruceStorage(_ => StorageOptionsFrom(configuration));   // TruceDb and every module's reads and writes: Truce.Storage
        services.AddSingleton<IPlanner>(_ => new OrToolsPlanner              // min-cost flow and CP-SAT: Truce.Planning
        {
            // A core is left to requests while a plan runs (Planning:SolverWorkers to change it; decision 18).
            Workers = (int)Settings.Ranged(configuration, "Planning:SolverWorkers", Math.Max(1, Environment.ProcessorCount - 1), 1, 256),
        });
        return services;
    }

    /// <summary>
    /// The storage settings (<c>Storage:Provider</c>, <c>Storage:SqlitePath</c>, <c>Storage:ConnectionString</c>,
    /// <c>Audit:KeyFile</c>, <c>Audit:AnchorFile</c>), read in this one place. A connection string alone means
    /// PostgreSQL. Settings Truce cannot use stop the start with what is wrong, never the password.
    /// </summary>
    public static StorageOptions StorageOptionsFrom(IConfiguration configuration)
    {
        var connection = configuration["Storage:ConnectionString"];
        var options = new StorageOptions
        {
            Provider = configuration["Storage:Provider"] ?? (string.IsNullOrWhiteSpace(connection) ? StorageOptions.Sqlite : StorageOptions.PostgreSql),
            SqlitePath = configuration["Storage:SqlitePath"] ?? StorageOptions.DefaultSqlitePath,
            ConnectionString = connection,
            AuditKeyPath = configuration["Audit:KeyFile"],
            AuditAnchorPath = configuration["Audit:AnchorFile"],
        };
        return options.Problem() is { } problem ? throw new StartupException(problem) : options;
    }
}
