using Microsoft.EntityFrameworkCore;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Scenario;
using Truce.Storage.Security;

namespace Truce.Web.Startup;

/// <summary>Storage settings and what happens to the database when the server starts.</summary>
public static class StorageStartup
{
    public static WebApplicationBuilder AddTruceStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTruceStorage(services => ReadStorageOptions(services.GetRequiredService<IConfiguration>()));
        return builder;
    }

    public static StorageOptions ReadStorageOptions(IConfiguration configuration) => new()
    {
        Provider = configuration["Storage:Provider"] ?? "sqlite",
        SqlitePath = configuration["Storage:SqlitePath"] ?? StorageOptions.DefaultSqlitePath,
    };

    /// <summary>
    /// Migrates the database, loads the demo scenario into an empty one (unless Scenario:LoadWhenEmpty is
    /// false) and creates the first admin when there are no users, telling the operator once how to sign in.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, TextWriter operatorConsole, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Principal = Principal.System;
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        await StorageSetup.MigrateAsync(db, ct);

        if (configuration.GetValue("Scenario:LoadWhenEmpty", true) && !await db.Members.AnyAsync(ct))
        {
            var path = configuration["Scenario:Path"] ?? ScenarioLoader.DefaultPath;
            var summary = await scope.ServiceProvider.GetRequiredService<ScenarioLoader>().LoadAsync(path, ct);
            await operatorConsole.WriteLineAsync($"Loaded the demo scenario: {summary.Actors} actors, {summary.Members} members, {summary.Meetings} meetings, {summary.PledgesCreated} pledges.");
        }

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (!await accounts.AnyAsync(ct))
        {
            var userName = configuration["Admin:UserName"] ?? "admin";
            var configured = configuration["Admin:Password"];
            var password = string.IsNullOrEmpty(configured) ? PasswordHash.Generate() : configured;
            var (_, field, error) = await accounts.CreateAsync(new NewUser(userName, Role.Admin, null, password, "Administrator"), Principal.System, ct);
            if (error is not null)
            {
                throw new InvalidOperationException($"Cannot create the first admin: Admin:{field} — {error}");
            }

            // Printed to the console once, never logged: the generated password exists nowhere else.
            await operatorConsole.WriteLineAsync(string.IsNullOrEmpty(configured)
                ? $"Created the first admin. Sign in as '{userName}' with password: {password}  (shown once; change it or set Admin:Password)"
                : $"Created the first admin '{userName}' with the password from configuration (Admin:Password).");
        }
    }
}
