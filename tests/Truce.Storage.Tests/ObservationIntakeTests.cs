using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Monitoring.Files;
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

        var outcome = await Submit(db, Row("ok"), badType, null, badLat, Row("ok-2"));

        var errors = Expect.Invalid(outcome);
        Assert.Equal(["observations[1].type", "observations[2].row", "observations[3].lat"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().Observations.CountAsync()));
    }

    [Fact]
    public async Task A_report_named_twice_in_one_batch_counts_as_sent_twice_in_its_order()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var summary = Expect.Done(await Submit(db, Row("twice"), Row("twice"), Row("thrice"), Row("thrice", target: "military-depot")));

        Assert.Equal((2, 1, 1), (summary.Accepted, summary.Unchanged, summary.Revised));
        var thrice = await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => o.ExternalId == "thrice").OrderBy(o => o.Version).Select(o => new { o.Version, o.IsCurrent, o.Target }).ToListAsync());
        Assert.Equal([(1, false, "energy-infrastructure"), (2, true, "military-depot")], thrice.Select(v => (v.Version, v.IsCurrent, v.Target)));
    }

    [Fact]
    public async Task A_marking_naming_no_member_or_one_the_writer_could_not_read_refuses_the_row()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var unknown = Row("rel-1");
        unknown.Marking = new MarkingInput { Level = "rel-to", RelTo = ["XXX"] };
        var unreadable = Row("nat-1");
        unreadable.Marking = new MarkingInput { Level = "rel-to", RelTo = ["FRA"] };

        var errors = Expect.Invalid(await db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(new Principal("gbr-monitor", Role.Monitor, "GBR"), [unknown, unreadable])));

        Assert.Equal(["observations[0].marking.relTo", "observations[1].marking.level"], errors.Keys.Order(StringComparer.Ordinal));
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
    public async Task Asked_to_accept_the_valid_rows_it_takes_them_and_names_the_rest()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        FileRow[] rows = [File(2, Row("good-1")), File(3, Row("bad", lat: 95)), File(4, Row("good-2"))];

        var summary = Expect.Done(await db.With(s => s.GetRequiredService<ObservationIntake>().ImportAsync(Monitor, rows, IntakeMode.AcceptValid)));

        Assert.True(summary.Committed);
        Assert.Equal((3, 2, 1), (summary.Read, summary.Accepted, summary.Rejected));
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal((3, "lat", "95"), (rejection.Row, rejection.Column, rejection.Value));
        Assert.Equal(2, await db.With(s => s.GetRequiredService<TruceDb>().Observations.CountAsync()));
    }

    [Fact]
    public async Task A_withdrawn_row_retires_its_report_and_a_later_resend_restores_it_as_a_new_version()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        Expect.Done(await Submit(db, Row("gone")));
        var intake = (IServiceProvider s) => s.GetRequiredService<ObservationIntake>();

        var withdrawn = Expect.Done(await db.With(s => intake(s).ImportAsync(Monitor, [new FileRow { Row = 2, Withdraws = true, Input = new ObservationInput { Source = "test-feed", ExternalId = "gone" }, Locate = f => (f, null) }], IntakeMode.WholeOrNothing)));
        var current = await db.With(s => s.GetRequiredService<ObservationReads>().ListAsync(TestDatabase.TestRunner, null, null, null));
        var back = Expect.Done(await Submit(db, Row("gone")));

        Assert.Equal(1, withdrawn.Withdrawn);
        Assert.Empty(current);
        Assert.Equal(1, back.Revised);
        var versions = await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => o.ExternalId == "gone").OrderBy(o => o.Version).Select(o => o.IsCurrent).ToListAsync());
        Assert.Equal([false, true], versions);
    }

    [Fact]
    public async Task An_import_stopped_midway_leaves_nothing_written()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        using var stop = new CancellationTokenSource();

        // Many chunks' worth of good rows, the import stopped (as a killed process or a dropped connection would) after several were written.
        IEnumerable<FileRow> Rows()
        {
            for (var i = 1; i <= 20_000; i++)
            {
                if (i == 12_000)
                {
                    stop.Cancel();
                }

                yield return File(i, Row($"bulk-{i}", lat: 47 + (i % 100 / 100.0), lon: 35 + (i % 77 / 100.0)));
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.With(s => s.GetRequiredService<ObservationIntake>().ImportAsync(Monitor, Rows(), IntakeMode.WholeOrNothing, ct: stop.Token)));

        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().Observations.CountAsync()));
        Assert.Equal(0, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action == "observations.submitted")));
    }

    private static FileRow File(int row, ObservationInput input) => new() { Row = row, Input = input, Locate = field => (field, field == "lat" ? input.Lat?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) };

    [Fact]
    public async Task A_viewer_may_not_submit()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var outcome = await db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(new Principal("viewer", Role.Viewer, null), [Row("x")]));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
    }
}
