using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// What someone with the database file can do to the trail and the records it guards, and what
/// <c>audit verify</c> says: the database refuses to rewrite history; dropping its guards and removing the
/// last entries, forging a tail without the key, or editing a pledge, a revision, an account or a token is seen.
/// </summary>
public sealed class AuditTamperTests
{
    private static readonly Principal Admin = new("admin", Role.Admin, null);

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"Detail\" = 'nothing happened' WHERE \"Seq\" = 1")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Seq\" = (SELECT max(\"Seq\") FROM \"AuditEntries\")")]
    [InlineData("UPDATE \"PledgeRevisions\" SET \"Reason\" = 'rewritten' WHERE \"Version\" = 1")]
    [InlineData("DELETE FROM \"PledgeRevisions\"")]
    public async Task The_database_refuses_to_rewrite_history(string sql)
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => db.With(s => s.GetRequiredService<TruceDb>().Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the last entries", "DELETE FROM \"AuditEntries\" WHERE \"Seq\" > (SELECT max(\"Seq\") - 3 FROM \"AuditEntries\")", "entries were removed")]
    [InlineData("every entry", "DELETE FROM \"AuditEntries\"", "entries were removed")]
    public async Task Removing_entries_behind_the_guards_is_seen_against_the_anchor(string what, string sql, string said)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await AsOwnerAsync(db, sql);

        var verified = await VerifyAsync(db);

        Assert.False(verified.Intact, $"Removing {what} passed verification.");
        Assert.Contains(said, verified.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tail_forged_without_the_key_does_not_verify()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var last = await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).FirstAsync());

        // The forger knows the algorithm but not the key: the plain hash is all they can compute.
        last.Detail = "for nobody: nothing was loaded";
        var forged = last.ComputeHash(null);
        await db.Location.SqlAsOwnerAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = '{last.Detail}', \"Hash\" = '{forged}' WHERE \"Seq\" = {last.Seq}");

        var verified = await VerifyAsync(db);

        Assert.NotNull(verified.BrokenAt);
        Assert.Contains("does not match its hash", verified.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a pledge's quantity", "UPDATE \"Pledges\" SET \"Quantity\" = 99999 WHERE \"Id\" = 1", "pledge 1: its row differs from its last revision")]
    [InlineData("a revision", "UPDATE \"PledgeRevisions\" SET \"SnapshotJson\" = replace(\"SnapshotJson\", '10000', '20000') WHERE \"PledgeId\" = 1", "pledge 1 version 1: its revision is not the one the audit trail recorded")]
    [InlineData("an account's role", "UPDATE \"Users\" SET \"Role\" = 'Admin' WHERE \"UserName\" = 'mallory'", "account 'mallory': differs from its last audited change")]
    [InlineData("a token's expiry", "UPDATE \"ApiTokens\" SET \"ExpiresAtUtc\" = '2099-01-01 00:00:00' WHERE \"Name\" = 'feed'", "differs from its last audited change")]
    public async Task An_edit_of_a_guarded_record_in_the_database_is_seen(string what, string sql, string said)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(async s =>
        {
            var accounts = s.GetRequiredService<UserAccounts>();
            Expect.Done(await accounts.CreateAsync(Admin, new NewUser("mallory", Role.Viewer, null, "a long enough passphrase")));
            return Expect.Done(await accounts.CreateTokenAsync(Admin, "mallory", "feed", TimeSpan.FromDays(30), [TokenScopes.Read]));
        });
        Assert.True((await VerifyAsync(db)).Intact, "The trail did not verify before the edit.");

        await AsOwnerAsync(db, sql);
        var verified = await VerifyAsync(db);

        Assert.False(verified.Intact, $"An edit of {what} passed verification.");
        Assert.Contains(said, verified.Problem, StringComparison.Ordinal);
    }

    /// <summary>Runs SQL as the owner of the database would, the append-only triggers out of the way.</summary>
    private static Task<int> AsOwnerAsync(TestDatabase db, string sql) => db.Location.SqlAsOwnerAsync(sql);

    private static async Task<AuditVerification> VerifyAsync(TestDatabase db) =>
        Expect.Done(await db.With(s => s.GetRequiredService<AuditTrail>().VerifyAsync(TestDatabase.TestRunner)));
}
