using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Reports;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Monitoring;
using Truce.Storage.Reports;
using Truce.Storage.Verification;
using Truce.Testing;

namespace Truce.Storage.Tests.Reports;

/// <summary>
/// The daily report on each store, its numbers checked against counts the test makes itself from the stored
/// rows (a plain loop, not the report's code): the period's edges, the previous period, an incident counted
/// once, the reader's markings; the weekly trend; and the public page's verified violations.
/// </summary>
public sealed class ReportReadsTests
{
    private static readonly Principal Admin = new("seeder", Role.Admin, null);
    private static readonly Principal Analyst = new("ana", Role.Analyst, "GBR");
    private static readonly Principal Verifier = new("vera", Role.Verifier, null);
    private static readonly Principal SecondVerifier = new("victor", Role.Verifier, null);
    private static readonly DateOnly Day = new(2025, 3, 20);

    // The types the test calls explosions, written out here rather than taken from the report's code.
    private static readonly string[] ExplosiveTypes = ["Explosion", "Artillery", "Mlrs", "Missile", "DroneStrike", "AirStrike"];

    private static ObservationInput Row(string source, string id, string at, string type = "drone-strike", string? target = "energy-infrastructure", double lat = 46.48, double lon = 30.72, int count = 1, string level = "coalition", string[]? relTo = null, string? weapon = null, int? calibreMm = null, int? casualties = null) => new()
    {
        Source = source,
        ExternalId = id,
        ObservedFrom = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture),
        Type = type,
        Count = count,
        Lat = lat,
        Lon = lon,
        Target = target,
        Weapon = weapon,
        CalibreMm = calibreMm,
        Casualties = casualties is { } best ? new CasualtiesInput { Best = best, Low = best, High = best } : null,
        Marking = new MarkingInput { Level = level, RelTo = relTo?.ToList() },
    };

    private static async Task SeedAsync(TestDatabase db, params ObservationInput[] rows) =>
        Expect.Done(await db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(Admin, rows)));

    private static async Task<long> IncidentAsync(TestDatabase db, string source, params string[] externalIds)
    {
        var ids = await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking()
            .Where(o => o.IsCurrent && externalIds.Contains(o.ExternalId) && (o.Source == source || o.Source.StartsWith(source + "-"))).Select(o => o.Id).ToListAsync());
        Assert.Equal(externalIds.Length, ids.Count);
        return Expect.Done(await db.With(s => s.GetRequiredService<IncidentWrites>().CreateAsync(Analyst, ids, "One event, several reports.")));
    }

    private static async Task MoveToAsync(TestDatabase db, long id, VerificationState state)
    {
        (Principal Who, VerificationState To)[] path = state switch
        {
            VerificationState.Reported => [],
            VerificationState.UnderReview => [(Analyst, VerificationState.UnderReview)],
            VerificationState.Corroborated => [(Analyst, VerificationState.UnderReview), (Verifier, VerificationState.Corroborated)],
            VerificationState.Verified => [(Analyst, VerificationState.UnderReview), (Verifier, VerificationState.Corroborated), (SecondVerifier, VerificationState.Verified)],
            VerificationState.Disputed => [(Analyst, VerificationState.UnderReview), (Verifier, VerificationState.Corroborated), (SecondVerifier, VerificationState.Disputed)],
            _ => [(Analyst, VerificationState.Rejected)],
        };
        var version = 1;
        foreach (var (who, to) in path)
        {
            Expect.Done(await db.With(s => s.GetRequiredService<IncidentWrites>().MoveAsync(who, id, to, "As the test needs.", ExpectedVersion.Of(version++))));
        }
    }

    private static Task<DailyReport> ReportAsync(TestDatabase db, Principal reader, DateOnly? day = null) =>
        db.With(s => s.GetRequiredService<ReportReads>().DailyAsync(reader, ReportPeriod.Of(day ?? Day)));

    /// <summary>
    /// The test's own count: every current observation of the two periods (as an admin sees them), those of one
    /// incident taken together at their earliest start and that one's place, violations where any is one,
    /// explosions by the incident's (or observation's) type; per oblast and period.
    /// </summary>
    private static async Task<Dictionary<(string Oblast, string Period), (int Violations, int Explosions)>> CountedByTheTestAsync(TestDatabase db, ReportPeriod period)
    {
        var (from, to) = (period.Previous.Start, period.End);
        var rows = await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => o.IsCurrent).ToListAsync());
        var incidents = await db.With(s => s.GetRequiredService<TruceDb>().Incidents.AsNoTracking().ToListAsync());
        var expected = new Dictionary<(string, string), (int, int)>();
        var units = new Dictionary<string, List<Observation>>();
        foreach (var o in rows)
        {
            var incident = incidents.FirstOrDefault(i => i.Reports.Any(r => r.Source == o.Source && r.ExternalId == o.ExternalId));
            var key = incident is null ? $"o{o.Id}" : $"i{incident.Id}";
            if (!units.TryGetValue(key, out var list))
            {
                units[key] = list = [];
            }

            list.Add(o);
        }

        foreach (var (key, list) in units)
        {
            var first = list.OrderBy(o => o.ObservedFrom.UtcTicks).ThenBy(o => o.Id).First();
            var at = first.ObservedFrom;
            string name;
            if (at > period.Start && at <= period.End)
            {
                name = "now";
            }
            else if (at > period.Previous.Start && at <= period.Previous.End)
            {
                name = "before";
            }
            else
            {
                continue;
            }

            var type = key.StartsWith('i') ? incidents.Single(i => $"i{i.Id}" == key).Type : first.Type;
            var violation = list.Any(o => o.Worst == WorstVerdict.Violation) ? 1 : 0;
            var explosion = ExplosiveTypes.Contains(type.ToString()) ? 1 : 0;
            var place = (first.Oblast ?? "-", name);
            var (v, e) = expected.GetValueOrDefault(place);
            expected[place] = (v + violation, e + explosion);
        }

        Assert.True(from < to);
        return expected.Where(e => e.Value != (0, 0)).ToDictionary(e => e.Key, e => e.Value);
    }

    private static Dictionary<(string Oblast, string Period), (int Violations, int Explosions)> AsReported(DailyReport report) =>
        report.ByOblast.SelectMany(l => new[] { ((l.Oblast ?? "-", "now"), (l.Now.Violations, l.Now.Explosions)), ((l.Oblast ?? "-", "before"), (l.Before.Violations, l.Before.Explosions)) })
            .Where(x => x.Item2 != (0, 0)).ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task The_reports_figures_equal_the_tests_own_count_with_its_edges_its_incidents_and_the_previous_period()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        const string S = "daily";
        await SeedAsync(db,
            Row(S, "a1", "2025-03-20T02:00:00Z", count: 1), Row($"{S}-channel", "a2", "2025-03-20T02:04:00Z", count: 3), Row($"{S}-camera", "a3", "2025-03-20T02:07:00Z", count: 2),
            Row(S, "b", "2025-03-20T10:00:00Z", count: 4),
            Row(S, "c", "2025-03-20T11:00:00Z", target: "military-position"),
            Row(S, "edge-end", "2025-03-20T17:30:00Z"),
            Row(S, "edge-start", "2025-03-19T17:30:00Z"),
            Row(S, "late", "2025-03-20T17:30:01Z"),
            Row(S, "s1", "2025-03-19T17:00:00Z"), Row($"{S}-channel", "s2", "2025-03-19T18:00:00Z"),
            Row(S, "prev", "2025-03-19T09:00:00Z", lat: 48.0, lon: 37.8, type: "artillery", target: null),
            Row(S, "rom", "2025-03-20T08:00:00Z", lat: 48.0, lon: 37.8, type: "restriction-of-movement", target: null),
            Row(S, "cas", "2025-03-20T12:00:00Z", lat: 49.99, lon: 36.23, type: "artillery", target: "residential-area", casualties: 2));
        var a = await IncidentAsync(db, S, "a1", "a2", "a3");
        var straddling = await IncidentAsync(db, S, "s1", "s2");
        await MoveToAsync(db, a, VerificationState.Verified);

        var report = await ReportAsync(db, Admin);
        var expected = await CountedByTheTestAsync(db, report.Period);

        Assert.Equal(expected.OrderBy(e => e.Key), AsReported(report).OrderBy(e => e.Key));
        Assert.Equal(expected.Where(e => e.Key.Period == "now").Sum(e => e.Value.Violations), report.Total.Now.Violations);
        Assert.Equal(expected.Where(e => e.Key.Period == "before").Sum(e => e.Value.Explosions), report.Total.Before.Explosions);
        Assert.Equal(report.Total.Now.Violations, report.BySector.Sum(l => l.Now.Violations));

        string Key(string id) => report.Events.SingleOrDefault(e => e.Sources.Contains(S, StringComparison.Ordinal) && e.Description is null && e.Key.StartsWith("observation/", StringComparison.Ordinal) && e.FirstObservation == IdOf(id))?.Key ?? "absent";
        long IdOf(string id) => db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => o.ExternalId == id && o.Source.StartsWith(S)).Select(o => o.Id).SingleAsync()).GetAwaiter().GetResult();
        var incident = Assert.Single(report.Events, e => e.IncidentId == a);
        Assert.Equal((3, 3, VerificationState.Verified), (incident.Reports, incident.Count, incident.State));
        Assert.DoesNotContain(report.Events, e => e.IncidentId == straddling); // began in the previous period: counted there, once
        Assert.NotEqual("absent", Key("edge-end"));
        Assert.Equal("absent", Key("edge-start"));
        Assert.Equal("absent", Key("late"));
        var before = await ReportAsync(db, Admin, Day.AddDays(-1));
        Assert.Single(before.Events, e => e.IncidentId == straddling);
        Assert.Contains(before.Events, e => e.FirstObservation == IdOf("edge-start"));
        Assert.Equal(report.Total.Before, before.Total.Now);

        Assert.Equal([IdOf("rom")], report.Restrictions.Select(e => e.FirstObservation));
        Assert.Equal([a, null], report.Notable.Select(e => e.IncidentId));
        Assert.Equal(2, report.Notable[1].Casualties);
    }

    [Fact]
    public async Task A_reader_is_not_counted_what_they_may_not_read()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        const string S = "marked";
        await SeedAsync(db,
            Row(S, "gbr-1", "2025-03-20T03:00:00Z", level: "rel-to", relTo: ["GBR"]),
            Row(S, "gbr-2", "2025-03-20T04:00:00Z", level: "rel-to", relTo: ["GBR"]),
            Row(S, "open", "2025-03-20T05:00:00Z"),
            Row($"{S}-camera", "gbr-3", "2025-03-20T05:01:00Z", level: "rel-to", relTo: ["GBR"]));
        var mixed = await IncidentAsync(db, S, "open", "gbr-3"); // REL TO GBR: the most restrictive of its two
        var gbr = new Principal("gbr-viewer", Role.Analyst, "GBR");
        var fra = new Principal("fra-analyst", Role.Analyst, "FRA");

        var forGbr = await ReportAsync(db, gbr);
        var forFra = await ReportAsync(db, fra);
        var forViewer = await ReportAsync(db, new Principal("viewer", Role.Viewer, "GBR"));

        // GBR counts the two REL TO strikes and the incident once; FRA counts only the one coalition report, alone.
        Assert.Equal(forFra.Total.Now.Violations + 2, forGbr.Total.Now.Violations);
        Assert.Contains(forGbr.Events, e => e.IncidentId == mixed && e.Reports == 2);
        Assert.DoesNotContain(forFra.Events, e => e.IncidentId == mixed);
        Assert.DoesNotContain(forFra.Events, e => e.Sources.Contains($"{S}-camera", StringComparison.Ordinal));
        Assert.Equal(forFra.Total, forViewer.Total); // a viewer sees COALITION only, whatever member the account names
    }

    [Fact]
    public async Task Weapons_in_the_withdrawal_zone_are_listed_once_per_incident_with_weapon_and_calibre()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        const string S = "guns";
        ObservationInput Gun(string source, string id, string at) => Row(source, id, at, type: "weapon-sighting", target: null, lat: 48.1, lon: 37.6, weapon: "artillery", calibreMm: 152);
        await SeedAsync(db, Gun(S, "g1", "2015-05-01T09:00:00Z"), Gun($"{S}-uav", "g2", "2015-05-01T09:20:00Z"), Gun(S, "g3", "2015-05-01T13:00:00Z"));
        var incident = await IncidentAsync(db, S, "g1", "g2");

        var report = await ReportAsync(db, Admin, new DateOnly(2015, 5, 1));

        var mine = report.Withdrawals.Where(e => e.Sources.StartsWith(S, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal((incident, 2), (mine[0].IncidentId, mine[0].Reports));
        Assert.Equal(("artillery", 152), (mine[1].Weapon, mine[1].CalibreMm));
        Assert.Contains(mine[1].WithdrawalBreaches, b => b.StartsWith("minsk-ii/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_weekly_trend_counts_each_day_as_that_days_report_does()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await SeedAsync(db, Row("week", "1", "2025-03-18T10:00:00Z"), Row("week", "2", "2025-03-20T17:30:00Z"), Row("week", "3", "2025-03-20T17:31:00Z"));

        var week = await db.With(s => s.GetRequiredService<ReportReads>().WeeklyAsync(Admin, Day, 7, ReportPeriod.DefaultCutoff));

        Assert.Equal(Day.AddDays(-6), week.Days[0]);
        for (var i = 0; i < 7; i++)
        {
            var daily = await ReportAsync(db, Admin, week.Days[i]);
            Assert.Equal((daily.Total.Now.Violations, daily.Total.Now.Explosions), (week.Violations[i], week.Explosions[i]));
            Assert.Equal(week.Violations[i], week.ByOblast.Sum(s => s.Violations[i]));
        }
    }

    [Fact]
    public async Task The_public_page_shows_verified_public_violations_and_nothing_else()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var made = new Dictionary<string, long>();
        var hour = 0;
        async Task Make(string name, VerificationState state, string level = "public", string? target = "energy-infrastructure")
        {
            var at = new DateTimeOffset(2025, 3, 25, 0, 0, 0, TimeSpan.Zero).AddHours(hour++).ToString("O", CultureInfo.InvariantCulture);
            await SeedAsync(db, Row("pub", $"{name}-1", at, target: target, level: level), Row("pub-channel", $"{name}-2", at, target: target, level: level));
            var id = await IncidentAsync(db, "pub", $"{name}-1", $"{name}-2");
            await MoveToAsync(db, id, state);
            made[name] = id;
        }

        foreach (var state in Enum.GetValues<VerificationState>())
        {
            await Make(Kebab.Of(state), state);
            await Make($"{Kebab.Of(state)}-coalition", state, level: "coalition");
        }

        await Make("verified-no-violation", VerificationState.Verified, target: "military-position");
        await Make("verified-rel-to", VerificationState.Verified, level: "coalition");
        await SeedAsync(db, Row("pub", "lone-public-violation", "2025-03-26T00:00:00Z", level: "public"));

        var shown = await db.With(s => s.GetRequiredService<ReportReads>().PublicAsync());

        Assert.Equal([made["verified"]], shown.Latest.Select(v => v.Incident));
        Assert.Equal(1, shown.Days.Sum(d => d.Total));
        Assert.Equal((new DateOnly(2025, 3, 25), "UA-51"), (shown.Days[0].Day, shown.Oblasts.Single()));
    }
}
