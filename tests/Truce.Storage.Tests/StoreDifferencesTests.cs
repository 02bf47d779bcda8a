using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Storage.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// Where SQLite and PostgreSQL differ by nature — case in text search, the order of text, the precision of
/// instants, the order rows come back in, how writers wait — Truce behaves the same; scripts/test.sh runs
/// these on both stores.
/// </summary>
public sealed class StoreDifferencesTests
{
    private static readonly Principal Planner = new("planner", Role.Planner, null);

    private static PledgeInput Input(string title, string member = "FRA") => new()
    {
        Member = member,
        Title = title,
        Category = "troops",
        Quantity = 100,
        Unit = "troops",
        Conditions = [new ConditionInput { Kind = "us-backstop", Note = "first" }, new ConditionInput { Kind = "un-mandate", Note = "second" }, new ConditionInput { Kind = "after-ceasefire", Note = "third" }],
        Sources = [new CitationInput { Url = "https://example.org/z" }, new CitationInput { Url = "https://example.org/a" }, new CitationInput { Url = "https://example.org/m" }],
        Reason = "Test",
    };

    private static PledgeQuery Query(string? member = null, string? search = null, string? sort = null, int limit = 50)
    {
        var query = PledgeQuery.Parse(member, null, null, null, search, sort, null, limit, out var errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return query;
    }

    [Fact]
    public async Task Text_search_and_the_member_filter_ignore_the_case_of_ASCII_letters()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Mixed Case HELICOPTERS"))));

        var (lower, upper, member) = await db.With(async s =>
        {
            var reads = s.GetRequiredService<PledgeReads>();
            return (Expect.Done(await reads.ListAsync(Planner, Query(search: "helicopters"))).Items.Count,
                Expect.Done(await reads.ListAsync(Planner, Query(search: "MIXED case"))).Items.Count,
                Expect.Done(await reads.ListAsync(Planner, Query(member: "fra", search: "helicopters"))).Items.Count);
        });

        Assert.Equal((1, 1, 1), (lower, upper, member));
    }

    [Fact]
    public async Task Titles_sort_and_page_in_byte_order_on_both_stores()
    {
        await using var db = await TestDatabase.CreateAsync();
        var titles = new[] { "alpha", "Bravo", "charlie", "Delta", "Émile", "_under", "Zulu", "zulu" };
        await db.With(async s =>
        {
            await s.GetRequiredService<DemoData>().LoadAsync(TestDatabase.TestRunner, DemoData.DefaultPath);
            foreach (var title in titles)
            {
                Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input(title + " order-test")));
            }

            return 0;
        });

        // Pages of three, by the keyset cursor: the rows come in one order, none twice, none skipped.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeReads>().ListAsync(Planner, PledgeQuery.Parse(null, null, null, null, "order-test", "title", cursor, 3, out _))));
            seen.AddRange(page.Items.Select(p => p.Title));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(titles.Select(t => t + " order-test").Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task An_instant_reads_back_as_written_to_the_microsecond()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var created = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Instant"))));

        var stored = await db.With(async s => await s.GetRequiredService<TruceDb>().Pledges.AsNoTracking().Where(p => p.Id == created.Id).Select(p => p.UpdatedAtUtc).SingleAsync());
        var entry = await db.With(async s => await s.GetRequiredService<TruceDb>().AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).FirstAsync());

        Assert.Equal(created.UpdatedAt, DateTime.SpecifyKind(stored, DateTimeKind.Utc));
        Assert.Equal(0, stored.Ticks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(entry.Hash, entry.ComputeHash(db.AuditKey()));
    }

    [Fact]
    public async Task Conditions_and_sources_read_back_in_the_order_they_were_written()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var created = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Ordered lists"))));

        var pledge = await db.With(async s => await s.GetRequiredService<TruceDb>().Pledges.AsNoTracking().SingleAsync(p => p.Id == created.Id));
        var read = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeReads>().GetAsync(Planner, created.Id)));

        Assert.Equal(["first", "second", "third"], pledge.Conditions.Select(c => c.Note));
        Assert.Equal(["https://example.org/z", "https://example.org/a", "https://example.org/m"], pledge.Sources.Select(c => c.Url));
        Assert.Equal(created.Sources.Select(c => c.Url), read.Sources.Select(c => c.Url));
    }

    [Fact]
    public async Task Writers_that_append_to_the_trail_at_once_wait_for_each_other_and_never_fork_it()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        // Twenty writers, each with its own context and connection, create pledges at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input($"Concurrent {i}")))))));

        var verified = Expect.Done(await db.With(s => s.GetRequiredService<AuditTrail>().VerifyAsync(TestDatabase.TestRunner)));
        var seqs = await db.With(async s => await s.GetRequiredService<TruceDb>().AuditEntries.Select(e => e.Seq).ToListAsync());
        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs.Order());
    }
}
