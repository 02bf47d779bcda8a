using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Core.Positions;

/// <summary>How a party's cell reads against the issue's zone of agreement at the date.</summary>
public enum CellRelation
{
    /// <summary>The party must agree and its acceptable answers hold the zone (or every party's overlap).</summary>
    Overlap,

    /// <summary>The party is one of those whose positions leave no overlap.</summary>
    Conflict,

    /// <summary>The party must agree but has no position yet.</summary>
    Unknown,

    /// <summary>The party holds a position but its agreement is not needed (it does not narrow the zone).</summary>
    Outside,
}

/// <summary>
/// The positions matrix at a date: parties × issues, each cell the party's position then and how it stands against
/// the issue's zone of agreement, each row the zone or the conflict in words. Built from a <see cref="PositionSet"/>
/// (what the reader may see), so the API, the page and the CLI show the same thing.
/// </summary>
/// <param name="Dates">Every day a position was stated, in order: the steps of the page's date slider.</param>
public sealed record PositionMatrix(DateOnly At, IReadOnlyList<PartyColumn> Parties, IReadOnlyList<IssueRow> Issues, IReadOnlyList<DateOnly> Dates)
{
    /// <param name="issue">One issue's key, or null for all.</param>
    public static PositionMatrix Of(PositionSet book, DateOnly at, string? issue = null)
    {
        var issues = book.Issues.Where(i => issue is null || i.Code == issue).ToList();
        var codes = issues.SelectMany(i => i.Parties)
            .Concat(book.Positions.Where(p => issues.Exists(i => i.Code == p.IssueCode)).Select(p => p.PartyCode))
            .Distinct().ToList();
        var parties = codes.Select(c => new PartyColumn(c, book.Names.TryGetValue(c, out var name) ? name : c)).ToList();
        var rows = issues.Select(i => Row(i, Zopa.Of(i, book.Positions, at, book.Names), PositionHistory.At(book.Positions.Where(p => p.IssueCode == i.Code), at), codes)).ToList();
        var dates = book.Positions.Select(p => p.AsOf).Distinct().Order().ToList();
        return new PositionMatrix(at, parties, rows, dates);
    }

    private static IssueRow Row(NegotiationIssue issue, Zopa zopa, IReadOnlyList<Position> latest, List<string> parties)
    {
        var cells = parties.Select(party =>
        {
            var position = latest.FirstOrDefault(p => p.PartyCode == party);
            var relation = !issue.Parties.Contains(party) ? (position is null ? (CellRelation?)null : CellRelation.Outside)
                : position is null ? CellRelation.Unknown
                : zopa.Clashing.Contains(party) ? CellRelation.Conflict
                : CellRelation.Overlap;
            return relation is null ? null : new PositionCell(party, relation.Value, position is null ? null : PositionView.Of(issue, position));
        }).ToList();
        var zone = issue.Kind == IssueKind.Options ? zopa.Options.ToList() : [];
        return new IssueRow(issue.Code, issue.Title, Kebab.Of(issue.Kind), Kebab.Of(zopa.State), zopa.Words, zone, zopa.Low, zopa.High, cells, MarkingView.From(zopa.Marking));
    }
}

public sealed record PartyColumn(string Code, string Name);

/// <param name="State">agreement, conflict or unknown (<see cref="ZopaState"/>).</param>
/// <param name="Zone">An options issue: the options every party with a position accepts.</param>
/// <param name="Cells">One per party column, null where the party neither must agree nor has a position.</param>
public sealed record IssueRow(string Code, string Title, string Kind, string State, string Words, IReadOnlyList<string> Zone, long? Low, long? High, IReadOnlyList<PositionCell?> Cells, MarkingView Marking);

/// <param name="Relation">How the cell reads against the zone: overlap, conflict, unknown or outside.</param>
public sealed record PositionCell(string Party, CellRelation Relation, PositionView? Position);

/// <summary>A position as people and clients read it: the answers in words and in codes, and where it comes from.</summary>
public sealed record PositionView(
    long Id,
    string Party,
    string Issue,
    DateOnly AsOf,
    string Stance,
    string Summary,
    string? Preferred,
    IReadOnlyList<string> Acceptable,
    IReadOnlyList<string> RedLine,
    long? PreferredValue,
    long? Low,
    long? High,
    long? RefusesBelow,
    long? RefusesAbove,
    IReadOnlyList<CitationView> Sources,
    IReadOnlyList<string> Illustrative,
    MarkingView Marking)
{
    public static PositionView Of(NegotiationIssue issue, Position p) => new(
        p.Id, p.PartyCode, p.IssueCode, p.AsOf, p.Stance, Summarise(issue, p), p.Preferred, p.Acceptable, p.RedLine,
        p.PreferredValue, p.Low, p.High, p.RefusesBelow, p.RefusesAbove,
        p.Sources.Select(CitationView.From).ToList(), p.Illustrative, MarkingView.From(p.Marking));

    /// <summary>"prefers …; accepts …; red line: …" in the options' own words.</summary>
    public static string Summarise(NegotiationIssue issue, Position p)
    {
        var parts = new List<string>();
        if (issue.Kind == IssueKind.Options)
        {
            if (p.Preferred is not null)
            {
                parts.Add("prefers " + PositionWords.Option(issue, p.Preferred));
            }

            parts.Add("accepts " + PositionWords.Options(issue, p.Acceptable));
            if (p.RedLine.Count > 0)
            {
                parts.Add("red line: " + PositionWords.Options(issue, p.RedLine));
            }
        }
        else
        {
            if (p.PreferredValue is not null)
            {
                parts.Add("prefers " + PositionWords.Value(issue, p.PreferredValue));
            }

            parts.Add("accepts " + PositionWords.Range(issue, p.Low!.Value, p.High!.Value));
            if (PositionWords.RedLine(issue, p) is { } redLine)
            {
                parts.Add("red line: " + redLine);
            }
        }

        return string.Join("; ", parts);
    }
}
