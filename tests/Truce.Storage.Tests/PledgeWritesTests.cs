using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Testing;

namespace Truce.Storage.Tests;

public sealed class PledgeWritesTests
{
    private static readonly Principal Planner = new("planner", Role.Planner, null);

    private static PledgeInput Input(string title) => new()
    {
        Member = "FRA",
        Title = title,
        Category = "troops",
        Quantity = 1000,
        Unit = "troops",
        Conditions = [new ConditionInput { Kind = "us-backstop" }],
        Sources = [new CitationInput { Url = "https://example.org/fr" }],
        Reason = "Test",
    };

    [Fact]
    public async Task Every_version_keeps_a_snapshot_of_the_pledge_as_it_was()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var snapshots = await db.With(async s =>
        {
            var writes = s.GetRequiredService<PledgeWrites>();
            var created = Expect.Done(await writes.CreateAsync(Planner, Input("Snapshot test")));
            var change = created.ToInput();
            change.Quantity = 2000;
            change.Reason = "Doubled";
            Expect.Done(await writes.UpdateAsync(Planner, created.Id, ExpectedVersion.Of(1), change));
            return await s.GetRequiredService<TruceDb>().PledgeRevisions.Where(r => r.PledgeId == created.Id).OrderBy(r => r.Version)
                .Select(r => r.SnapshotJson).ToListAsync();
        });

        var versions = snapshots.Select(j => JsonSerializer.Deserialize<PledgeView>(j, TruceJson.Options)!).ToList();
        Assert.Equal([1000L, 2000L], versions.Select(v => v.Quantity!.Value));
        Assert.Equal([1, 2], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task A_withdrawn_pledge_no_longer_counts_toward_the_troops()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var (before, after) = await db.With(async s =>
        {
            var (writes, reads) = (s.GetRequiredService<PledgeWrites>(), s.GetRequiredService<PledgeReads>());
            var created = Expect.Done(await writes.CreateAsync(Planner, Input("To be withdrawn")));
            var totalsBefore = await reads.TotalsAsync(Planner);
            var change = created.ToInput();
            change.Stage = "withdrawn";
            change.Reason = "Parliament voted against";
            Expect.Done(await writes.UpdateAsync(Planner, created.Id, ExpectedVersion.Of(1), change));
            return (totalsBefore, await reads.TotalsAsync(Planner));
        });

        Assert.Equal(before.TroopsPledged - 1000, after.TroopsPledged);
        Assert.Equal(before.TroopsNeedingUsBackstop - 1000, after.TroopsNeedingUsBackstop);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_pledge_is_left_as_it_was()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var (refused, current) = await db.With(async s =>
        {
            var writes = s.GetRequiredService<PledgeWrites>();
            var created = Expect.Done(await writes.CreateAsync(Planner, Input("Stale test")));
            var change = created.ToInput();
            change.Quantity = 5;
            change.Reason = "Stale";
            return (
                await writes.UpdateAsync(Planner, created.Id, ExpectedVersion.Of(7), change),
                Expect.Done(await s.GetRequiredService<PledgeReads>().GetAsync(Planner, created.Id)));
        });

        Expect.Refused(refused, OutcomeKind.PreconditionFailed);
        Assert.Contains("version 1, not 7", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1000, current.Quantity);
    }

    [Fact]
    public async Task Any_version_overwrites_whatever_is_current()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var changed = await db.With(async s =>
        {
            var writes = s.GetRequiredService<PledgeWrites>();
            var created = Expect.Done(await writes.CreateAsync(Planner, Input("Overwrite test")));
            var change = created.ToInput();
            change.Quantity = 7;
            change.Reason = "Whatever is there";
            return Expect.Done(await writes.UpdateAsync(Planner, created.Id, ExpectedVersion.Any, change));
        });

