using Microsoft.EntityFrameworkCore;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Core.Monitoring.Files;
using Truce.Storage.Monitoring;
using Truce.Storage.Security;

namespace Truce.Web.Startup;

/// <summary>What happens to the database when the server starts.</summary>
public static class DatabaseStartup
{
    /// <summary>Truce at start-up: migrating, loading the demo data, creating the first admin.</summary>
    public static readonly Principal StartUp = Principal.System("start-up");

    /// <summary>
    /// Takes in the demo folder's observations.ndjson, if any, through the one intake (placed and judged like
    /// any report), so that monitoring and verification have something to show; returns how many were taken.
    /// </summary>
    public static async Task<int> LoadDemoObservationsAsync(IServiceProvider services, string folder, CancellationToken ct = default)
    {
        var path = Path.Combine(folder, "observations.ndjson");
        if (!File.Exists(path))
        {
            return 0;
        }

        var intake = services.GetRequiredService<ObservationIntake>();
        var taken = await intake.ImportAsync(StartUp, ObservationFiles.Read(() => ObservationFiles.Open(path), ObservationFormat.Ndjson), IntakeMode.WholeOrNothing, ct: ct);
        return taken.IsDone && taken.Value.Committed
            ? taken.Value.Accepted
            : throw new StartupException($"Cannot load the demo observations from {path}: {(taken.IsDone ? string.Join("; ", taken.Value.Rejections.Take(3).Select(r => $"row {r.Row} {r.Column}: {r.Reason}")) : taken.Message)}");
    }

    /// <summary>Takes in the demo folder's documents/*.txt, in the order of their names (the seed article first); returns how many.</summary>
    public static async Task<int> LoadDemoDocumentsAsync(IServiceProvider services, string folder, CancellationToken ct = default)
    {
        var documents = Path.Combine(folder, "documents");
        if (!Directory.Exists(documents))
        {
            return 0;
        }

        var book = services.GetRequiredService<Storage.Sources.DocumentBook>();
        var count = 0;
        foreach (var path in Directory.GetFiles(documents, "*.txt").Order(StringComparer.Ordinal))
        {
            var added = await book.AddAsync(StartUp, new Core.Sources.DocumentInput { Text = await File.ReadAllTextAsync(path, ct) }, ct);
            count += added.IsDone ? 1 : throw new StartupException($"Cannot load the demo document {path}: {added.Message ?? added.Errors?.ToString()}");
        }

        return count;
    }

    /// <summary>
    /// Migrates the database, loads the demo data into an empty one (unless Demo:LoadWhenEmpty is false)
    /// and creates the first admin when there are no users, telling the operator once how to sign in.
    /// </summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, TextWriter operatorConsole, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        try
        {
            await StorageSetup.MigrateAsync(db, ct);
        }
        catch (Npgsql.NpgsqlException e)
        {
            // Npgsql says what failed (refused, unknown host, authentication) and never the password.
            throw new StartupException($"Cannot open the {scope.ServiceProvider.GetRequiredService<StorageOptions>().Describe()}: {e.Message}");
        }

        if (await scope.ServiceProvider.GetRequiredService<AuditTrail>().KeyProblemAsync(ct) is { } keyProblem)
        {
            throw new StartupException(keyProblem);
        }

        bool empty;
        using (db.ReadAs(StartUp))
        {
            empty = !await db.Members.AnyAsync(ct);
        }

        if (configuration.GetValue("Demo:LoadWhenEmpty", true) && empty)
        {
            var loaded = await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(StartUp, configuration["Demo:Path"] ?? DemoData.DefaultPath, ct);
            if (!loaded.IsDone)
            {
                throw new StartupException($"Cannot load the demo data from Demo:Path: {loaded.Errors}");
            }

            var summary = loaded.Value;
            await operatorConsole.WriteLineAsync($"Loaded the demo data: {summary.Actors} actors, {summary.Members} members, {summary.Meetings} meetings, {summary.PledgesCreated} pledges.");
            if (configuration.GetValue("Demo:Observations", true))
            {
                var observations = await LoadDemoObservationsAsync(scope.ServiceProvider, configuration["Demo:Path"] ?? DemoData.DefaultPath, ct);
                await operatorConsole.WriteLineAsync($"Loaded the demo observations: {observations} reports, placed and judged; the verification worklist proposes which are one event.");
            }

            if (configuration.GetValue("Demo:Documents", true))
            {
                var documents = await LoadDemoDocumentsAsync(scope.ServiceProvider, configuration["Demo:Path"] ?? DemoData.DefaultPath, ct);
                await operatorConsole.WriteLineAsync($"Loaded the demo documents: {documents}, their statements found.");
            }
        }

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (!await accounts.AnyAsync(ct))
        {
            var userName = configuration["Admin:UserName"] ?? "admin";
            var configured = configuration["Admin:Password"];
            var password = string.IsNullOrEmpty(configured) ? PasswordHash.Generate() : configured;
            var created = await accounts.CreateAsync(StartUp, new NewUser(userName, Role.Admin, null, password, "Administrator"), ct);
            if (!created.IsDone)
            {
                throw new StartupException($"Cannot create the first admin from Admin:UserName and Admin:Password: {created.Errors?.ToString() ?? created.Message}");
            }

            // Printed to the console once, never logged: the generated password exists nowhere else.
            await operatorConsole.WriteLineAsync(string.IsNullOrEmpty(configured)
                ? $"Created the first admin. Sign in as '{userName}' with password: {password}  (shown once; change it or set Admin:Password)"
                : $"Created the first admin '{userName}' with the password from configuration (Admin:Password).");
        }
    }
}

/// <summary>A setting Truce cannot start with, said in words the operator can act on (no stack trace).</summary>
public sealed class StartupException(string message) : Exception(message);
