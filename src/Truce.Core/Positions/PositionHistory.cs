namespace Truce.Core.Positions;

/// <summary>One step of a party's timeline on an issue: the position stated that day and what it changed, in words.</summary>
public sealed record PositionChange(DateOnly AsOf, Position Position, IReadOnlyList<string> Changes);

/// <summary>
/// Which position holds when: a position holds from its date until the same party's next position on the same
/// issue. Pure and deterministic; positions of one party on one issue on one day are refused by the reader, so
/// "the latest" is always one.
/// </summary>
public static class PositionHistory
{
    /// <summary>
    /// The position of each party on each issue at <paramref name="at"/>: its latest stated on or before that day.
    /// A party with none then is absent, which the zone of agreement reads as unknown, never as agreement.
    /// </summary>
    public static IReadOnlyList<Position> At(IEnumerable<Position> positions, DateOnly at) =>
        positions.Where(p => p.AsOf <= at)
            .GroupBy(p => (p.IssueCode, p.PartyCode))
            .Select(g => g.MaxBy(p => p.AsOf)!)
            .OrderBy(p => p.IssueCode, StringComparer.Ordinal).ThenBy(p => p.PartyCode, StringComparer.Ordinal)
            .ToList();

    /// <summary>The positions of <paramref name="party"/> on <paramref name="issue"/> by date, each with what it changed from the one before.</summary>
    public static IReadOnlyList<PositionChange> Timeline(IEnumerable<Position> positions, NegotiationIssue issue, string party)
    {
        var timeline = new List<PositionChange>();
        Position? previous = null;
        foreach (var position in positions.Where(p => p.IssueCode == issue.Code && p.PartyCode == party).OrderBy(p => p.AsOf))
        {
            timeline.Add(new PositionChange(position.AsOf, position, previous is null ? ["first stated"] : Changes(issue, previous, position)));
            previous = position;
        }

        return timeline;
    }

    private static List<string> Changes(NegotiationIssue issue, Position before, Position after)
    {
        var changes = new List<string>();
        if (issue.Kind == IssueKind.Options)
        {
            if (before.Preferred != after.Preferred)
            {
                changes.Add($"preferred: {PositionWords.Option(issue, before.Preferred)} → {PositionWords.Option(issue, after.Preferred)}");
            }

            Sets("accepts", before.Acceptable, after.Acceptable);
            Sets("red line", before.RedLine, after.RedLine);
        }
        else
        {
            if (before.PreferredValue != after.PreferredValue)
            {
                changes.Add($"preferred: {PositionWords.Value(issue, before.PreferredValue)} → {PositionWords.Value(issue, after.PreferredValue)}");
            }

            if (before.Low != after.Low || before.High != after.High)
            {
                changes.Add($"accepts: {PositionWords.Range(issue, before.Low!.Value, before.High!.Value)} → {PositionWords.Range(issue, after.Low!.Value, after.High!.Value)}");
            }

            if (before.RefusesBelow != after.RefusesBelow || before.RefusesAbove != after.RefusesAbove)
            {
                changes.Add($"red line: {PositionWords.RedLine(issue, before) ?? "none"} → {PositionWords.RedLine(issue, after) ?? "none"}");
            }
        }

        if (before.Stance != after.Stance && changes.Count == 0)
        {
            changes.Add("restated in other words");
        }

        return changes.Count == 0 ? ["restated"] : changes;

        void Sets(string what, List<string> was, List<string> now)
        {
            var added = now.Except(was).Select(c => "+" + PositionWords.Option(issue, c));
            var removed = was.Except(now).Select(c => "−" + PositionWords.Option(issue, c));
            var all = added.Concat(removed).ToList();
            if (all.Count > 0)
            {
                changes.Add($"{what}: {string.Join(", ", all)}");
            }
        }
    }
}
