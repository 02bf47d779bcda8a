using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Alerts;
using Truce.Storage.Geography;
using Truce.Storage.Monitoring;
using Truce.Storage.Verification;
using Truce.Testing;

namespace Truce.Storage.Tests.Alerts;

/// <summary>
/// Alerts on each store: threshold rules fire exactly at their thresholds, once per episode, within their window
/// and sector, counted from the store across batches; verified-violation rules fire when an incident is verified
/// and at no other move; every alert marked so that only those who may read what triggered it read it.
/// </summary>
public sealed class AlertRaisingTests
{
    private static readonly Principal Admin = new("seeder", Role.Admin, null);
    private static readonly Principal Analyst = new("ana", Role.Analyst, null);
    private static readonly DateTimeOffset T0 = new(2025, 3, 20, 2, 0, 0, TimeSpan.Zero);

    // Two sectors in the south, side by side: west of 31° E and east of it.
    private const string Sectors = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"code":"south-west"},"geometry":{"type":"Polygon","coordinates":[[[29.5,45.5],[31,45.5],[31,47.5],[29.5,47.5],[29.5,45.5]]]}},
          {"type":"Feature","properties":{"code":"south-east"},"geometry":{"type":"Polygon","coordinates":[[[31,45.5],[33,45.5],[33,47.5],[31,47.5],[31,45.5]]]}}]}
        """;

    private static ObservationInput Shelling(string id, TimeSpan after, double lon = 30.72, int count = 1, MarkingInput? marking = null) => new()
    {
        Source = "osce-team-3",
        ExternalId = id,
        ObservedFrom = T0 + after,
        Type = "artillery",
        Count = count,
        Lat = 46.48,
        Lon = lon,
        Marking = marking ?? new MarkingInput { Level = "coalition" },
    };

    private static AlertRuleInput Threshold(int n, int minutes, string? sector = "south-west") =>
        new() { Name = $"{n} shellings in {minutes} min", Kind = "threshold", Type = "artillery", Sector = sector, Threshold = n, WindowMinutes = minutes };

    private static async Task<TestDatabase> WithSectorsAsync()
    {
        var db = await TestDatabase.WithDemoAsync();
        Expect.Done(await db.With(s => s.GetRequiredService<GeoLayers>().ImportAsync(
            Admin, new LayerUpload { Key = "sectors", Kind = "sectors", Title = "Sectors of the south", ValidFrom = new DateOnly(2025, 1, 1) }, Sectors)));
        return db;
    }

    private static Task<IntakeSummary> Send(TestDatabase db, params ObservationInput[] rows) =>
        db.With(async s => Expect.Done(await s.GetRequiredService<ObservationIntake>().SubmitAsync(Admin, rows)));

    private static Task<AlertRuleView> Rule(TestDatabase db, AlertRuleInput input, Principal? by = null) =>
        db.With(async s => Expect.Done(await s.GetRequiredService<AlertRuleWrites>().CreateAsync(by ?? Analyst, input)));

    private static Task<IReadOnlyList<AlertView>> Alerts(TestDatabase db, Principal? reader = null) =>
        db.With(async s => Expect.Done(await s.GetRequiredService<AlertReads>().ListAsync(reader ?? Admin, new AlertQuery())), reader);

    [Fact]
    public async Task A_threshold_rule_fires_at_N_not_at_N_minus_one_and_not_again_at_N_plus_one()
    {
        await using var db = await WithSectorsAsync();
        await Rule(db, Threshold(3, 60));

        await Send(db, Shelling("a", TimeSpan.Zero), Shelling("b", TimeSpan.FromMinutes(10)));
        var atTwo = await Alerts(db);
        await Send(db, Shelling("c", TimeSpan.FromMinutes(20)));
        var atThree = await Alerts(db);
        await Send(db, Shelling("d", TimeSpan.FromMinutes(30)));
        var atFour = await Alerts(db);

        Assert.Empty(atTwo);
        var alert = Assert.Single(atThree);
        Assert.Equal(alert.Id, Assert.Single(atFour).Id);
        Assert.Equal(("south-west", 3, T0 + TimeSpan.FromMinutes(20), 3), (alert.Sector, alert.Count, alert.EpisodeStart, alert.ObservationIds.Count));
        Assert.Equal("COALITION", alert.Marking);
        Assert.Contains("3 artillery events in sector south-west within 1 hour", alert.Why, StringComparison.Ordinal);
        Assert.Equal(T0 + TimeSpan.FromMinutes(60 + 10), atFour[0].EpisodeEnd); // the fourth carried the episode on: b leaves at 01:10 past T0
        var audit = await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.AsNoTracking().Where(e => e.Action == "alert.raised").ToListAsync());
        Assert.Equal("system:alerts", Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task Events_a_whole_window_apart_do_not_count_together_and_a_minute_less_apart_do()
    {
        await using var db = await WithSectorsAsync();
        await Rule(db, Threshold(2, 60));

        await Send(db, Shelling("e", TimeSpan.Zero), Shelling("f", TimeSpan.FromMinutes(60)));
        var apart = await Alerts(db);
        await Send(db, Shelling("g", TimeSpan.FromMinutes(119)));
        var within = await Alerts(db);

        Assert.Empty(apart);
        Assert.Equal(T0 + TimeSpan.FromMinutes(119), Assert.Single(within).EpisodeStart);
    }

    [Fact]
    public async Task A_new_episode_after_the_count_fell_below_N_raises_a_second_alert_and_one_batch_reaching_N_raises_one()
    {
        await using var db = await WithSectorsAsync();
        await Rule(db, Threshold(2, 60));

        await Send(db, Shelling("h", TimeSpan.Zero), Shelling("i", TimeSpan.FromMinutes(5)), Shelling("j", TimeSpan.FromMinutes(6)));
        await Send(db, Shelling("k", TimeSpan.FromHours(5)), Shelling("l", TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1)));

        var alerts = await Alerts(db);
        Assert.Equal([T0 + TimeSpan.FromHours(5) + TimeSpan.FromMinutes(1), T0 + TimeSpan.FromMinutes(5)], alerts.Select(a => a.EpisodeStart!.Value));
    }

    [Fact]
    public async Task A_sector_rule_counts_its_sector_only_and_a_rule_for_every_sector_counts_each_on_its_own()
    {
        await using var db = await WithSectorsAsync();
        var west = await Rule(db, Threshold(2, 60));
        var every = await Rule(db, Threshold(2, 60, sector: null));

        await Send(db, Shelling("m", TimeSpan.Zero, lon: 31.5), Shelling("n", TimeSpan.FromMinutes(1), lon: 30.5));
        var split = await Alerts(db);
        await Send(db, Shelling("o", TimeSpan.FromMinutes(2), lon: 31.6));
        var east = await Alerts(db);

        Assert.Empty(split);
        var alert = Assert.Single(east);
        Assert.Equal((every.Id, "south-east"), (alert.RuleId, alert.Sector));
        Assert.DoesNotContain(east, a => a.RuleId == west.Id);
    }

    [Fact]
    public async Task An_alert_takes_the_most_restrictive_marking_of_its_rule_and_observations_and_is_read_by_those_only()
    {
        await using var db = await WithSectorsAsync();
        await Rule(db, Threshold(2, 60));
        var gbrFra = new MarkingInput { Level = "rel-to", RelTo = ["GBR", "FRA"] };

        await Send(db, Shelling("p", TimeSpan.Zero, marking: gbrFra), Shelling("q", TimeSpan.FromMinutes(3)));

        Assert.Equal("REL TO FRA, GBR", Assert.Single(await Alerts(db)).Marking);
        Assert.Single(await Alerts(db, new Principal("liaison-fra", Role.Liaison, "FRA")));
        Assert.Empty(await Alerts(db, new Principal("liaison-deu", Role.Liaison, "DEU")));
        Assert.Empty(await Alerts(db, new Principal("viewer", Role.Viewer, null)));
    }

    [Fact]
    public async Task A_disabled_rule_raises_nothing()
    {
        await using var db = await WithSectorsAsync();
        var rule = await Rule(db, Threshold(1, 60));
        Expect.Done(await db.With(s => s.GetRequiredService<AlertRuleWrites>().DisableAsync(Analyst, rule.Id, ExpectedVersion.Of(rule.Version))));

        await Send(db, Shelling("r", TimeSpan.Zero));

        Assert.Empty(await Alerts(db));
    }

    [Fact]
    public async Task A_verified_violation_rule_fires_when_the_incident_is_verified_and_at_no_earlier_move()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var rule = await Rule(db, new AlertRuleInput { Name = "Strikes on energy, verified", Kind = "verified-violation", Agreement = "energy-strike-moratorium" });
        await Rule(db, new AlertRuleInput { Name = "Minsk II, verified", Kind = "verified-violation", Agreement = "minsk-ii" });
        ObservationInput Strike(string source, string id) => new()
        {
            Source = source, ExternalId = id, ObservedFrom = T0, Type = "drone-strike", Lat = 46.48, Lon = 30.72, Target = "energy-infrastructure", Marking = new MarkingInput { Level = "coalition" },
        };
        await Send(db, Strike("osce-team-3", "s1"), Strike("telegram-x", "s2"));
        var ids = await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => o.ExternalId == "s1" || o.ExternalId == "s2").Select(o => o.Id).ToListAsync());
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();
        var incident = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, ids, "One strike.")));

        Expect.Done(await db.With(s => writes(s).MoveAsync(Analyst, incident, VerificationState.UnderReview, "Taking it up.", ExpectedVersion.Of(1))));
        Expect.Done(await db.With(s => writes(s).MoveAsync(new Principal("vera", Role.Verifier, null), incident, VerificationState.Corroborated, "A patrol and a channel.", ExpectedVersion.Of(2))));
        var corroborated = await Alerts(db);
        Expect.Done(await db.With(s => writes(s).MoveAsync(new Principal("victor", Role.Verifier, null), incident, VerificationState.Verified, "Imagery confirms.", ExpectedVersion.Of(3))));
        var verified = await Alerts(db);

        Assert.Empty(corroborated);
        var alert = Assert.Single(verified);
        Assert.Equal((rule.Id, incident, "verified-violation"), (alert.RuleId, alert.IncidentId, alert.Kind));
        Assert.Equal(ids.Order(), alert.ObservationIds);
        Assert.Contains($"Incident {incident} (drone strike, 20 Mar 2025 02:00 UTC) was verified as a violation of energy-strike-moratorium provision", alert.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_are_refused_outside_their_ranges_to_monitors_and_for_agreements_not_held()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var writes = (IServiceProvider s) => s.GetRequiredService<AlertRuleWrites>();

        var zero = await db.With(s => writes(s).CreateAsync(Analyst, Threshold(0, 60)));
        var long_ = await db.With(s => writes(s).CreateAsync(Analyst, Threshold(5, 7 * 24 * 60 + 1)));
        var monitor = await db.With(s => writes(s).CreateAsync(new Principal("mo", Role.Monitor, null), Threshold(5, 60)));
        var unknown = await db.With(s => writes(s).CreateAsync(Analyst, new AlertRuleInput { Name = "x", Kind = "verified-violation", Agreement = "no-such-truce" }));
        var provision = await db.With(s => writes(s).CreateAsync(Analyst, new AlertRuleInput { Name = "x", Kind = "verified-violation", Agreement = "minsk-ii", Provision = 999 }));

        Assert.Equal(["threshold"], Expect.Invalid(zero).Keys);
        Assert.Equal(["windowMinutes"], Expect.Invalid(long_).Keys);
        Assert.Equal(OutcomeKind.Refused, monitor.Kind);
        Assert.Equal(["agreement"], Expect.Invalid(unknown).Keys);
        Assert.Equal(["provision"], Expect.Invalid(provision).Keys);
    }

    [Fact]
    public async Task A_rule_changes_at_the_version_read_and_a_stale_change_is_refused()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var rule = await Rule(db, Threshold(5, 60));
        var writes = (IServiceProvider s) => s.GetRequiredService<AlertRuleWrites>();

        var changed = Expect.Done(await db.With(s => writes(s).UpdateAsync(Analyst, rule.Id, ExpectedVersion.Of(1), Threshold(8, 120))));
        var stale = await db.With(s => writes(s).UpdateAsync(Analyst, rule.Id, ExpectedVersion.Of(1), Threshold(9, 120)));

        Assert.Equal((8, 120, 2), (changed.Threshold, changed.WindowMinutes, changed.Version));
        Assert.Equal(OutcomeKind.PreconditionFailed, stale.Kind);
        Assert.Equal(2, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action.StartsWith("alert-rule."))));
    }
}
