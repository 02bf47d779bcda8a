using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary>
/// Moving up: the embedded SQLite database of a first start, copied into an empty PostgreSQL database with
/// <c>truce db copy</c>, then served from there by <c>truce serve --db &lt;connection&gt;</c> as a real process.
/// Runs in the PostgreSQL pass of scripts/test.sh (the copy's target is PostgreSQL).
/// </summary>
public sealed class DbCopyTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("truce-copy-").FullName;
    private TestLocation? _target;

    public async ValueTask InitializeAsync()
    {
        if (TestStore.IsPostgreSql)
        {
            _target = await TestStore.NewLocation("copy").CreateAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DropAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(args);

    [Fact]
    public async Task The_demo_database_moves_to_PostgreSQL_whole_and_is_served_from_there()
    {
        Assert.SkipUnless(TestStore.IsPostgreSql, "The copy goes to PostgreSQL: it runs in the PostgreSQL pass.");
        var sqlite = Path.Combine(_folder, "truce.db");
        var token = (await Truce("tokens", "create", "--user", "admin", "--name", "after the move", "--db", sqlite)).Output.Trim();
        var targetKey = Path.Combine(_folder, "pg", "audit.key");

        var (code, output, error) = await Truce("db", "copy", "--from", sqlite, "--to", _target!.ConnectionString!, "--audit-key", targetKey);
        var (again, _, refused) = await Truce("db", "copy", "--from", sqlite, "--to", _target.ConnectionString!, "--audit-key", targetKey);
        var (verified, verifyOutput, _) = await Truce("audit", "verify", "--db", _target.ConnectionString!, "--audit-key", targetKey);

        Assert.True(code == 0, output + error);
        Assert.Contains("every table's count matches", output, StringComparison.Ordinal);
        Assert.Contains("The audit trail of the copy: intact", output, StringComparison.Ordinal);
        foreach (var table in new[] { "Pledges", "PledgeRevisions", "PledgeConditions", "PledgeSources", "AuditEntries", "Users", "ApiTokens", "Actors", "ActorRoles", "Members" })
        {
            Assert.Matches($@"│ {table}\s+│ (\d[\d,]*)\s+│ \1\s+│", output);
        }

        Assert.Contains("copied AuditEntries", error, StringComparison.Ordinal); // the progress, one line per table off a terminal
        Assert.Equal(ExitCodes.Refused, again);
        Assert.Contains("is not empty", refused, StringComparison.Ordinal);
        Assert.Equal(0, verified);
        Assert.Matches(@"intact: \d+ entries", verifyOutput);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(_target.ConnectionString).Password!, output + error + refused, StringComparison.Ordinal);

        // The copy, served by a real `truce serve` process on PostgreSQL, answers the token made before the move.
        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("dotnet", [typeof(TruceCli).Assembly.Location, "serve", "--db", _target.ConnectionString!, "--audit-key", targetKey, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        })!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var pledges = await Eventually(() => client.GetAsync("/api/v1/pledges?limit=200"));
            var page = JsonNode.Parse(await pledges.Content.ReadAsStringAsync())!;
            Assert.True(pledges.StatusCode == HttpStatusCode.OK, page.ToJsonString());
            Assert.Contains("GBR", page["items"]!.AsArray().Select(p => p!["member"]!.GetValue<string>()));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The server takes a few seconds to start (migrations checked, key ring read).
    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (attempt < 120)
            {
                await Task.Delay(250);
            }
        }
    }
}