        Assert.Equal((2, 7L), (changed.Version, changed.Quantity!.Value));
    }

    [Fact]
    public async Task Of_two_writers_who_read_the_same_version_one_wins_and_the_other_is_told_it_changed()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var created = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Race test"))));

        // Both load version 1 in their own scope, then save one after the other: the second's version check or
        // the unique (pledge, version) of revisions refuses it, whichever comes first.
        await using var first = db.Scope();
        await using var second = db.Scope();
        var inputs = new[] { 11L, 22L }.Select(q =>
        {
            var change = created.ToInput();
            change.Quantity = q;
            change.Reason = $"Set to {q}";
            return change;
        }).ToList();
        var results = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<PledgeWrites>().UpdateAsync(Planner, created.Id, ExpectedVersion.Of(1), inputs[0]),
            second.ServiceProvider.GetRequiredService<PledgeWrites>().UpdateAsync(Planner, created.Id, ExpectedVersion.Of(1), inputs[1]));

        Assert.Single(results, r => r.IsDone);
        Assert.Single(results, r => r.Kind == OutcomeKind.PreconditionFailed);
        var history = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeReads>().HistoryAsync(Planner, created.Id)));
        Assert.Equal([2, 1], history.Select(h => h.Version));
    }

    [Fact]
    public async Task A_save_that_loses_a_race_leaves_no_transaction_open_and_the_write_lock_free()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var created = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Loses a race"))));
        await using var loser = db.Scope();
        var truce = loser.ServiceProvider.GetRequiredService<TruceDb>();
        using var reading = truce.ReadAs(TestDatabase.TestRunner);
        var pledge = await truce.Pledges.SingleAsync(p => p.Id == created.Id);
        pledge.Title = "Written by the loser";
        pledge.Version++;
        loser.ServiceProvider.GetRequiredService<Security.AuditTrail>().Append(Planner, "pledge.changed", $"pledge/{pledge.Id}");

        // Another writer gets there first.
        await db.With(s => s.GetRequiredService<TruceDb>().Pledges.Where(p => p.Id == created.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Version, 2)));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => truce.SaveChangesAsync());

        Assert.Null(truce.Database.CurrentTransaction);
        Expect.Done(await db.With(s => s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Written while the loser's context lives on"))));
        truce.ChangeTracker.Clear();
        Expect.Done(await loser.ServiceProvider.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Written by the loser's context afterwards")));

        // The chain holds; the version this test bumped by hand is itself reported, as any edit of a pledge's row is.
        var verified = Expect.Done(await db.With(s => s.GetRequiredService<Security.AuditTrail>().VerifyAsync(TestDatabase.TestRunner)));
        Assert.Null(verified.BrokenAt);
        Assert.Contains($"pledge {created.Id}: version 2 has no revision", verified.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_that_lost_a_race_serves_the_next_writes_as_if_nothing_happened()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var created = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input("Race, then more"))));
        await using (var first = db.Scope())
        await using (var second = db.Scope())
        {
            var change = created.ToInput();
            change.Reason = "Racing";
            change.Quantity = 3;
            await Task.WhenAll(
                first.ServiceProvider.GetRequiredService<PledgeWrites>().UpdateAsync(Planner, created.Id, ExpectedVersion.Of(1), change),
                second.ServiceProvider.GetRequiredService<PledgeWrites>().UpdateAsync(Planner, created.Id, ExpectedVersion.Of(1), change));
        }

        // Contexts are pooled: the next scopes get the ones that raced, and each must write and chain as usual.
        for (var i = 0; i < 4; i++)
        {
            await using var next = db.Scope();
            Expect.Done(await next.ServiceProvider.GetRequiredService<PledgeWrites>().CreateAsync(Planner, Input($"After the race {i}")));
        }

        Assert.True(Expect.Done(await db.With(s => s.GetRequiredService<Security.AuditTrail>().VerifyAsync(TestDatabase.TestRunner))).Intact);
    }
}

public sealed class AuditHistoryTests
{
    [Fact]
    public async Task An_audit_entry_hashes_the_stored_versions_before_and_after_a_change()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var planner = new Principal("planner", Role.Planner, null);

        var (entry, revisions) = await db.With(async s =>
        {
            var page = Expect.Done(await s.GetRequiredService<PledgeReads>().ListAsync(planner, new PledgeQuery { Member = "GBR", Limit = 500 }));
            var uk = page.Items.Single(p => p.Key == "gbr-air-component");
            var change = uk.ToInput();
            change.Quantity = 6;
            change.Reason = "Fewer aircraft";
            Expect.Done(await s.GetRequiredService<PledgeWrites>().UpdateAsync(planner, uk.Id, ExpectedVersion.Of(uk.Version), change));
            var truce = s.GetRequiredService<TruceDb>();
            return (
                await truce.AuditEntries.SingleAsync(e => e.Action == "pledge.changed"),
                await truce.PledgeRevisions.Where(r => r.PledgeId == uk.Id).OrderBy(r => r.Version).Select(r => r.SnapshotJson).ToListAsync());
        });

        Assert.Equal(AuditEntry.HashOf(revisions[0]), entry.BeforeHash);
        Assert.Equal(AuditEntry.HashOf(revisions[1]), entry.AfterHash);
    }
}
