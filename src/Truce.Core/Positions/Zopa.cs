using Truce.Core.Security;

namespace Truce.Core.Positions;

/// <summary>Where the parties that must agree on an issue stand together at a date.</summary>
public enum ZopaState
{
    /// <summary>Every party has a position and some answer is acceptable to all of them.</summary>
    Agreement,

    /// <summary>No answer is acceptable to all of the parties with a position (whatever the others may say later).</summary>
    Conflict,

    /// <summary>The parties with a position overlap, but at least one party has none yet: not agreement.</summary>
    Unknown,
}

/// <summary>
/// The zone of possible agreement on one issue at one date among the parties that must agree: the options every one
/// of them accepts (options issue) or the range all their ranges share (range issue); or, when there is none, the
/// parties whose positions clash, named in a sentence. Marked with the most restrictive marking of the issue and the
/// positions it was made from, since it tells what they say.
/// </summary>
/// <param name="Options">The options acceptable to every party with a position, in the issue's order (options issue).</param>
/// <param name="Low">The shared range's low end (range issue; null when there is none).</param>
/// <param name="Clashing">The parties whose positions leave no overlap, in the order <see cref="Words"/> names them.</param>
/// <param name="Unknown">The parties that must agree but have no position at the date.</param>
/// <param name="Positions">The positions it was made from, in the issue's order of parties.</param>
public sealed record Zopa(
    NegotiationIssue Issue,
    DateOnly At,
    ZopaState State,
    IReadOnlyList<string> Options,
    long? Low,
    long? High,
    IReadOnlyList<string> Clashing,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<Position> Positions,
    string Words,
    Marking Marking) : IMarked
{
    /// <summary>
    /// The zone on <paramref name="issue"/> at <paramref name="at"/>, from all positions ever stated (each party's
    /// latest on or before the date counts). Pure: the same positions and date give the same answer and words.
    /// </summary>
    /// <param name="names">Parties' names for the sentence ("Russia", "the coalition"); a party missing from it is named by its code.</param>
    public static Zopa Of(NegotiationIssue issue, IEnumerable<Position> positions, DateOnly at, IReadOnlyDictionary<string, string>? names = null)
    {
        var latest = PositionHistory.At(positions.Where(p => p.IssueCode == issue.Code), at);
        var held = issue.Parties.Select(party => latest.FirstOrDefault(p => p.PartyCode == party)).OfType<Position>().ToList();
        var unknown = issue.Parties.Where(party => !held.Exists(p => p.PartyCode == party)).ToList();
        string Name(string party) => names is not null && names.TryGetValue(party, out var name) ? name : party;

        List<string> options = [];
        long? low = null, high = null;
        List<string> clashing = [];
        if (issue.Kind == IssueKind.Options)
        {
            options = issue.Options.Select(o => o.Code).Where(code => held.TrueForAll(p => p.Acceptable.Contains(code))).ToList();
            if (options.Count == 0 && held.Count > 0)
            {
                clashing = Pairs(held, (a, b) => a.Acceptable.Intersect(b.Acceptable).Any());
            }
        }
        else if (held.Count > 0)
        {
            // Closed ranges: [a, b] and [b, c] share b, so touching ends are still agreement (on one value).
            var (top, bottom) = (held.Max(p => p.Low!.Value), held.Min(p => p.High!.Value));
            if (top <= bottom)
            {
                (low, high) = (top, bottom);
            }
            else
            {
                clashing = Pairs(held, (a, b) => a.Low <= b.High && b.Low <= a.High);
            }
        }

        // Red lines first: they are what a negotiator cannot move, so the sentence starts with them.
        clashing = clashing.OrderBy(party => held.Find(p => p.PartyCode == party)!.HasRedLine ? 0 : 1).ToList();
        var state = clashing.Count > 0 ? ZopaState.Conflict : unknown.Count > 0 ? ZopaState.Unknown : ZopaState.Agreement;
        var words = Sentence(issue, at, state, options, low, high, clashing, unknown, held, Name);
        var marking = MostRestrictive.Of(held.Select(p => p.Marking).Prepend(issue.Marking));
        return new Zopa(issue, at, state, options, low, high, clashing, unknown, held, words, marking);
    }

    /// <summary>
    /// The parties to name for an empty intersection: those in a pair whose acceptable sets or ranges share nothing.
    /// When every pair shares something yet all together share nothing (a three-way clash of option sets), all of
    /// them; ranges on a line cannot clash that way (pairwise overlapping intervals share a point), so for them the
    /// pairs are the whole story.
    /// </summary>
    private static List<string> Pairs(List<Position> held, Func<Position, Position, bool> overlap)
    {
        var clashing = new List<string>();
        for (var i = 0; i < held.Count; i++)
        {
            for (var j = i + 1; j < held.Count; j++)
            {
                if (!overlap(held[i], held[j]))
                {
                    clashing.Add(held[i].PartyCode);
                    clashing.Add(held[j].PartyCode);
                }
            }
        }

        return clashing.Count > 0 ? held.Select(p => p.PartyCode).Where(clashing.Contains).ToList() : held.Select(p => p.PartyCode).ToList();
    }

    private static string Sentence(NegotiationIssue issue, DateOnly at, ZopaState state, IReadOnlyList<string> options, long? low, long? high, List<string> clashing, List<string> unknown, List<Position> held, Func<string, string> name)
    {
        var among = Listed(held.Select(p => name(p.PartyCode)).ToList());
        var shared = issue.Kind == IssueKind.Options ? PositionWords.Options(issue, options) : low is { } l && high is { } h ? PositionWords.Range(issue, l, h) : "nothing";
        var none = unknown.Count == 0 ? string.Empty : $"No position of {Listed(unknown.Select(name).ToList())} on or before {at:yyyy-MM-dd}.";
        switch (state)
        {
            case ZopaState.Agreement:
                return $"Zone of possible agreement among {among}: {shared}.";
            case ZopaState.Unknown:
                return held.Count == 0 ? $"Unknown. {none}" : $"Unknown, not agreement. {none} Among {among}: {shared}.";
            default:
                var parts = clashing.Select(party => Stand(issue, held.Find(p => p.PartyCode == party)!, name(party)));
                var said = string.Join("; ", parts);
                var conflict = $"Conflict. {char.ToUpperInvariant(said[0])}{said[1..]}.";
                return none.Length == 0 ? conflict : $"{conflict} {none}";
        }
    }

    /// <summary>"Russia's red line: no foreign troops" or "the coalition's position: a reassurance force after a ceasefire".</summary>
    private static string Stand(NegotiationIssue issue, Position position, string name)
    {
        var whose = name.EndsWith('s') ? name + "'" : name + "'s";
        if (issue.Kind == IssueKind.Options)
        {
            // A party with a red line accepts only what is left of it, so what it accepts is its red line said positively.
            var accepted = PositionWords.Options(issue, position.Acceptable);
            return $"{whose} {(position.HasRedLine ? "red line" : "position")}: {accepted}";
        }

        return PositionWords.RedLine(issue, position) is { } redLine
            ? $"{whose} red line: {redLine}"
            : $"{whose} position: {PositionWords.Range(issue, position.Low!.Value, position.High!.Value)}";
    }

    private static string Listed(List<string> names) => names.Count switch
    {
        0 => "nobody",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
