using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Testing;

namespace Truce.Storage.Tests;

public sealed class DemoDataTests
{
    private static readonly Principal Admin = new("admin", Role.Admin, null);

    private static Task<Outcome<DemoSummary>> Load(TestDatabase db, string? path = null, Principal? by = null) =>
        db.With(s => s.GetRequiredService<DemoData>().LoadAsync(by ?? Admin, path ?? DemoData.DefaultPath));

    [Fact]
    public async Task The_demo_data_load_the_coalition_its_meetings_and_pledges()
    {
        await using var db = await TestDatabase.CreateAsync();

        var summary = Expect.Done(await Load(db));

        Assert.True(summary.Actors >= 35, $"{summary.Actors} actors");
        Assert.True(summary.PledgesCreated >= 25, $"{summary.PledgesCreated} pledges");
        Assert.Equal(4, summary.Meetings);
        await db.With(async s =>
        {
            var truce = s.GetRequiredService<TruceDb>();
            Assert.Equal(4, await truce.Meetings.CountAsync());
            Assert.False(await truce.Members.AnyAsync(m => m.ActorCode == "USA" || m.ActorCode == "RUS"));
            Assert.Equal(summary.PledgesCreated, await truce.PledgeRevisions.CountAsync(r => r.Version == 1 && r.ChangedBy == DemoData.Loader.Name));
            Assert.Equal(0, await truce.Pledges.CountAsync(p => !p.Sources.Any()));
            return 0;
        });
    }

    [Fact]
    public async Task Loading_again_changes_nothing_that_the_files_did_not_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = Expect.Done(await Load(db));

        var second = Expect.Done(await Load(db));

        Assert.Equal(0, second.PledgesCreated);
        Assert.Equal(0, second.PledgesChanged);
        Assert.Equal(first.PledgesCreated, second.PledgesUnchanged);
    }

    [Fact]
    public async Task Loading_again_after_an_edit_restores_the_file_as_a_new_version_keeping_the_history()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var planner = new Principal("planner", Role.Planner, null);
        var uk = await db.With(async s =>
        {
            var page = Expect.Done(await s.GetRequiredService<PledgeReads>().ListAsync(planner, new PledgeQuery { Member = "GBR", Limit = 500 }));
            var pledge = page.Items.Single(p => p.Key == "gbr-ground-forces");
            var change = pledge.ToInput();
            change.Quantity = 1;
            change.Reason = "Edited by hand";
            return Expect.Done(await s.GetRequiredService<PledgeWrites>().UpdateAsync(planner, pledge.Id, ExpectedVersion.Of(pledge.Version), change));
        });

        var summary = Expect.Done(await Load(db));

        Assert.Equal(1, summary.PledgesChanged);
        var history = await db.With(async s => Expect.Done(await s.GetRequiredService<PledgeReads>().HistoryAsync(planner, uk.Id)));
        Assert.Equal([3, 2, 1], history.Select(h => h.Version));
        Assert.Equal("Reloaded from the demo data", history[0].Reason);
        Assert.Contains(history[0].Changes, c => c.Field == "quantity" && c.Before == "1" && c.After == "10000");
    }

    [Fact]
    public async Task A_bad_entry_is_named_and_nothing_is_loaded()
    {
        await using var db = await TestDatabase.CreateAsync();
        var folder = TestDatabase.EditedDemoData("pledges.json", pledges => pledges[3]!["category"] = "tanks");

        var refused = Expect.Refused(await Load(db, folder), OutcomeKind.Invalid);

        var message = string.Join(" ", refused.Errors!.ToDictionary()["path"]);
        Assert.Contains("pledges.json[3]", message, StringComparison.Ordinal);
        Assert.Contains("category", message, StringComparison.Ordinal);
        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().Actors.CountAsync()));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_meeting_naming_an_unknown_actor_is_refused_with_its_place_in_the_file()
    {
        await using var db = await TestDatabase.CreateAsync();
        var folder = TestDatabase.EditedDemoData("meetings.json", meetings => meetings[1]!["participants"]![0]!["actor"] = "ATLANTIS");

        var refused = Expect.Refused(await Load(db, folder), OutcomeKind.Invalid);

        Assert.Equal(["meetings.json[1].participants[0].actor: 'ATLANTIS' is not an actor in actors.json."], refused.Errors!.ToDictionary()["path"]);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_requirement_line_is_held_to_the_same_rules_as_one_entered_through_the_API()
    {
        await using var db = await TestDatabase.CreateAsync();
        var folder = TestDatabase.EditedDemoData("planning.json", planning => planning["missions"]![0]!["requirements"]![2]!["priority"] = 12);

        var refused = Expect.Refused(await Load(db, folder), OutcomeKind.Invalid);

        Assert.Contains("requirements[2].priority: 1 (most important) to 9; got 12.", refused.Errors!.ToString(), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Only_an_admin_may_load_demo_data()
    {
        await using var db = await TestDatabase.CreateAsync();

        Expect.Refused(await Load(db, by: new Principal("planner", Role.Planner, null)), OutcomeKind.Refused);
    }
}
