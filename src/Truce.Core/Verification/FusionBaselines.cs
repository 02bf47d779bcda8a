namespace Truce.Core.Verification;

/// <summary>
/// The simple ways of grouping reports that fusion proposals are measured against (docs/benchmarks.md). They
/// are here to show what the proposer's rules buy, not to be offered to analysts.
/// </summary>
public static class FusionBaselines
{
    private const double Km = 1;
    private const double Minutes = 20;

    /// <summary>
    /// Single-linkage on place and time alone: two reports within 1 km and 20 minutes are linked, and each
    /// connected set is a group. On a busy line the links chain neighbouring events together.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<long>> SpaceTimeLinkage(IReadOnlyList<FusionReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var index = new SpaceTimeIndex(reports, Km * 1.5);
        var parent = Enumerable.Range(0, reports.Count).ToArray();
        index.ForEachPair(Km, Minutes, (i, j) =>
        {
            var (east, north, _) = index.Offset(i, j);
            if ((east * east) + (north * north) <= Km * Km)
            {
                parent[Root(parent, i)] = Root(parent, j);
            }
        });

        return Groups(reports, i => Root(parent, i));
    }

    /// <summary>
    /// Type-aware leader clustering: in time order, a report joins the first group whose leader (its first
    /// report) is within 1 km and 20 minutes and of the same type, else leads a new group. A mislabelled type
    /// or a leader at the edge of an event splits it.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<long>> TypeAwareLeader(IReadOnlyList<FusionReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var index = new SpaceTimeIndex(reports, Km * 1.5);
        var leaderOf = new int[reports.Count];
        var isLeader = new bool[reports.Count];
        var position = new int[reports.Count];
        for (var r = 0; r < index.ByTime.Count; r++)
        {
            position[index.ByTime[r]] = r;
        }

        foreach (var i in index.ByTime)
        {
            var best = -1;
            foreach (var cell in index.NeighbourCells(i))
            {
                // The cell's reports are in time order: look back from report i while within the window.
                var at = cell.BinarySearch(i, Comparer<int>.Create((x, y) => position[x].CompareTo(position[y])));
                var start = at >= 0 ? at - 1 : ~at - 1;
                for (var k = start; k >= 0 && index.MinutesOf(i) - index.MinutesOf(cell[k]) <= Minutes; k--)
                {
                    var j = cell[k];
                    if (!isLeader[j] || reports[j].Type != reports[i].Type || (best >= 0 && position[j] > position[best]))
                    {
                        continue;
                    }

                    var (east, north, _) = index.Offset(i, j);
                    if ((east * east) + (north * north) <= Km * Km)
                    {
                        best = j;
                    }
                }
            }

            isLeader[i] = best < 0;
            leaderOf[i] = best < 0 ? i : best;
        }

        return Groups(reports, i => leaderOf[i]);
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            i = parent[i] = parent[parent[i]];
        }

        return i;
    }

    private static IReadOnlyList<IReadOnlyList<long>> Groups(IReadOnlyList<FusionReport> reports, Func<int, int> groupOf) =>
        [.. Enumerable.Range(0, reports.Count).GroupBy(groupOf).Where(g => g.Count() > 1).Select(g => (IReadOnlyList<long>)[.. g.Select(i => reports[i].Id)])];
}

/// <summary>
/// Pair precision and recall of a grouping against the true events: of the pairs of reports put in one group,
/// the share that are one event; of the pairs that are one event, the share put in one group. Pairs, not groups,
/// because an analyst's work is undoing a wrong pair or joining a missed one.
/// </summary>
public sealed record PairAgreement(long ProposedPairs, long TruePairs, long CorrectPairs)
{
    /// <summary>Correct pairs among proposed pairs; 1 when nothing was proposed.</summary>
    public double Precision => ProposedPairs == 0 ? 1 : (double)CorrectPairs / ProposedPairs;

    /// <summary>True pairs that were proposed; 1 when there were none.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>Measures <paramref name="groups"/> (report ids) against each report's true event.</summary>
    public static PairAgreement Measure(IEnumerable<IReadOnlyList<long>> groups, IReadOnlyList<GeneratedReport> truth)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(truth);
        var eventOf = truth.ToDictionary(t => t.Report.Id, t => t.EventId);
        long proposed = 0, correct = 0;
        foreach (var group in groups)
        {
            proposed += Pairs(group.Count);
            correct += group.GroupBy(id => eventOf[id]).Sum(g => Pairs(g.Count()));
        }

        var truePairs = truth.GroupBy(t => t.EventId).Sum(g => Pairs(g.Count()));
        return new PairAgreement(proposed, truePairs, correct);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
