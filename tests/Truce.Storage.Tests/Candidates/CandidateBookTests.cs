using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Candidates;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Core.Security;
using Truce.Core.Sources;
using Truce.Storage.Candidates;
using Truce.Storage.Commitments;
using Truce.Storage.Sources;
using Truce.Testing;

namespace Truce.Storage.Tests.Candidates;

/// <summary>Candidates on each store: found as a document is taken in, accepted into a cited source, a position or a new pledge, dismissed, refused to viewers, and read only within the document's marking.</summary>
public sealed class CandidateBookTests
{
    private static readonly Principal Analyst = new("ana", Role.Analyst, null);

    private const string Article = "TITLE: Coalition talks\nOUTLET: Example Wire\nDATE: 2025-12-05\n\n"
        + "British Prime Minister Keir Starmer spoke after the call.\n\n"
        + "“We are ready to put troops on the ground after a ceasefire, provided there is a US backstop,” Starmer said.\n\n"
        + "Russian President Vladimir Putin answered the same day.\n\n"
        + "“Any foreign troops in Ukraine would be a legitimate target for us,” Putin said.\n\n"
        + "Italian Prime Minister Giorgia Meloni spoke later.\n\n"
        + "“Italy will offer twelve fighter jets to police the skies,” Meloni said.\n\n"
        + "The leaders then had lunch.";

    private static CandidateBook Book(IServiceProvider s) => s.GetRequiredService<CandidateBook>();

    private static async Task<long> TakeInAsync(TestDatabase db, Principal writer, string text = Article, MarkingInput? marking = null) =>
        Expect.Done(await db.With(s => s.GetRequiredService<DocumentBook>().AddAsync(writer, new DocumentInput { Text = text, Marking = marking }))).Id;

    private static async Task<IReadOnlyList<CandidateView>> QueueAsync(TestDatabase db, Principal reader, long document) =>
        await db.With(s => Book(s).ListAsync(reader, new CandidateQuery(State: null, Document: document)));

