using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Monitoring;
using Truce.Storage.Verification;
using Truce.Testing;

namespace Truce.Storage.Tests.Verification;

/// <summary>Incidents on each store: made of chosen observations, moved through verification by the right people, claimed by one analyst at a time.</summary>
public sealed class IncidentWritesTests
{
    private static readonly Principal Admin = new("seeder", Role.Admin, null);
    private static readonly Principal Analyst = new("ana", Role.Analyst, null);
    private static readonly Principal Verifier = new("vera", Role.Verifier, null);
    private static readonly Principal SecondVerifier = new("victor", Role.Verifier, null);

    private static ObservationInput Report(string source, string id, MarkingInput? marking = null) => new()
    {
        Source = source,
        ExternalId = id,
        ObservedFrom = new DateTimeOffset(2025, 3, 20, 2, 0, 0, TimeSpan.Zero),
        Type = "drone-strike",
        Lat = 46.48,
        Lon = 30.72,
        Target = "energy-infrastructure",
        Marking = marking ?? new MarkingInput { Level = "coalition" },
    };

    private static async Task<List<long>> SeedAsync(TestDatabase db, params ObservationInput[] rows)
    {
        Expect.Done(await db.With(s => s.GetRequiredService<ObservationIntake>().SubmitAsync(Admin, rows)));
        var keys = rows.Select(r => r.ExternalId).ToList();
        return await db.With(s => s.GetRequiredService<TruceDb>().Observations.AsNoTracking().Where(o => keys.Contains(o.ExternalId)).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
    }

    [Fact]
    public async Task An_incident_goes_from_reported_to_verified_by_two_people_with_every_move_kept()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var ids = await SeedAsync(db, Report("osce-team-3", "a"), Report("telegram-x", "b"));
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();

        var id = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, ids, "Same strike, same minute, same substation.")));
        Expect.Done(await db.With(s => writes(s).MoveAsync(Analyst, id, VerificationState.UnderReview, "Taking it up.", ExpectedVersion.Of(1))));
        Expect.Done(await db.With(s => writes(s).MoveAsync(Verifier, id, VerificationState.Corroborated, "A patrol and a channel.", ExpectedVersion.Of(2))));
        var self = await db.With(s => writes(s).MoveAsync(Verifier, id, VerificationState.Verified, "Confirmed.", ExpectedVersion.Of(3)));
        var verified = Expect.Done(await db.With(s => writes(s).MoveAsync(SecondVerifier, id, VerificationState.Verified, "Imagery confirms the damage.", ExpectedVersion.Of(3))));

        Assert.Equal(["by"], Expect.Invalid(self).Keys);
        Assert.Equal(VerificationState.Verified, verified.State);
        var stored = await db.With(s => s.GetRequiredService<TruceDb>().Incidents.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal([("ana", VerificationState.UnderReview), ("vera", VerificationState.Corroborated), ("victor", VerificationState.Verified)], stored.History.Where(h => h.Act == IncidentAct.Moved).OrderBy(h => h.At).Select(h => (h.By, h.To)));
        Assert.Equal(4, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action.StartsWith("incident."))));
    }

    [Fact]
    public async Task A_report_belongs_to_one_incident_and_a_stale_version_is_refused()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var ids = await SeedAsync(db, Report("osce-team-3", "c"), Report("camera-7", "d"));
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();

        var id = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, [ids[0]], "One report.")));
        var again = await db.With(s => writes(s).CreateAsync(Analyst, ids, "Both."));
        var stale = await db.With(s => writes(s).MoveAsync(Analyst, id, VerificationState.UnderReview, "Late.", ExpectedVersion.Of(7)));

        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Equal(OutcomeKind.PreconditionFailed, stale.Kind);
    }

    [Fact]
    public async Task An_incident_takes_the_most_restrictive_marking_of_its_observations()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var ids = await SeedAsync(db, Report("osce-team-3", "e"), Report("uk-sensor", "f", new MarkingInput { Level = "rel-to", RelTo = ["GBR", "FRA"] }));

        var id = Expect.Done(await db.With(s => s.GetRequiredService<IncidentWrites>().CreateAsync(new Principal("gbr-analyst", Role.Analyst, "GBR"), ids, "One event.")));
        var marking = await db.With(s => s.GetRequiredService<TruceDb>().Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => i.Marking).SingleAsync());

        Assert.Equal("REL TO FRA, GBR", marking.ToString());
    }

    [Fact]
    public async Task One_analyst_at_a_time_works_on_an_incident_and_a_monitor_may_not()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var ids = await SeedAsync(db, Report("osce-team-3", "g"));
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();
        var id = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, ids, "One report.")));

        Expect.Done(await db.With(s => writes(s).ClaimAsync(Analyst, id, claim: true)));
        var other = await db.With(s => writes(s).ClaimAsync(new Principal("bob", Role.Analyst, null), id, claim: true));
        var monitor = await db.With(s => writes(s).CreateAsync(new Principal("mo", Role.Monitor, null), ids, "Mine."));

        Assert.Equal(OutcomeKind.Conflict, other.Kind);
        Assert.Contains("ana is working on", other.Message, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Refused, monitor.Kind);
    }

    [Fact]
    public async Task Reports_of_one_strike_from_two_sources_are_proposed_together_and_not_once_in_an_incident()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var near = Report("telegram-x", "h");
        near.ObservedFrom = near.ObservedFrom!.Value.AddMinutes(4);
        near.Lat += 0.002;
        var elsewhere = Report("osce-team-3", "j");
        elsewhere.Lat += 0.3;
        var ids = await SeedAsync(db, Report("osce-team-3", "i"), near, elsewhere);
        var (from, to) = (new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 21, 0, 0, 0, TimeSpan.Zero));

        var proposals = Expect.Done(await db.With(s => s.GetRequiredService<IncidentReads>().ProposalsAsync(Analyst, from, to)));
        var proposal = Assert.Single(proposals);
        Expect.Done(await db.With(s => s.GetRequiredService<IncidentWrites>().CreateAsync(Analyst, proposal.ObservationIds, "Confirmed: one strike.")));
        var after = Expect.Done(await db.With(s => s.GetRequiredService<IncidentReads>().ProposalsAsync(Analyst, from, to)));
        var queue = await db.With(s => s.GetRequiredService<IncidentReads>().QueueAsync(Analyst, TimeProvider.System.GetUtcNow()));

        Assert.Equal(ids.Take(2).Order(), proposal.ObservationIds.Order());
        Assert.Empty(after);
        Assert.Equal(("reported", 2), (Assert.Single(queue.New).State, queue.New[0].Reports));
    }

    [Fact]
    public async Task Two_channels_repeating_one_post_are_one_source_and_cannot_corroborate()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var (first, second) = (Report("telegram-a", "k"), Report("telegram-b", "l"));
        (first.Origin, second.Origin) = ("t.me/original/1", "t.me/original/1");
        var ids = await SeedAsync(db, first, second, Report("camera-7", "m"));
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();
        var id = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, ids.Take(2).ToList(), "Two channels.")));
        Expect.Done(await db.With(s => writes(s).MoveAsync(Analyst, id, VerificationState.UnderReview, "Looking.", ExpectedVersion.Of(1))));

        var refused = await db.With(s => writes(s).MoveAsync(Analyst, id, VerificationState.Corroborated, "Two reports.", ExpectedVersion.Of(2)));
        Expect.Done(await db.With(s => writes(s).AddAsync(Analyst, id, [ids[2]], "The camera saw it too.", ExpectedVersion.Of(2))));
        var corroborated = Expect.Done(await db.With(s => writes(s).MoveAsync(Analyst, id, VerificationState.Corroborated, "A channel's post and a camera.", ExpectedVersion.Of(3))));

        Assert.Contains("this incident has 1", Expect.Invalid(refused)["sources"], StringComparison.Ordinal);
        Assert.Equal(VerificationState.Corroborated, corroborated.State);
        var view = await db.With(s => s.GetRequiredService<IncidentReads>().GetAsync(Analyst, id));
        Assert.Equal((3, 2), (view!.Observations.Count, view.IndependentSources));
    }

    [Fact]
    public async Task Incidents_merge_and_split_and_the_marking_follows_their_observations_until_released()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var ids = await SeedAsync(db, Report("osce-team-3", "n", new MarkingInput { Level = "public" }), Report("camera-7", "o", new MarkingInput { Level = "public" }), Report("uk-sensor", "p"));
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();
        var a = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, [ids[0], ids[1]], "Patrol and camera.")));
        var b = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, [ids[2]], "The sensor.")));

        var merged = Expect.Done(await db.With(s => writes(s).MergeAsync(Analyst, a, b, "The sensor heard the same strike.", ExpectedVersion.Of(1))));
        var gone = await db.With(s => s.GetRequiredService<IncidentReads>().GetAsync(Analyst, b));
        var released = Expect.Done(await db.With(s => writes(s).ReleaseAsync(Analyst, a, new MarkingInput { Level = "public" }, "Cleared for the public page.", ExpectedVersion.Of(2))));
        var split = Expect.Done(await db.With(s => writes(s).SplitAsync(Analyst, a, [ids[2]], "The sensor heard another strike.", ExpectedVersion.Of(3))));
        var attributed = Expect.Done(await db.With(s => writes(s).AttributeAsync(Analyst, a, "RUS", Confidence.Medium, "Direction of fire.", ExpectedVersion.Of(4))));
        var unreleased = Expect.Done(await db.With(s => writes(s).ReleaseAsync(Analyst, a, null, "Back to the observations' marking.", ExpectedVersion.Of(5))));
        var unknownActor = await db.With(s => writes(s).AttributeAsync(Analyst, a, "XXX", Confidence.Low, "Guess.", ExpectedVersion.Of(6)));

        Assert.Equal(("COALITION", 3), (merged.Marking.ToString(), merged.Reports.Count));
        Assert.Null(gone);
        Assert.Equal("PUBLIC", released.Marking.ToString());
        var rest = await db.With(s => s.GetRequiredService<IncidentReads>().GetAsync(Analyst, a));
        var off = await db.With(s => s.GetRequiredService<IncidentReads>().GetAsync(Analyst, split));
        Assert.Equal(2, rest!.Observations.Count);
        Assert.Equal(("COALITION", VerificationState.Reported), (off!.Incident.Marking.ToString(), off.Incident.State));
        Assert.Equal(("RUS", Confidence.Medium), (attributed.AttributedTo, attributed.AttributionConfidence));
        Assert.Equal("PUBLIC", unreleased.Marking.ToString());
        Assert.Equal(["attributedTo"], Expect.Invalid(unknownActor).Keys);
        Assert.Equal(
            [IncidentAct.Created, IncidentAct.Merged, IncidentAct.MarkingReleased, IncidentAct.SplitOff, IncidentAct.Attributed, IncidentAct.MarkingReleased],
            rest.Incident.History.Select(h => h.Act));
        var actions = await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("incident.")).OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync());
        Assert.Equal(["incident.created", "incident.created", "incident.merged", "incident.marking-released", "incident.created", "incident.split-off", "incident.attributed", "incident.marking-released"], actions);
    }

    [Fact]
    public async Task An_analyst_asks_for_help_and_the_incident_waits_in_that_section_until_the_next_move()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var ids = await SeedAsync(db, Report("osce-team-3", "q"));
        var writes = (IServiceProvider s) => s.GetRequiredService<IncidentWrites>();
        var id = Expect.Done(await db.With(s => writes(s).CreateAsync(Analyst, ids, "One report.", claim: true)));

        var empty = await db.With(s => writes(s).AskHelpAsync(Analyst, id, " ", ExpectedVersion.Of(1)));
        Expect.Done(await db.With(s => writes(s).AskHelpAsync(Analyst, id, "Who reads Russian-language Telegram?", ExpectedVersion.Of(1))));
        var asked = await db.With(s => s.GetRequiredService<IncidentReads>().QueueAsync(Analyst, TimeProvider.System.GetUtcNow()));
        var otherHands = await db.With(s => writes(s).MoveAsync(new Principal("bob", Role.Analyst, null), id, VerificationState.UnderReview, "Mine now.", ExpectedVersion.Of(2)));
        Expect.Done(await db.With(s => writes(s).MoveAsync(Analyst, id, VerificationState.UnderReview, "Translated.", ExpectedVersion.Of(2))));
        var after = await db.With(s => s.GetRequiredService<IncidentReads>().QueueAsync(Analyst, TimeProvider.System.GetUtcNow()));

        Assert.Equal(["need"], Expect.Invalid(empty).Keys);
        Assert.Equal(id, Assert.Single(asked.NeedsHelp).Id);
        Assert.Equal(OutcomeKind.Conflict, otherHands.Kind);
        Assert.Empty(after.NeedsHelp);
        Assert.Equal(id, Assert.Single(after.Mine).Id);
    }
}
