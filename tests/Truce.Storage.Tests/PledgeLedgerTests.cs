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