    [Fact]
    public async Task A_document_taken_in_proposes_a_source_a_new_pledge_and_positions_each_with_its_reason()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);

        var queue = await QueueAsync(db, Analyst, id);

        var source = Assert.Single(queue, c => c.Kind == "pledge-source");
        Assert.Equal(("GBR", "troops"), (source.Member, source.Category));
        Assert.StartsWith("We are ready to put troops on the ground", source.Quote, StringComparison.Ordinal);
        Assert.Contains("category troops", source.Reason, StringComparison.Ordinal);
        var pledge = Assert.Single(queue, c => c.Kind == "new-pledge");
        Assert.Equal(("ITA", "air", 12L), (pledge.Member, pledge.Category, pledge.Quantity));
        Assert.Contains(queue, c => c is { Kind: "position", Issue: "foreign-troops", Party: "RUS" });
        Assert.Contains(queue, c => c is { Kind: "position", Issue: "security-guarantees", Party: "coalition" });
        Expect.All(queue, c => Assert.Equal(("proposed", "COALITION"), (c.State, c.Marking.Label)));
        Assert.Equal(1, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action == "candidates.found")));
    }

    [Fact]
    public async Task Accepting_a_source_adds_a_citation_of_the_documents_statement_to_the_pledge_and_is_audited()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);
        var source = Assert.Single(await QueueAsync(db, Analyst, id), c => c.Kind == "pledge-source");
        var before = Expect.Done(await db.With(s => s.GetRequiredService<PledgeReads>().GetAsync(Analyst, source.PledgeId!.Value)));

        var accepted = Expect.Done(await db.With(s => Book(s).AcceptAsync(Analyst, source.Id, ExpectedVersion.Of(source.Version), new CandidateAcceptance { Note = "Starmer's own words" })));
        var after = Expect.Done(await db.With(s => s.GetRequiredService<PledgeReads>().GetAsync(Analyst, source.PledgeId!.Value)));
        var document = await db.With(s => s.GetRequiredService<DocumentBook>().GetAsync(Analyst, id));

        Assert.Equal(("accepted", "ana", source.PledgeId), (accepted.State, accepted.DecidedBy, accepted.MadePledgeId));
        Assert.Equal(before.Version + 1, after.Version);
        var cited = after.Sources[^1];
        Assert.Equal((id, source.Start, source.End), (cited.DocumentId!.Value, cited.Start!.Value, cited.End!.Value));
        Assert.Equal(document!.Body[source.Start..source.End], cited.Quote);
        Assert.Equal(("Example Wire", new DateOnly(2025, 12, 5)), (cited.Publisher, cited.Date!.Value));
        Assert.Equal(Citation.NamedInformation(document.BodyHash), cited.Url);
        var actions = await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.Where(e => e.Action == "candidate.accepted" || e.Action == "pledge.changed").OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync());
        Assert.Equal(["pledge.changed", "candidate.accepted"], actions);
    }

    [Fact]
    public async Task Accepting_a_position_records_it_with_the_analysts_fields_citing_the_statement()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);
        var candidate = Assert.Single(await QueueAsync(db, Analyst, id), c => c is { Kind: "position", Issue: "foreign-troops", Party: "RUS" });
        var fields = new PositionInput { Stance = "Foreign troops would be targets.", Preferred = "none", Acceptable = ["none"], RedLine = ["reassurance-force", "nato-troops"] };

        var missing = await db.With(s => Book(s).AcceptAsync(Analyst, candidate.Id, ExpectedVersion.Of(candidate.Version), new CandidateAcceptance { Position = new PositionInput { Preferred = "none" } }));
        var accepted = Expect.Done(await db.With(s => Book(s).AcceptAsync(Analyst, candidate.Id, ExpectedVersion.Of(candidate.Version), new CandidateAcceptance { Position = fields })));
        var positions = await db.With(s => s.GetRequiredService<Storage.Positions.PositionBook>().ReadAsync(Analyst));
        var document = await db.With(s => s.GetRequiredService<DocumentBook>().GetAsync(Analyst, id));

        Assert.Contains("position.stance", Expect.Invalid(missing).Keys);
        var position = Assert.Single(positions.Positions, p => p.Id == accepted.MadePositionId);
        Assert.Equal(("RUS", "foreign-troops", new DateOnly(2025, 12, 5), "ana"), (position.PartyCode, position.IssueCode, position.AsOf, position.RecordedBy));
        var cited = Assert.Single(position.Sources);
        Assert.Equal((id, candidate.Start, candidate.End), (cited.DocumentId!.Value, cited.Start!.Value, cited.End!.Value));
        Assert.Equal(document!.Body[candidate.Start..candidate.End], cited.Quote);
    }

    [Fact]
    public async Task Accepting_a_new_pledge_enters_it_with_the_analysts_title_citing_the_statement()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);
        var candidate = Assert.Single(await QueueAsync(db, Analyst, id), c => c.Kind == "new-pledge");

        var accepted = Expect.Done(await db.With(s => Book(s).AcceptAsync(Analyst, candidate.Id, ExpectedVersion.Of(candidate.Version), new CandidateAcceptance { Pledge = new Core.Commitments.PledgeInput { Title = "Italian fighter jets for air policing", Confidence = "medium" } })));
        var pledge = Expect.Done(await db.With(s => s.GetRequiredService<PledgeReads>().GetAsync(Analyst, accepted.MadePledgeId!.Value)));

        Assert.Equal(("ITA", "air", 12L, "aircraft", "announced"), (pledge.Member, pledge.Category, pledge.Quantity, pledge.Unit, pledge.Stage));
        var cited = Assert.Single(pledge.Sources);
        Assert.Equal((id, candidate.Start, candidate.End), (cited.DocumentId!.Value, cited.Start!.Value, cited.End!.Value));
        Assert.Equal("ana", pledge.UpdatedBy);
    }

    [Fact]
    public async Task A_dismissal_needs_a_reason_is_final_and_a_stale_version_is_refused()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);
        var queue = await QueueAsync(db, Analyst, id);
        var first = queue[0];

        var noReason = await db.With(s => Book(s).DismissAsync(Analyst, first.Id, ExpectedVersion.Of(first.Version), new CandidateDismissal()));
        var stale = await db.With(s => Book(s).DismissAsync(Analyst, first.Id, ExpectedVersion.Of(first.Version + 1), new CandidateDismissal { Reason = "Not a pledge" }));
        var dismissed = Expect.Done(await db.With(s => Book(s).DismissAsync(Analyst, first.Id, ExpectedVersion.Of(first.Version), new CandidateDismissal { Reason = "Not a pledge" })));
        var again = await db.With(s => Book(s).AcceptAsync(Analyst, first.Id, ExpectedVersion.Of(dismissed.Version), new CandidateAcceptance()));
        var proposed = await db.With(s => Book(s).ListAsync(Analyst, new CandidateQuery(Document: id)));

        Assert.Equal(["reason"], Expect.Invalid(noReason).Keys);
        Assert.Equal(OutcomeKind.PreconditionFailed, stale.Kind);
        Assert.Equal(("dismissed", "Not a pledge", first.Version + 1), (dismissed.State, dismissed.Note, dismissed.Version));
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.DoesNotContain(proposed, c => c.Id == first.Id);
        Assert.Equal(1, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action == "candidate.dismissed")));
    }

    [Fact]
    public async Task A_viewer_may_neither_accept_nor_dismiss()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);
        var first = (await QueueAsync(db, Analyst, id))[0];
        var viewer = new Principal("vi", Role.Viewer, null);

        var accept = await db.With(s => Book(s).AcceptAsync(viewer, first.Id, ExpectedVersion.Of(first.Version), new CandidateAcceptance()));
        var dismiss = await db.With(s => Book(s).DismissAsync(viewer, first.Id, ExpectedVersion.Of(first.Version), new CandidateDismissal { Reason = "No" }));
        var planner = await db.With(s => Book(s).DismissAsync(new Principal("pl", Role.Planner, null), first.Id, ExpectedVersion.Of(first.Version), new CandidateDismissal { Reason = "No" }));

        Assert.Equal((OutcomeKind.Refused, OutcomeKind.Refused, OutcomeKind.Refused), (accept.Kind, dismiss.Kind, planner.Kind));
        Assert.Contains("analysts and admins", accept.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restricted_documents_candidates_are_read_only_within_its_marking()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var gbr = new Principal("gbr-analyst", Role.Analyst, "GBR");
        var fra = new Principal("fra-analyst", Role.Analyst, "FRA");
        var id = await TakeInAsync(db, gbr, marking: new MarkingInput { Level = "rel-to", RelTo = ["GBR"] });

        var inside = await QueueAsync(db, gbr, id);
        var outside = await db.With(s => Book(s).ListAsync(fra, new CandidateQuery(State: null)));
        var outsideOne = await db.With(s => Book(s).GetAsync(fra, inside[0].Id));
        var outsideDismiss = await db.With(s => Book(s).DismissAsync(fra, inside[0].Id, ExpectedVersion.Any, new CandidateDismissal { Reason = "No" }));

        Assert.NotEmpty(inside);
        Expect.All(inside, c => Assert.Equal("REL TO GBR", c.Marking.Label));
        Assert.Empty(outside);
        Assert.Equal((OutcomeKind.NotFound, OutcomeKind.NotFound), (outsideOne.Kind, outsideDismiss.Kind));
    }

    [Fact]
    public async Task A_restricted_statement_is_not_added_as_a_source_of_a_pledge_read_more_widely()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var gbr = new Principal("gbr-analyst", Role.Analyst, "GBR");
        var id = await TakeInAsync(db, gbr, marking: new MarkingInput { Level = "rel-to", RelTo = ["GBR"] });
        var source = Assert.Single(await QueueAsync(db, gbr, id), c => c.Kind == "pledge-source");

        var accepted = await db.With(s => Book(s).AcceptAsync(gbr, source.Id, ExpectedVersion.Of(source.Version), new CandidateAcceptance()));

        Assert.Equal(OutcomeKind.Conflict, accepted.Kind);
        Assert.Contains("not released to", accepted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statements_list_filters_by_actor_issue_and_date()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var id = await TakeInAsync(db, Analyst);
        var list = (StatementQuery q) => db.With(s => s.GetRequiredService<StatementList>().ListAsync(Analyst, q));

        var all = await list(new StatementQuery());
        var russia = await list(new StatementQuery(Actor: "RUS"));
        var troops = await list(new StatementQuery(Issue: "foreign-troops"));
        var before = await list(new StatementQuery(To: new DateOnly(2025, 12, 4)));

        Assert.True(all.Count >= 3);
        var putin = Assert.Single(russia);
        Assert.Equal(("vladimir-putin", id), (putin.Actor, putin.DocumentId));
        Assert.Contains("foreign-troops", putin.Issues);
        Expect.All(troops, s => Assert.Contains("foreign-troops", s.Issues));
        Assert.Contains(troops, s => s.Actor == "vladimir-putin");
        Assert.Empty(before);
    }
}
