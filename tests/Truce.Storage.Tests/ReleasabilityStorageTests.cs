using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Storage.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>The releasability rule lives in the storage layer: any query, by any code, is filtered.</summary>
public sealed class ReleasabilityStorageTests
{
    private static PledgeInput Input(string title, string level, params string[] relTo) => new()
    {
        Member = "GBR",
        Title = title,
        Category = "air",
        Sources = [new CitationInput { Url = "https://example.org/x" }],
        Marking = new MarkingInput { Level = level, RelTo = [.. relTo] },
    };

    [Fact]
    public async Task Anonymous_reads_only_public_records_whatever_the_query()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(async s =>
        {
            var writes = s.GetRequiredService<PledgeWrites>();
            Expect.Done(await writes.CreateAsync(TestDatabase.TestRunner, Input("Open to all", "public")));
            Expect.Done(await writes.CreateAsync(TestDatabase.TestRunner, Input("Coalition only", "coalition")));
            return 0;
        });

        var (pledges, revisions, members, meetings, total) = await db.With(
            async s =>
            {
                var truce = s.GetRequiredService<TruceDb>();
                return (
                    await truce.Pledges.Select(p => p.Title).ToListAsync(),
                    await truce.PledgeRevisions.CountAsync(),
                    await truce.Members.CountAsync(),
                    await truce.Meetings.CountAsync(),
                    (await s.GetRequiredService<PledgeReads>().TotalsAsync(Principal.Anonymous)).Pledges);
            },
            Principal.Anonymous);

        Assert.Equal(["Open to all"], pledges);
        Assert.Equal(1, revisions);
        Assert.Equal(0, members);
        Assert.Equal(0, meetings);
        Assert.Equal(1, total);
    }

    [Fact]
    public async Task A_viewer_with_a_member_still_sees_only_coalition_records()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(s => s.GetRequiredService<PledgeWrites>().CreateAsync(TestDatabase.TestRunner, Input("For the UK only", "rel-to", "GBR")));

        var seenByViewer = await db.With(s => s.GetRequiredService<TruceDb>().Pledges.CountAsync(p => p.Title == "For the UK only"), new Principal("v", Role.Viewer, "GBR"));
        var seenByLiaison = await db.With(s => s.GetRequiredService<TruceDb>().Pledges.CountAsync(p => p.Title == "For the UK only"), new Principal("l", Role.Liaison, "GBR"));

        Assert.Equal(0, seenByViewer);
        Assert.Equal(1, seenByLiaison);
    }

    [Fact]
    public async Task History_and_audit_rows_cannot_be_changed_or_deleted_through_Truce()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.With(async s =>
        {
            var truce = s.GetRequiredService<TruceDb>();
            var entry = await truce.AuditEntries.FirstAsync();
            entry.Detail = "rewritten";
            return await truce.SaveChangesAsync();
        }));
        var revisionError = await Assert.ThrowsAsync<InvalidOperationException>(() => db.With(async s =>
        {
            var truce = s.GetRequiredService<TruceDb>();
            truce.PledgeRevisions.Remove(await truce.PledgeRevisions.FirstAsync());
            return await truce.SaveChangesAsync();
        }));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", revisionError.Message, StringComparison.Ordinal);
        Assert.True(Expect.Done(await db.With(s => s.GetRequiredService<AuditTrail>().VerifyAsync(TestDatabase.TestRunner))).Intact);
    }

    [Fact]
    public async Task Every_ledger_write_is_chained_into_the_audit_trail()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var (entries, verification) = await db.With(async s =>
        {
            var audit = s.GetRequiredService<AuditTrail>();
            return (Expect.Done(await audit.ListAsync(TestDatabase.TestRunner, new AuditQuery(Limit: 1000))), Expect.Done(await audit.VerifyAsync(TestDatabase.TestRunner)));
        });

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(entries.Count, verification.Entries);
        Assert.Equal("demo.loaded", entries[0].Action);
        Assert.Equal(34, entries.Count(e => e.Action == "pledge.created"));
        Assert.Equal(6, entries.Count(e => e.Action == "layer.imported"));
        Assert.Equal(5, entries.Count(e => e.Action == "agreement.recorded"));
        Assert.Equal(6, entries.Count(e => e.Action == "agreement.status-changed"));
        Assert.Equal(entries.Count - 1, entries.Count(e => e.Action is "pledge.created" or "layer.imported" or "agreement.recorded" or "agreement.status-changed"));
        Expect.All(entries.Where(e => e.Action == "pledge.created"), e => Assert.NotNull(e.AfterHash));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i).Reverse(), entries.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_read_of_marked_records_that_names_no_principal_fails_rather_than_reading_as_anybody()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await using var scope = db.Scope();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<TruceDb>().Pledges.CountAsync());

        Assert.Contains("without saying for whom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_without_a_marking_and_existence_checks_need_no_principal()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await using var scope = db.Scope();
        var truce = scope.ServiceProvider.GetRequiredService<TruceDb>();

        Assert.True(await truce.AuditEntries.AnyAsync());
        Assert.True(await truce.ExistsUnfilteredAsync<Core.Coalition.CoalitionMember>(m => m.ActorCode == "GBR", "test", CancellationToken.None));
    }
}
