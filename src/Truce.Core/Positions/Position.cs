using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Positions;

/// <summary>
/// What one party held on one issue from a date until its next position on that issue: what it prefers, what it
/// would accept, and its red line (what it refuses outright), with the statements it rests on.
/// </summary>
/// <remarks>
/// An options issue fills <see cref="Preferred"/>, <see cref="Acceptable"/> and <see cref="RedLine"/>; a range issue
/// fills <see cref="PreferredValue"/>, <see cref="Low"/>–<see cref="High"/> and <see cref="RefusesBelow"/> /
/// <see cref="RefusesAbove"/>. Invariants (kept by <see cref="PositionRules"/>): the preferred answer is acceptable;
/// nothing acceptable is behind the red line; the range is closed and inside the issue's domain. The acceptable set
/// is what the zone of agreement is made of; the red line is what a conflict is named by.
/// </remarks>
public sealed class Position : IMarked
{
    public long Id { get; set; }

    /// <summary>The actor whose position it is (<c>RUS</c>), or <c>coalition</c> for the coalition as a whole.</summary>
    public required string PartyCode { get; set; }

    public required string IssueCode { get; set; }

    /// <summary>The day the position was stated; it holds until the party's next position on the issue.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>The position as the sources put it, in our words or theirs (quoted in <see cref="Sources"/>).</summary>
    public required string Stance { get; set; }

    public string? Preferred { get; set; }

    /// <summary>The options the party would accept, in the issue's order; never empty for an options issue.</summary>
    public List<string> Acceptable { get; set; } = [];

    /// <summary>The options the party refuses outright, in the issue's order; disjoint from <see cref="Acceptable"/>.</summary>
    public List<string> RedLine { get; set; } = [];

    public long? PreferredValue { get; set; }

    /// <summary>The lowest value the party would accept (closed).</summary>
    public long? Low { get; set; }

    /// <summary>The highest value the party would accept (closed).</summary>
    public long? High { get; set; }

    /// <summary>A red line on a range: the party refuses anything below this (its <see cref="Low"/> is at least this).</summary>
    public long? RefusesBelow { get; set; }

    /// <summary>A red line on a range: the party refuses anything above this (its <see cref="High"/> is at most this).</summary>
    public long? RefusesAbove { get; set; }

    public bool HasRedLine => RedLine.Count > 0 || RefusesBelow is not null || RefusesAbove is not null;

    public List<Citation> Sources { get; set; } = [];

    /// <summary>The fields whose value no source gives, assumed for the demo (as in the other demo records): <c>high</c>, <c>acceptable</c>.</summary>
    public List<string> Illustrative { get; set; } = [];

    public Marking Marking { get; set; } = Marking.Coalition();

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = string.Empty;
}
