using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Storage.Scenario;

namespace Truce.Storage.Tests;

public sealed class ScenarioLoaderTests
{
    private static string CopyOfDemoScenario()
    {
        var folder = Directory.CreateTempSubdirectory("truce-scenario-").FullName;
        foreach (var file in Directory.GetFiles(ScenarioLoader.DefaultPath, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private static Task<ScenarioSummary> Load(TestDatabase db, string? path = null) =>
        db.With(s => s.GetRequiredService<ScenarioLoader>().LoadAsync(path ?? ScenarioLoader.DefaultPath));

    [Fact]
    public async Task The_demo_scenario_loads_the_coalition_its_meetings_and_pledges()
    {
        await using var db = await TestDatabase.CreateAsync();

        var summary = await Load(db);

        Assert.True(summary.Actors >= 35, $"{summary.Actors} actors");
        Assert.True(summary.PledgesCreated >= 25, $"{summary.PledgesCreated} pledges");
        Assert.Equal(4, summary.Meetings);
        await db.With(async s =>
        {
            var truce = s.GetRequiredService<TruceDb>();
            Assert.Equal(4, await truce.Meetings.CountAsync());
            Assert.False(await truce.Members.AnyAsync(m => m.ActorCode == "USA" || m.ActorCode == "RUS"));
            Assert.Equal(summary.PledgesCreated, await truce.PledgeRevisions.CountAsync(r => r.Version == 1 && r.ChangedBy == "scenario"));
            Assert.Equal(0, await truce.Pledges.CountAsync(p => !p.Sources.Any()));
            return 0;
        });
    }

    [Fact]
    public async Task Loading_again_changes_nothing_that_the_files_did_not_change()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = await Load(db);

        var second = await Load(db);

        Assert.Equal(0, second.PledgesCreated);
        Assert.Equal(0, second.PledgesChanged);
        Assert.Equal(first.PledgesCreated, second.PledgesUnchanged);
    }

    [Fact]
    public async Task Loading_again_after_an_edit_restores_the_file_as_a_new_version_keeping_the_history()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Load(db);
        var uk = await db.With(async s =>
        {
            var ledger = s.GetRequiredService<PledgeLedger>();
            var pledge = (await ledger.ListAsync(new PledgeQuery { Member = "GBR", Limit = 500 })).Items.Single(p => p.Key == "gbr-ground-forces");
            var change = pledge.ToInput();
            change.Quantity = 1;
            change.Reason = "Edited by hand";
            return (await ledger.UpdateAsync(pledge.Id, pledge.Version, change, new Principal("planner", Role.Planner, null))).Pledge!;
        });

        var summary = await Load(db);

        Assert.Equal(1, summary.PledgesChanged);
        var history = await db.With(s => s.GetRequiredService<PledgeLedger>().HistoryAsync(uk.Id));
        Assert.Equal([3, 2, 1], history!.Select(h => h.Version));
        Assert.Equal("Reloaded from the demo scenario", history![0].Reason);
        Assert.Contains(history[0].Changes, c => c.Field == "quantity" && c.Before == "1" && c.After == "10000");
    }

    [Fact]
    public async Task A_bad_entry_is_named_and_nothing_is_loaded()
    {
        await using var db = await TestDatabase.CreateAsync();
        var folder = CopyOfDemoScenario();

        var pledges = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "pledges.json")))!.AsArray();
        pledges[3]!["category"] = "tanks";
        await File.WriteAllTextAsync(Path.Combine(folder, "pledges.json"), pledges.ToJsonString());

        var error = await Assert.ThrowsAsync<ScenarioException>(() => Load(db, folder));

        Assert.Contains("pledges.json[3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("category", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().Actors.CountAsync()));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_meeting_naming_an_unknown_actor_is_refused_with_its_place_in_the_file()
    {
        await using var db = await TestDatabase.CreateAsync();
        var folder = CopyOfDemoScenario();

        var meetings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "meetings.json")))!.AsArray();
        meetings[1]!["participants"]![0]!["actor"] = "ATLANTIS";
        await File.WriteAllTextAsync(Path.Combine(folder, "meetings.json"), meetings.ToJsonString());

        var error = await Assert.ThrowsAsync<ScenarioException>(() => Load(db, folder));

        Assert.Equal("meetings.json[1].participants[0].actor: 'ATLANTIS' is not an actor in actors.json.", error.Message);
        Directory.Delete(folder, recursive: true);
    }
}
