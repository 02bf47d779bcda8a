using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Storage.Scenario;

namespace Truce.Storage.Tests;

public sealed class PledgeLedgerTests
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
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));

        var snapshots = await db.With(async s =>
        {
            var ledger = s.GetRequiredService<PledgeLedger>();
            var created = (await ledger.CreateAsync(Input("Snapshot test"), Planner)).Pledge!;
            var change = created.ToInput();
            change.Quantity = 2000;
            change.Reason = "Doubled";
            await ledger.UpdateAsync(created.Id, 1, change, Planner);
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
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));

        var (before, after) = await db.With(async s =>
        {
            var ledger = s.GetRequiredService<PledgeLedger>();
            var created = (await ledger.CreateAsync(Input("To be withdrawn"), Planner)).Pledge!;
            var totalsBefore = await ledger.TotalsAsync();
            var change = created.ToInput();
            change.Stage = "withdrawn";
            change.Reason = "Parliament voted against";
            await ledger.UpdateAsync(created.Id, 1, change, Planner);
            return (totalsBefore, await ledger.TotalsAsync());
        });

        Assert.Equal(before.TroopsPledged - 1000, after.TroopsPledged);
        Assert.Equal(before.TroopsNeedingUsBackstop - 1000, after.TroopsNeedingUsBackstop);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_pledge_is_left_as_it_was()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));

        var (result, current) = await db.With(async s =>
        {
            var ledger = s.GetRequiredService<PledgeLedger>();
            var created = (await ledger.CreateAsync(Input("Stale test"), Planner)).Pledge!;
            var change = created.ToInput();
            change.Quantity = 5;
            change.Reason = "Stale";
            var refused = await ledger.UpdateAsync(created.Id, expectedVersion: 7, change, Planner);
            return (refused, await ledger.GetAsync(created.Id));
        });

        Assert.Equal(LedgerOutcome.Stale, result.Outcome);
        Assert.Equal(1000, current!.Quantity);
    }
}

public sealed class AuditHistoryTests
{
    [Fact]
    public async Task An_audit_entry_hashes_the_stored_versions_before_and_after_a_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(ScenarioLoader.DefaultPath));

        var (entry, revisions) = await db.With(async s =>
        {
            var ledger = s.GetRequiredService<PledgeLedger>();
            var uk = (await ledger.ListAsync(new PledgeQuery { Member = "GBR", Limit = 500 })).Items.Single(p => p.Key == "gbr-air-component");
            var change = uk.ToInput();
            change.Quantity = 6;
            change.Reason = "Fewer aircraft";
            await ledger.UpdateAsync(uk.Id, uk.Version, change, new Principal("planner", Role.Planner, null));
            var truce = s.GetRequiredService<TruceDb>();
            return (
                await truce.AuditEntries.SingleAsync(e => e.Action == "pledge.changed"),
                await truce.PledgeRevisions.Where(r => r.PledgeId == uk.Id).OrderBy(r => r.Version).Select(r => r.SnapshotJson).ToListAsync());
        });

        Assert.Equal(AuditEntry.HashOf(revisions[0]), entry.BeforeHash);
        Assert.Equal(AuditEntry.HashOf(revisions[1]), entry.AfterHash);
    }
}
