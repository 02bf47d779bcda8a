using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Security;
using Truce.Web.Startup;

namespace Truce.Testing;

/// <summary>
/// The database every server test starts from, built once per test run (per test process) on the test store
/// (<see cref="TestStore"/>): migrated, loaded with the demo data, with the first admin, one account per role
/// and tokens of several scopes. Each test class gets a copy (of the file, or a database made from it as a
/// template), so no test pays for the build and none sees another's writes.
/// </summary>
public static class TemplateDatabase
{
    public const string AdminPassword = "first-operator-secret";
    public const string Password = "a-long-test-password";

    /// <summary>Real PBKDF2, fewer rounds: sign-ins stay fast without changing the code path.</summary>
    public const int PasswordHashIterations = 1000;

    /// <summary>The accounts every test can use: user name → (role, member).</summary>
    public static readonly IReadOnlyDictionary<string, (Role Role, string? Member)> Accounts = new Dictionary<string, (Role, string?)>
    {
        ["admin"] = (Role.Admin, null),
        ["planner"] = (Role.Planner, null),
        ["liaison-gbr"] = (Role.Liaison, "GBR"),
        ["liaison-fra"] = (Role.Liaison, "FRA"),
        ["viewer"] = (Role.Viewer, null),
        ["analyst"] = (Role.Analyst, null),
        ["monitor"] = (Role.Monitor, null),
        ["verifier"] = (Role.Verifier, null),
    };

    /// <summary>The sets of scopes each account has a token for; the first is every scope a test needs.</summary>
    public static readonly IReadOnlyList<string[]> ScopeSets =
    [
        [TokenScopes.Read, TokenScopes.WritePledges, TokenScopes.WritePlanning, TokenScopes.WriteAgreements, TokenScopes.Ingest, TokenScopes.WriteIncidents, TokenScopes.WriteAlerts, TokenScopes.WriteSources],
        [TokenScopes.Read],
        [TokenScopes.Read, TokenScopes.WritePledges],
        [TokenScopes.Read, TokenScopes.WritePlanning],
        [TokenScopes.Read, TokenScopes.WriteAgreements],
        [TokenScopes.Ingest],
    ];

    private static readonly Lazy<Task<Built>> Template = new(BuildAsync);

    /// <summary>Copies the template to <paramref name="location"/>; returns the tokens' secrets by user and scopes (<c>"planner read"</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CopyToAsync(TestLocation location)
    {
        var built = await Template.Value;
        await location.CopyFromAsync(built.Location);
        return built.Tokens;
    }

    /// <summary>The settings a test server and the template share.</summary>
    public static Dictionary<string, string?> Settings(TestLocation location) => new(location.Settings())
    {
        ["Admin:Password"] = AdminPassword,
        ["Security:PasswordHashIterations"] = PasswordHashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Tests write the access log when they mean to (TruceApp.WriteAccessLogAsync), not on a timer mid-test.
        ["Security:AccessLogWriteEvery"] = "01:00:00",

        // Tests bring the observations they count; a test of the demo's observations loads them itself.
        ["Demo:Observations"] = "false",
        ["Demo:Documents"] = "false",
    };

    public static string Key(string user, IEnumerable<string> scopes) => $"{user} {string.Join(' ', scopes)}";

    private static async Task<Built> BuildAsync()
    {
        var location = await TestStore.NewLocation("template").CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(location)).Build();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var services = new ServiceCollection().AddTruce(configuration).BuildServiceProvider())
        {
            await DatabaseStartup.PrepareDatabaseAsync(services, configuration, TextWriter.Null);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var by = Principal.System("test set-up");
            foreach (var (name, (role, member)) in Accounts)
            {
                if (name != "admin")
                {
                    Expect.Done(await accounts.CreateAsync(by, new NewUser(name, role, member, Password)));
                }

                foreach (var (scopes, set) in ScopeSets.Select((s, i) => (s, i)))
                {
                    // Named by the set's number: the names of all the scopes would pass a token name's 100 characters.
                    var token = Expect.Done(await accounts.CreateTokenAsync(by, name, $"tests, scope set {set}", TimeSpan.FromDays(1), scopes));
                    tokens[Key(name, scopes)] = token.Secret;
                }
            }

            await Checkpoint(scope.ServiceProvider.GetRequiredService<TruceDb>());
        }

        SqliteConnection.ClearAllPools();
        return new Built(location, tokens);
    }

    /// <summary>On SQLite, moves everything written into the main file, so copying that one file copies the whole database.</summary>
    public static async Task Checkpoint(TruceDb db)
    {
        if (!TestStore.IsPostgreSql)
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    private sealed record Built(TestLocation Location, IReadOnlyDictionary<string, string> Tokens);
}
