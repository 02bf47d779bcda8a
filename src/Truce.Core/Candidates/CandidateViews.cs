using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Core.Security;

namespace Truce.Core.Candidates;

/// <summary>
/// A candidate as the queue, the API and the CLI show it: what it proposes and why, the statement's words in their
/// context (<see cref="Before"/>, <see cref="Quote"/>, <see cref="After"/>: the quote is the body's exact substring),
/// and, once decided, who decided, when and what it made. <see cref="Version"/> is its ETag.
/// </summary>
public sealed record CandidateView(
    long Id,
    string Kind,
    string State,
    long DocumentId,
    string DocumentTitle,
    string? Outlet,
    DateOnly DocumentDate,
    int Start,
    int End,
    string Before,
    string Quote,
    string After,
    string? Speaker,
    string? Actor,
    string? Member,
    int? PledgeId,
    string? Category,
    long? Quantity,
    string? Unit,
    long? Amount,
    string? Currency,
    IReadOnlyList<string> Conditions,
    string? Issue,
    string? Party,
    string Reason,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Note,
    int? MadePledgeId,
    long? MadePositionId,
    int Version,
    MarkingView Marking);

/// <summary>The filter of the queue: a state (<c>proposed</c> by default; <c>all</c> for every one), a kind, a document.</summary>
public sealed record CandidateQuery(CandidateState? State = CandidateState.Proposed, CandidateKind? Kind = null, long? Document = null, int Limit = 200);

/// <summary>
/// What an analyst gives on accepting a candidate: for a position, the position's fields (preferred, acceptable
/// set or range, red line, stance; the party, the issue and the source come from the candidate, the date and marking
/// default to the document's); for a new pledge, the pledge's fields (the source comes from the candidate, the
/// marking defaults to the document's); for a source, nothing more. A note goes into the history.
/// </summary>
public sealed class CandidateAcceptance
{
    public PositionInput? Position { get; set; }

    public PledgeInput? Pledge { get; set; }

    public string? Note { get; set; }
}

/// <summary>Why an analyst dismisses a candidate (required, for the record).</summary>
public sealed class CandidateDismissal
{
    public string? Reason { get; set; }
}

/// <summary>A statement as the statements list shows it: where it is, who said it, how, and the issues it touches.</summary>
public sealed record StatementLine(
    long DocumentId,
    string DocumentTitle,
    string? Outlet,
    DateOnly Date,
    string Type,
    int Start,
    int End,
    string Quote,
    string? Speaker,
    string? Actor,
    string? OnBehalfOf,
    string Cue,
    IReadOnlyList<string> Issues);

/// <summary>The statements list's filter: an actor (the speaker's actor or whom it speaks for), an issue, a date range (inclusive).</summary>
public sealed record StatementQuery(string? Actor = null, string? Issue = null, DateOnly? From = null, DateOnly? To = null, int Limit = 500);
