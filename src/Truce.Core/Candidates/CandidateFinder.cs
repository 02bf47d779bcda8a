using Truce.Core.Sources;

namespace Truce.Core.Candidates;

/// <summary>A pledge of the ledger as the finder weighs it against a statement.</summary>
/// <param name="Category">Kebab, as <c>PledgeView.Category</c>.</param>
/// <param name="Conditions">Kebab condition kinds.</param>
public sealed record PledgeOnFile(int Id, string MemberCode, string Title, string Category, string? Capability, IReadOnlyList<string> Conditions);

/// <summary>
/// Finds, among a document's statements, what an analyst may want to record: a statement by a coalition member
/// (its speaker's actor, or the state it speaks for) that announces or conditions a pledge becomes a source for
/// that member's pledge it matches best, or a new pledge when none matches; a statement on a negotiation issue
/// whose speaker maps to one of the issue's parties becomes a position. Every candidate says why in words.
/// </summary>
/// <remarks>
/// The rules are general — the members, their pledges and the issues come from the store, the words from
/// <see cref="PledgeWords"/> and <see cref="StatementIssues"/> — so they hold for any article. They propose; an
/// analyst decides. A statement with no actor proposes nothing: nobody could be said to have pledged or held it.
/// </remarks>
public sealed class CandidateFinder(IReadOnlySet<string> members, IReadOnlyList<PledgeOnFile> pledges, StatementIssues issues)
{
    public List<Candidate> Find(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<Candidate>();
        foreach (var statement in document.Statements.OrderBy(s => s.Start))
        {
            var quote = document.Body[statement.Start..statement.End];
            found.AddRange(PledgesIn(document, statement, quote));
            found.AddRange(PositionsIn(document, statement, quote));
        }

        return found;
    }

    private IEnumerable<Candidate> PledgesIn(SourceDocument document, DocumentStatement statement, string quote)
    {
        if (StatementIssues.MemberOf(statement.ActorCode, statement.OnBehalfOf, members) is not { } member)
        {
            yield break;
        }

        var signals = PledgeWords.Signals(quote);
        var conditions = PledgeWords.Conditions(quote);
        if (signals.Count == 0 && conditions.Count == 0)
        {
            yield break;
        }

        var speaker = Speaker(statement, member);
        var conditionWords = conditions.Select(c => c.Kind).ToList();
        var said = conditions.Count == 0 ? string.Empty : $"; conditions: {string.Join(", ", conditions.Select(c => $"{c.Kind} (‘{c.Words}’)"))}";

        // One candidate a category the statement names; a statement that only conditions names none.
        var asked = signals.Count > 0 ? signals : [new PledgeSignal(null, null, null, null, null, conditions[0].Words)];
        var proposed = new HashSet<int>();
        foreach (var signal in asked)
        {
            var match = BestPledge(member, signal, conditionWords, quote);
            var candidate = New(document, statement, match is null ? CandidateKind.NewPledge : CandidateKind.PledgeSource);
            candidate.MemberCode = member;
            candidate.Conditions = conditionWords;
            var announces = signal.Category is null
                ? $"{speaker} conditions a pledge{said}"
                : $"{speaker} announces {signal.Category} (‘{signal.Words}’){said}";
            if (match is { } m)
            {
                if (!proposed.Add(m.Pledge.Id))
                {
                    continue;
                }

                candidate.PledgeId = m.Pledge.Id;
                candidate.Category = m.Pledge.Category;
                candidate.Reason = $"{announces}. Matches {member}'s pledge {m.Pledge.Id} ‘{m.Pledge.Title}’: {m.Why}.";
            }
            else
            {
                candidate.Category = signal.Category;
                candidate.Quantity = signal.Quantity;
                candidate.Unit = signal.Unit;
                candidate.Amount = signal.Amount;
                candidate.Currency = signal.Currency;
                candidate.Reason = $"{announces}. No pledge of {member} in the ledger matches{(signal.Category is null ? string.Empty : $" {signal.Category}")}: proposed as a new pledge.";
            }

            yield return candidate;
        }
    }

    private IEnumerable<Candidate> PositionsIn(SourceDocument document, DocumentStatement statement, string quote)
    {
        var member = StatementIssues.MemberOf(statement.ActorCode, statement.OnBehalfOf, members);
        foreach (var touch in issues.Touched(quote))
        {
            var issue = issues.Issues.First(i => i.Code == touch.IssueCode);
            if (StatementIssues.PartyFor(issue, statement.ActorCode, statement.OnBehalfOf, members) is not { } party)
            {
                continue;
            }

            var candidate = New(document, statement, CandidateKind.Position);
            candidate.IssueCode = issue.Code;
            candidate.PartyCode = party.Party;
            candidate.Reason = $"On {issue.Title} (‘{touch.Words}’): {Speaker(statement, member)}; {party.Why}.";
            yield return candidate;
        }
    }

    /// <summary>The member's pledge a signal matches best: the same category first, then shared conditions, then shared words of its title and capability.</summary>
    private (PledgeOnFile Pledge, string Why)? BestPledge(string member, PledgeSignal signal, List<string> conditions, string quote)
    {
        (PledgeOnFile Pledge, int Score, string Why)? best = null;
        foreach (var pledge in pledges.Where(p => p.MemberCode == member).OrderBy(p => p.Id))
        {
            var sameCategory = signal.Category is not null && pledge.Category == signal.Category;
            if (signal.Category is not null && !sameCategory)
            {
                continue;
            }

            var shared = pledge.Conditions.Intersect(conditions, StringComparer.Ordinal).ToList();
            var words = ContentWords(pledge.Title + " " + pledge.Capability).Where(w => quote.Contains(w, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
            var score = (sameCategory ? 10 : 0) + (2 * shared.Count) + words.Count;
            if (score == 0 || (best is { } b && b.Score >= score))
            {
                continue;
            }

            var why = new List<string>();
            if (sameCategory)
            {
                why.Add($"category {pledge.Category}");
            }

            if (shared.Count > 0)
            {
                why.Add($"conditions {string.Join(", ", shared)}");
            }

            if (words.Count > 0)
            {
                why.Add($"words {string.Join(", ", words.Select(w => $"‘{w}’"))}");
            }

            best = (pledge, score, string.Join("; ", why));
        }

        return best is { } found ? (found.Pledge, found.Why) : null;
    }

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "before", "their", "there", "these", "those", "which", "would", "could", "should", "force", "forces", "pledge",
    };

    private static IEnumerable<string> ContentWords(string text) =>
        text.Split([' ', ',', '/', '(', ')', '-', '.', ';', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 5 && !Stop.Contains(w))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Speaker(DocumentStatement statement, string? member)
    {
        var who = statement.SpeakerName ?? statement.ActorCode ?? "the speaker";
        return member is null || member == statement.ActorCode ? who : $"{who} (for {member}, a coalition member)";
    }

    private static Candidate New(SourceDocument document, DocumentStatement statement, CandidateKind kind) => new()
    {
        Kind = kind,
        DocumentId = document.Id,
        Start = statement.Start,
        End = statement.End,
        SpeakerName = statement.SpeakerName,
        ActorCode = statement.ActorCode,
        Reason = string.Empty,
        Marking = document.Marking.Copy(),
    };
}
