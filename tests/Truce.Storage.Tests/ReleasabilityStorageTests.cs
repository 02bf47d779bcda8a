using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Storage.Scenario;
using Truce.Storage.Security;

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
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));
        await db.With(async s =>
        {
            var ledger = s.GetRequiredService<PledgeLedger>();
            await ledger.CreateAsync(Input("Open to all", "public"), Principal.System);
            await ledger.CreateAsync(Input("Coalition only", "coalition"), Principal.System);
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
                    (await s.GetRequiredService<PledgeLedger>().TotalsAsync()).Pledges);
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
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));
        await db.With(s => s.GetRequiredService<PledgeLedger>().CreateAsync(Input("For the UK only", "rel-to", "GBR"), Principal.System));

        var seenByViewer = await db.With(s => s.GetRequiredService<TruceDb>().Pledges.CountAsync(p => p.Title == "For the UK only"), new Principal("v", Role.Viewer, "GBR"));
        var seenByLiaison = await db.With(s => s.GetRequiredService<TruceDb>().Pledges.CountAsync(p => p.Title == "For the UK only"), new Principal("l", Role.Liaison, "GBR"));

        Assert.Equal(0, seenByViewer);
        Assert.Equal(1, seenByLiaison);
    }

    [Fact]
    public async Task History_and_audit_rows_cannot_be_changed_or_deleted_through_Truce()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));

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
        Assert.True((await db.With(s => s.GetRequiredService<AuditTrail>().VerifyAsync())).Intact);
    }

    [Fact]
    public async Task Every_ledger_write_is_chained_into_the_audit_trail()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));

        var (entries, verification) = await db.With(async s =>
        {
            var audit = s.GetRequiredService<AuditTrail>();
            return (await audit.ListAsync(new AuditQuery(Limit: 1000)), await audit.VerifyAsync());
        });

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(entries.Count, verification.Entries);
        Assert.Equal("scenario.loaded", entries[0].Action);
        Assert.Equal(entries.Count - 1, entries.Count(e => e.Action == "pledge.created"));
        Assert.All(entries.Where(e => e.Action == "pledge.created"), e => Assert.NotNull(e.AfterHash));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i).Reverse(), entries.Select(e => e.Seq));
    }
}
