using Truce.Core.Security;

namespace Truce.Core.Candidates;

/// <summary>What a candidate proposes to make of a statement.</summary>
public enum CandidateKind
{
    /// <summary>The statement as a source of a pledge already in the ledger (<see cref="Candidate.PledgeId"/>).</summary>
    PledgeSource,

    /// <summary>The statement announces a pledge the ledger does not hold yet.</summary>
    NewPledge,

    /// <summary>The statement is a party's position on a negotiation issue.</summary>
    Position,
}

/// <summary>Where a candidate stands: proposed until an analyst accepts or dismisses it; a decision is final.</summary>
public enum CandidateState
{
    Proposed,
    Accepted,
    Dismissed,
}

/// <summary>
/// Something a statement of a document may be evidence of, found when the document was taken in
/// (<see cref="CandidateFinder"/>) and put to an analyst: a source for a pledge, a new pledge, or a party's
/// position on an issue. It points at the statement by its span in the document's body, says why it was proposed,
/// and, once decided, who decided, when, and what accepting it made. It carries its document's marking, so it is
/// read exactly where the document is.
/// </summary>
/// <remarks>
/// Invariants: <see cref="CandidateKind.PledgeSource"/> names <see cref="PledgeId"/> and <see cref="MemberCode"/>;
/// <see cref="CandidateKind.NewPledge"/> names <see cref="MemberCode"/>; <see cref="CandidateKind.Position"/> names <see cref="IssueCode"/> and
/// <see cref="PartyCode"/>. A decided candidate is never decided again; <see cref="Version"/> rises with the decision,
/// so of two analysts deciding at once one is told it changed.
/// </remarks>
public sealed class Candidate : IMarked
{
    public long Id { get; set; }

    public CandidateKind Kind { get; set; }

    public long DocumentId { get; set; }

    /// <summary>The statement's span in the document's body (<c>body[Start..End]</c> is its quote).</summary>
    public int Start { get; set; }

    public int End { get; set; }

    /// <summary>Who spoke, as the statement resolved it (for lists; the document keeps the statement).</summary>
    public string? SpeakerName { get; set; }

    public string? ActorCode { get; set; }

    /// <summary>A pledge candidate: the coalition member it is a pledge of.</summary>
    public string? MemberCode { get; set; }

    /// <summary>A source candidate: the pledge the statement would become a source of.</summary>
    public int? PledgeId { get; set; }

    /// <summary>A new pledge: the category the statement's words point to (kebab: <c>troops</c>, <c>air</c>…).</summary>
    public string? Category { get; set; }

    public long? Quantity { get; set; }

    public string? Unit { get; set; }

    /// <summary>A new pledge's value in money as the statement gives it (whole units of <see cref="Currency"/>).</summary>
    public long? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>The conditions the statement attaches (kebab <c>ConditionKind</c> words: <c>us-backstop</c>…).</summary>
    public List<string> Conditions { get; set; } = [];

    /// <summary>A position candidate: the issue and the party.</summary>
    public string? IssueCode { get; set; }

    public string? PartyCode { get; set; }

    /// <summary>Why it was proposed, in words, naming the words of the statement that led to it.</summary>
    public required string Reason { get; set; }

    public CandidateState State { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>A dismissal's reason, or what the analyst said on accepting.</summary>
    public string? Note { get; set; }

    /// <summary>What accepting it made or changed: the pledge (new, or the one it became a source of) …</summary>
    public int? MadePledgeId { get; set; }

    /// <summary>… or the position.</summary>
    public long? MadePositionId { get; set; }

    public int Version { get; set; } = 1;

    public Marking Marking { get; set; } = Marking.Coalition();

    public DateTimeOffset FoundAt { get; set; }
}
