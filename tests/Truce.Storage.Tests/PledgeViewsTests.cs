using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// A pledge is read as the view its last write stored (StoredPledgeView), so that reads need not rebuild it.
/// These tests hold the stored views to the rows they come from.
/// </summary>
public sealed class PledgeViewsTests
{
    private static readonly Principal Planner = new("planner", Role.Planner, null);

    private static async Task<List<(string Stored, string Rebuilt)>> StoredAndRebuiltAsync(TestDatabase db) =>
        await db.With(async s =>
        {
            var truce = s.GetRequiredService<TruceDb>();
            var stored = await truce.PledgeViews.ToDictionaryAsync(v => v.PledgeId, v => v.Json);
            return (await truce.Pledges.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
                .Select(p => (stored.GetValueOrDefault(p.Id) ?? "(none)", JsonSerializer.Serialize(PledgeView.From(p, memberName: null), TruceJson.Options)))
                .ToList();
        });

    [Fact]
    public async Task Every_stored_view_is_the_view_rebuilt_from_the_pledges_rows()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(async s =>
        {
            var writes = s.GetRequiredService<PledgeWrites>();
            var uk = Expect.Done(await s.GetRequiredService<PledgeReads>().ListAsync(Planner, new PledgeQuery { Member = "GBR" })).Items[0];
            var change = uk.ToInput();
            change.Quantity = (uk.Quantity ?? 0) + 1;
            change.Reason = "One more";
            Expect.Done(await writes.UpdateAsync(Planner, uk.Id, ExpectedVersion.Of(uk.Version), change));
            Expect.Done(await writes.ReleaseAsync(Planner, uk.Id, ExpectedVersion.Of(uk.Version + 1), new MarkingInput { Level = "public" }, "Announced"));
            return 0;
        });

        var views = await StoredAndRebuiltAsync(db);

        Expect.All(views, v => Assert.Equal(v.Rebuilt, v.Stored));
    }

    [Fact]
    public async Task A_members_new_name_reaches_the_views_of_its_pledges_without_a_new_version()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var folder = TestDatabase.EditedDemoData("actors.json", actors =>
            actors.AsArray().Single(a => a!["code"]!.GetValue<string>() == "GBR")!["name"] = "United Kingdom of Great Britain and Northern Ireland");

        Expect.Done(await db.With(s => s.GetRequiredService<DemoData>().LoadAsync(TestDatabase.TestRunner, folder)));

        var uk = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeReads>().ListAsync(Planner, new PledgeQuery { Member = "GBR" })).Items);
        Expect.All(uk, p => Assert.Equal("United Kingdom of Great Britain and Northern Ireland", p.MemberName));
        Expect.All(uk, p => Assert.Equal(1, p.Version));
        Expect.All(await StoredAndRebuiltAsync(db), v => Assert.Equal(v.Rebuilt, v.Stored));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_members_name_reaches_only_the_readers_who_may_see_the_member()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(async s =>
        {
            var truce = s.GetRequiredService<TruceDb>();
            (await truce.Actors.SingleAsync(a => a.Code == "GBR")).Marking = Marking.Of(MarkingLevel.RelTo, ["GBR"]);
            return await truce.SaveChangesAsync();
        });

        async Task<(string? One, string? InList)> NameFor(Principal reader) => await db.With(async s =>
        {
            var reads = s.GetRequiredService<PledgeReads>();
            var page = Expect.Done(await reads.ListAsync(reader, new PledgeQuery { Member = "GBR" }));
            return (Expect.Done(await reads.GetAsync(reader, page.Items[0].Id)).MemberName, page.Items[0].MemberName);
        });

        Assert.Equal((null, null), await NameFor(Planner));
        Assert.Equal(("United Kingdom", "United Kingdom"), await NameFor(new Principal("uk", Role.Liaison, "GBR")));
    }

    [Fact]
    public async Task The_migration_that_adds_the_views_fills_them_from_the_current_versions()
    {
        // An upgrade only SQLite databases made before the views went through; PostgreSQL began with them.
        Assert.SkipWhen(TestStore.IsPostgreSql, "PostgreSQL's first migration already has the stored views: there is no earlier schema to upgrade from.");
        await using var db = await TestDatabase.WithDemoAsync();
        await db.With(async s =>
        {
            var migrator = s.GetRequiredService<TruceDb>().GetService<IMigrator>();
            await migrator.MigrateAsync("20261126125657_Planning"); // before the views
            await migrator.MigrateAsync();
            return 0;
        });

        var views = await StoredAndRebuiltAsync(db);

        Expect.All(views, v => Assert.Equal(v.Rebuilt, v.Stored));
    }
}
