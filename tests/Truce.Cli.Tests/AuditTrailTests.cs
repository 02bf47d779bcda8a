using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary>
/// <c>truce audit verify</c> against a trail that was changed, cut or added to behind Truce's back, directly
/// in the database (the SQLite file, or PostgreSQL with the triggers off as its owner may): each is reported,
/// naming the entry; an untouched trail verifies.
/// </summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly TestLocation _database = TestStore.NewLocation("audit");

    // A copy of the tests' template: the demo data's entries (one per pledge, one for the load) and those of
    // the test accounts and tokens.
    public async ValueTask InitializeAsync() => await TemplateDatabase.CopyToAsync(_database);

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(_database, args);

    /// <summary>SQL as the owner of the database runs it, the append-only triggers out of the way.</summary>
    private async Task Sql(string sql) => Assert.Equal(1, await _database.SqlAsOwnerAsync(sql));

    [Fact]
    public async Task The_head_printed_and_recorded_elsewhere_is_checked_by_verify()
    {
        var (_, head, _) = await Truce("audit", "head");
        await Sql("""DELETE FROM "AuditEntries" WHERE "Seq" = (SELECT MAX("Seq") FROM "AuditEntries")""");
        File.Delete(Path.Combine(_database.Folder, "audit-anchor.log")); // the anchor beside the file went with it

        var (code, _, error) = await Truce("audit", "verify", "--head", head.Trim());
        var (bad, _, usage) = await Truce("audit", "verify", "--head", "twelve");

        Assert.Equal(ExitCodes.Broken, code);
        Assert.Contains("entries were removed", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, bad);
        Assert.Contains("--head: expected", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        var (code, output, _) = await Truce("audit", "verify");

        Assert.Equal(0, code);
        Assert.Matches(@"intact: \d+ entries", output);
    }

    [Fact]
    public async Task A_changed_entry_is_named()
    {
        await Sql("""UPDATE "AuditEntries" SET "Actor" = 'someone-else' WHERE "Seq" = 5""");

        var (code, _, error) = await Truce("audit", "verify");

        Assert.Equal(ExitCodes.Broken, code);
        Assert.Contains("broken at entry 5", error, StringComparison.Ordinal);
        Assert.Contains("does not match its hash", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_named()
    {
        await Sql("""DELETE FROM "AuditEntries" WHERE "Seq" = 7""");

        var (code, _, error) = await Truce("audit", "verify");

        Assert.Equal(ExitCodes.Broken, code);
        Assert.Contains("broken at entry 7", error, StringComparison.Ordinal);
        Assert.Contains("entry 7 is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inserted_entry_is_named()
    {
        await Sql("""
            INSERT INTO "AuditEntries" ("Seq", "AtUtc", "Actor", "Action", "Target", "Detail", "PreviousHash", "Hash")
            SELECT MAX("Seq") + 1, '2025-03-15 12:00:00', 'intruder', 'pledge.changed', 'pledge/1', 'forged', (SELECT "Hash" FROM "AuditEntries" ORDER BY "Seq" DESC LIMIT 1), 'forged'
            FROM "AuditEntries"
            """);
        var (_, listing, _) = await Truce("audit", "list", "--limit", "1", "--json");

        var (code, _, error) = await Truce("audit", "verify");

        Assert.Equal(ExitCodes.Broken, code);
        Assert.Contains("by intruder", error, StringComparison.Ordinal);
        Assert.Contains("\"actor\": \"intruder\"", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_write_after_an_intact_trail_keeps_it_intact()
    {
        await Truce("users", "add", "auditor", "--role", "viewer", "--password", "a-long-reviewer-pass");
        await Truce("tokens", "create", "--user", "auditor", "--name", "feed");

        var (code, output, _) = await Truce("audit", "verify");
        var (_, listing, _) = await Truce("audit", "list", "--action", "token.", "--json");

        Assert.Equal(0, code);
        Assert.Contains("token.created", listing, StringComparison.Ordinal);
        Assert.Matches(@"intact: \d+ entries", output);
    }
}
