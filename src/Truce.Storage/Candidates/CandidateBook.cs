using Microsoft.EntityFrameworkCore;
using Truce.Core.Candidates;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Core.Security;
using Truce.Core.Sources;
using Truce.Storage.Commitments;
using Truce.Storage.Security;

namespace Truce.Storage.Candidates;

/// <summary>
/// The analysts' queue: candidates found in each document as it is taken in (<see cref="IDocumentWatcher"/>), read
/// as markings allow, and decided once — accepted through the existing writes (a position through
/// <see cref="Positions.PositionBook"/>, a pledge through <see cref="PledgeWrites"/> at the version read) with a
/// citation of the document and the statement's span, or dismissed with a reason. Every decision is checked against
/// the version the analyst read and audited; what accepting made and the decision commit together or not at all.
/// </summary>
public sealed class CandidateBook(TruceDb db, TimeProvider clock, AuditTrail audit, PledgeWrites pledgeWrites, PledgeReads pledgeReads, Positions.PositionBook positions)
    : IDocumentWatcher
{
    private const int Context = 240;

    /// <summary>Finds the candidates of a document just taken in, against the members, pledges and issues the writer may see; saved in the act's transaction.</summary>
    public async Task TakenInAsync(Principal writer, SourceDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var reading = db.ReadAs(writer);
        var members = (await db.Members.AsNoTracking().Select(m => m.ActorCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var ledger = await db.Pledges.AsNoTracking().Where(p => members.Contains(p.MemberCode) && p.Stage != PledgeStage.Withdrawn).ToListAsync(ct);
        var issues = await db.NegotiationIssues.AsNoTracking().ToListAsync(ct);
        var onFile = ledger.Select(p => new PledgeOnFile(p.Id, p.MemberCode, p.Title, Kebab.Of(p.Category), p.Capability, [.. p.Conditions.Select(c => Kebab.Of(c.Kind))])).ToList();
        var found = new CandidateFinder(members, onFile, new StatementIssues(issues)).Find(document);
        if (found.Count == 0)
        {
            return;
        }

        // A source candidate tells of its pledge: it is read only by those who may read both.
        var markings = ledger.ToDictionary(p => p.Id, p => p.Marking);
        var now = clock.GetUtcNow();
        foreach (var candidate in found)
        {
            candidate.FoundAt = now;
            if (candidate.PledgeId is { } pledge)
            {
                candidate.Marking = MostRestrictive.Of([document.Marking, markings[pledge]]);
            }
        }

        db.Candidates.AddRange(found);
        audit.Append(writer, "candidates.found", $"document/{document.Id}", detail:
            $"{found.Count} candidates: {found.Count(c => c.Kind == CandidateKind.PledgeSource)} sources, {found.Count(c => c.Kind == CandidateKind.NewPledge)} new pledges, {found.Count(c => c.Kind == CandidateKind.Position)} positions");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The queue as the reader may see it, oldest first (the order they were found in).</summary>
    public async Task<IReadOnlyList<CandidateView>> ListAsync(Principal reader, CandidateQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var reading = db.ReadAs(reader);
        var candidates = db.Candidates.AsNoTracking();
        if (query.State is { } state)
        {
            candidates = candidates.Where(c => c.State == state);
        }

        if (query.Kind is { } kind)
        {
            candidates = candidates.Where(c => c.Kind == kind);
        }

        if (query.Document is { } document)
        {
            candidates = candidates.Where(c => c.DocumentId == document);
        }

        var list = await candidates.OrderBy(c => c.Id).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(ct);
        return await ViewsAsync(list, ct);
    }

    /// <summary>How many candidates the reader may see wait for a decision.</summary>
    public async Task<int> CountProposedAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return await db.Candidates.CountAsync(c => c.State == CandidateState.Proposed, ct);
    }

    public async Task<Outcome<CandidateView>> GetAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return candidate is null ? Outcome.NotFound($"No candidate {id} that you may see.") : Outcome.Done((await ViewsAsync([candidate], ct))[0]);
    }

    /// <summary>
    /// Accepts a candidate at the version read: a position or a new pledge from the analyst's fields, or the statement
    /// added as a source of its pledge — each citing the document (its URL, or its text's hash as an <c>ni:</c>
    /// address), outlet, date, the statement's exact words and span. Refused when already decided, when stale, and
    /// when what it would write is invalid (each field named under <c>position.</c> or <c>pledge.</c>).
    /// </summary>
    public async Task<Outcome<CandidateView>> AcceptAsync(Principal writer, long id, ExpectedVersion expected, CandidateAcceptance acceptance, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        if (AllowedRoles.DecideCandidates.Check(writer, "accept candidates") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var note = CandidateRules.ReadNote(acceptance.Note, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        var open = await OpenAsync(id, expected, ct);
        if (!open.IsDone)
        {
            return open.AsRefusal();
        }

        var (candidate, document) = open.Value;
        var citation = new CitationInput
        {
            Url = document.Url ?? Citation.NamedInformation(document.BodyHash),
            Publisher = document.Outlet,
            Date = document.Date,
            Quote = CandidateRules.QuoteOf(document.Body, candidate.Start, candidate.End),
            DocumentId = document.Id,
            Start = candidate.Start,
            End = candidate.End,
        };

        // What accepting makes and the decision are one act: both commit, or neither does.
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (transaction)
        {
            var made = candidate.Kind switch
            {
                CandidateKind.Position => await AcceptPositionAsync(writer, candidate, document, citation, acceptance.Position, ct),
                CandidateKind.NewPledge => await AcceptNewPledgeAsync(writer, candidate, document, citation, acceptance.Pledge, note, ct),
                _ => await AcceptSourceAsync(writer, candidate, document, citation, note, ct),
            };
            if (!made.IsDone)
            {
                db.ChangeTracker.Clear();
                return made.AsRefusal();
            }

            // The writes above cleared the context: the candidate is read again, and its version still guards it.
            var decided = await db.Candidates.FirstAsync(c => c.Id == id, ct);
            if (decided.State != CandidateState.Proposed || !expected.Matches(decided.Version))
            {
                db.ChangeTracker.Clear();
                return Outcome.PreconditionFailed(expected.StaleMessage("candidate", decided.Version));
            }

            Decide(decided, CandidateState.Accepted, writer, note);
            decided.MadePledgeId = made.Value.Pledge;
            decided.MadePositionId = made.Value.Position;
            var what = made.Value.Pledge is { } p ? $"pledge/{p}" : $"position/{made.Value.Position}";
            audit.Append(writer, "candidate.accepted", $"candidate/{id}", detail:
                $"{Kebab.Of(decided.Kind)} from document {document.Id} [{decided.Start}–{decided.End}] → {what}{(note is null ? string.Empty : $": {note}")} ({decided.Marking})");
            var saved = await SaveDecisionAsync(id, expected, ct);
            if (!saved.IsDone)
            {
                return saved.AsRefusal();
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        return await GetAsync(writer, id, ct);
    }

    /// <summary>Dismisses a candidate at the version read, with a reason; audited.</summary>
    public async Task<Outcome<CandidateView>> DismissAsync(Principal writer, long id, ExpectedVersion expected, CandidateDismissal dismissal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dismissal);
        if (AllowedRoles.DecideCandidates.Check(writer, "dismiss candidates") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var reason = CandidateRules.ReadReason(dismissal.Reason, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        var open = await OpenAsync(id, expected, ct);
        if (!open.IsDone)
        {
            return open.AsRefusal();
        }

        var candidate = await db.Candidates.FirstAsync(c => c.Id == id, ct);
        Decide(candidate, CandidateState.Dismissed, writer, reason);
        audit.Append(writer, "candidate.dismissed", $"candidate/{id}", detail: $"{Kebab.Of(candidate.Kind)} from document {candidate.DocumentId} [{candidate.Start}–{candidate.End}]: {reason} ({candidate.Marking})");
        var saved = await SaveDecisionAsync(id, expected, ct);
        return saved.IsDone ? await GetAsync(writer, id, ct) : saved.AsRefusal();
    }

    /// <summary>Stamps a decision on a tracked candidate: its state, who and when, the note or reason, a new version.</summary>
    private void Decide(Candidate candidate, CandidateState state, Principal writer, string? note)
    {
        candidate.State = state;
        candidate.DecidedBy = writer.Name;
        candidate.DecidedAt = clock.GetUtcNow();
        candidate.Note = note;
        candidate.Version++;
    }

    /// <summary>The candidate and its document when it may still be decided at <paramref name="expected"/>; else why not.</summary>
    private async Task<Outcome<(Candidate Candidate, SourceDocument Document)>> OpenAsync(long id, ExpectedVersion expected, CancellationToken ct)
    {
        var candidate = await db.Candidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Outcome.NotFound($"No candidate {id} that you may see.");
        }

        if (!expected.Matches(candidate.Version))
        {
            return Outcome.PreconditionFailed(expected.StaleMessage("candidate", candidate.Version));
        }

        if (candidate.State != CandidateState.Proposed)
        {
            return Outcome.Conflict($"Candidate {id} was already {Kebab.Of(candidate.State)} by {candidate.DecidedBy} at {candidate.DecidedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == candidate.DocumentId, ct);
        return document is null
            ? Outcome.NotFound($"Candidate {id}'s document {candidate.DocumentId} is not one you may see.")
            : Outcome.Done((candidate, document));
    }

    private async Task<Outcome<bool>> SaveDecisionAsync(long id, ExpectedVersion expected, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done(true);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.PreconditionFailed($"Candidate {id} was decided by someone else a moment ago (you had version {string.Join(" or ", expected.Versions ?? [])}). Read it again.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Outcome<(int? Pledge, long? Position)>> AcceptPositionAsync(Principal writer, Candidate candidate, SourceDocument document, CitationInput citation, PositionInput? given, CancellationToken ct)
    {
        if (given is null)
        {
            return Outcome.Invalid("position", "Required: the position's fields (stance; preferred, acceptable and red line, or a range).");
        }

        // The party, the issue and the statement come from the candidate; the date and marking from the document, so
        // what the document says is read no wider than the document.
        var input = new PositionInput
        {
            Party = candidate.PartyCode,
            Issue = candidate.IssueCode,
            AsOf = given.AsOf ?? document.Date,
            Stance = given.Stance,
            Preferred = given.Preferred,
            Acceptable = given.Acceptable,
            RedLine = given.RedLine,
            PreferredValue = given.PreferredValue,
            Range = given.Range,
            RefusesBelow = given.RefusesBelow,
            RefusesAbove = given.RefusesAbove,
            Sources = [citation, .. given.Sources ?? []],
            Illustrative = given.Illustrative,
            Marking = MarkingOf(document.Marking),
        };
        var recorded = await positions.AddAsync(writer, input, ct);
        return recorded.IsDone ? Outcome.Done<(int?, long?)>((null, recorded.Value)) : Renamed(recorded.AsRefusal(), "position");
    }

    private async Task<Outcome<(int? Pledge, long? Position)>> AcceptNewPledgeAsync(Principal writer, Candidate candidate, SourceDocument document, CitationInput citation, PledgeInput? given, string? note, CancellationToken ct)
    {
        var input = given ?? new PledgeInput();
        input.Member ??= candidate.MemberCode;
        input.Category ??= candidate.Category;
        input.Quantity ??= candidate.Quantity;
        input.Unit ??= candidate.Unit;
        input.Value ??= candidate.Amount is { } amount && candidate.Currency is { } currency
            ? new MoneyInput { Amount = amount, Currency = currency, Eur = currency == "EUR" ? amount : null, FxDate = currency == "EUR" ? null : document.Date }
            : null;
        input.Conditions ??= [.. candidate.Conditions.Select(c => new ConditionInput { Kind = c })];
        input.Stage ??= "announced";
        input.AnnouncedOn ??= document.Date;
        input.Sources = [citation, .. input.Sources ?? []];
        input.Marking = MarkingOf(document.Marking);
        input.Reason ??= $"From candidate {candidate.Id}: {candidate.SpeakerName ?? candidate.ActorCode} in ‘{document.Title}’ ({document.Outlet}, {document.Date:yyyy-MM-dd}){(note is null ? string.Empty : $" — {note}")}";
        var created = await pledgeWrites.CreateFromCandidateAsync(writer, input, ct);
        return created.IsDone ? Outcome.Done<(int?, long?)>((created.Value.Id, null)) : Renamed(created.AsRefusal(), "pledge");
    }

    private async Task<Outcome<(int? Pledge, long? Position)>> AcceptSourceAsync(Principal writer, Candidate candidate, SourceDocument document, CitationInput citation, string? note, CancellationToken ct)
    {
        var read = await pledgeReads.GetAsync(writer, candidate.PledgeId!.Value, ct);
        if (!read.IsDone)
        {
            return read.AsRefusal();
        }

        var pledge = read.Value;
        var pledgeMarking = await db.Pledges.AsNoTracking().Where(p => p.Id == pledge.Id).Select(p => p.Marking).FirstAsync(ct);
        if (!MostRestrictive.Of([pledgeMarking, document.Marking]).SameAs(pledgeMarking))
        {
            return Outcome.Conflict($"Document {document.Id} is {document.Marking}; pledge {pledge.Id} is {pledgeMarking}: citing it would show the statement to readers the document is not released to.");
        }

        if (pledge.Sources.Any(s => s.DocumentId == document.Id && s.Start == candidate.Start && s.End == candidate.End))
        {
            return Outcome.Done<(int?, long?)>((pledge.Id, null));
        }

        var input = pledge.ToInput();
        input.Sources = [.. input.Sources ?? [], citation];
        input.Reason = $"Source from candidate {candidate.Id}: {candidate.SpeakerName ?? candidate.ActorCode} in ‘{document.Title}’ ({document.Outlet}, {document.Date:yyyy-MM-dd}){(note is null ? string.Empty : $" — {note}")}";
        var changed = await pledgeWrites.UpdateFromCandidateAsync(writer, pledge.Id, ExpectedVersion.Of(pledge.Version), input, ct);
        return changed.IsDone ? Outcome.Done<(int?, long?)>((changed.Value.Id, null)) : Renamed(changed.AsRefusal(), "pledge");
    }

    /// <summary>A refusal of the write a candidate makes, its fields named as the acceptance's body names them (<c>position.stance</c>).</summary>
    private static Outcome.Refusal Renamed(Outcome.Refusal refusal, string prefix)
    {
        if (refusal.Errors is not { } errors)
        {
            return refusal;
        }

        var renamed = new ValidationErrors();
        renamed.AddAll(errors, field => $"{prefix}.{field}");
        return Outcome.Invalid(renamed);
    }

    private static MarkingInput MarkingOf(Marking marking) => new() { Level = Kebab.Of(marking.Level), RelTo = [.. marking.RelTo] };

    private async Task<IReadOnlyList<CandidateView>> ViewsAsync(List<Candidate> candidates, CancellationToken ct)
    {
        var ids = candidates.Select(c => c.DocumentId).Distinct().ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.Outlet, d.Date, d.Body })
            .ToDictionaryAsync(d => d.Id, ct);
        var views = new List<CandidateView>(candidates.Count);
        foreach (var c in candidates)
        {
            // A candidate is never more open than its document, so the document is there; the guard keeps a bug visible.
            if (!documents.TryGetValue(c.DocumentId, out var d))
            {
                continue;
            }

            var from = Math.Max(0, c.Start - Context);
            var to = Math.Min(d.Body.Length, c.End + Context);
            views.Add(new CandidateView(
                c.Id, Kebab.Of(c.Kind), Kebab.Of(c.State), c.DocumentId, d.Title, d.Outlet, d.Date, c.Start, c.End,
                (from > 0 ? "…" : string.Empty) + d.Body[from..c.Start], d.Body[c.Start..c.End], d.Body[c.End..to] + (to < d.Body.Length ? "…" : string.Empty),
                c.SpeakerName, c.ActorCode, c.MemberCode, c.PledgeId, c.Category, c.Quantity, c.Unit, c.Amount, c.Currency, c.Conditions,
                c.IssueCode, c.PartyCode, c.Reason, c.DecidedBy, c.DecidedAt, c.Note, c.MadePledgeId, c.MadePositionId, c.Version,
                MarkingView.From(c.Marking)));
        }

        return views;
    }
}
