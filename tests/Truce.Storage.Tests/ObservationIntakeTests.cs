using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Storage.Monitoring;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>Observations taken in on each store: whole batches or nothing, re-sends unchanged, revisions versioned, each placed and judged at its time.</summary>
public sealed class ObservationIntakeTests
{
    private static readonly Principal Monitor = new("monitor", Role.Monitor, null);

    private static ObservationInput Row(string id, string type = "drone-strike", string at = "2025-03-20T02:00:00Z", double lat = 46.48, double lon = 30.72, string? target = "energy-infrastructure") => new()
    {
        Source = "test-feed",
        ExternalId = id,
        ObservedFrom = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
        Type = type,
        Lat = lat,
        Lon = lon,
        Target = target,
        Marking = new MarkingInput { Level = "coalition" },
    };

    private static Task<Outcome<IntakeSummary>> Submit(TestDatabase db, params ObservationInput?[] rows) =>
        db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(Monitor, rows));

    [Fact]
    public async Task A_strike_on_energy_in_Odesa_during_the_moratorium_is_placed_and_found_a_violation()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var summary = Expect.Done(await Submit(db, Row("odesa-1")));
        var stored = Assert.Single(await db.With(s => s.GetRequiredService<ObservationReads>().ListAsync(TestDatabase.TestRunner, null, null, null)));

        Assert.Equal((1, 1, 0, 0), (summary.Read, summary.Accepted, summary.Unchanged, summary.Revised));
        Assert.Equal(("UA-51", "UKR"), (stored.Oblast, stored.Side));
        var moratorium = Assert.Single(stored.Findings, f => f.Agreement == "energy-strike-moratorium");
        Assert.Equal("violation", moratorium.Verdict);
        Assert.Equal("Strike on energy infrastructure in oblast UA-51 on 20 Mar 2025, during the moratorium in force since 18 Mar 2025.", moratorium.Reason);
    }

    [Fact]
    public async Task A_resent_batch_changes_nothing_and_a_revised_row_becomes_a_new_version()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        Expect.Done(await Submit(db, Row("a"), Row("b")));

        var again = Expect.Done(await Submit(db, Row("a"), Row("b")));
        var revised = Expect.Done(await Submit(db, Row("a", target: "military-depot"), Row("b")));

        Assert.Equal((0, 2, 0), (again.Accepted, again.Unchanged, again.Revised));
        Assert.Equal((0, 1, 1), (revised.Accepted, revised.Unchanged, revised.Revised));
        var versions = await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => o.ExternalId == "a").OrderBy(o => o.Version).Select(o => new { o.Version, o.IsCurrent }).ToListAsync());
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsCurrent)));
        Assert.Equal(3, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action == "observations.submitted")));
    }

    [Fact]
    public async Task A_batch_with_bad_rows_is_refused_whole_with_each_bad_row_named()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var badType = Row("c", type: "shelling");
        var badLat = Row("d", lat: 95);

        var outcome = await Submit(db, Row("ok"), badType, null, badLat, Row("ok"));

        var errors = Expect.Invalid(outcome);
        Assert.Equal(["observations[1].type", "observations[2].row", "observations[3].lat", "observations[4].externalId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().Observations.CountAsync()));
    }

    [Fact]
    public async Task Artillery_seen_inside_Minsk_IIs_zone_in_2015_is_a_violation_and_one_across_its_border_undetermined()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var inside = Row("gun-1", type: "weapon-sighting", at: "2015-04-01T09:00:00Z", lat: 48.1, lon: 37.6, target: null);
        inside.Weapon = "artillery";
        inside.CalibreMm = 152;
        var across = Row("gun-2", type: "weapon-sighting", at: "2015-04-01T09:00:00Z", lat: 48.1, lon: 37.6, target: null);
        across.Weapon = "artillery";
        across.CalibreMm = 152;
        across.RadiusMetres = 30_000;

        Expect.Done(await Submit(db, inside, across));
        var stored = await db.With(s => s.GetRequiredService<ObservationReads>().ListAsync(TestDatabase.TestRunner, null, null, null));

        var one = stored.Single(o => o.ExternalId == "gun-1").Findings.Single(f => f.Agreement == "minsk-ii" && f.Provision == 2);
        var two = stored.Single(o => o.ExternalId == "gun-2").Findings.Single(f => f.Agreement == "minsk-ii" && f.Provision == 2);
        Assert.Equal("violation", one.Verdict);
        Assert.Contains("152 mm artillery seen 8.5 km from the line of contact, inside the 25 km zone of Package of Measures", one.Reason, StringComparison.Ordinal);
        Assert.Contains("(UKR; baseline: the line of contact as of 15 Feb 2015)", one.Reason, StringComparison.Ordinal);
        Assert.Equal("undetermined", two.Verdict);
    }

    [Fact]
    public async Task A_viewer_may_not_submit()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var outcome = await db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(new Principal("viewer", Role.Viewer, null), [Row("x")]));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
    }
}
