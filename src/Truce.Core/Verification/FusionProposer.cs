using System.Globalization;
using Truce.Core.Monitoring;

namespace Truce.Core.Verification;

/// <summary>
/// Proposes which reports may describe one event. Two reports are compared only when they are close enough
/// to be one event at all (a reported place is off by up to half a kilometre east-west and north-south and a
/// reported time by up to ten minutes, so two reports of one event are at most 1 km apart along each axis and
/// 20 minutes apart); a pair is scored by how close they are and whether their types agree; reports are then
/// grouped greedily from the best pairs, and a group takes another only when every pair across them is
/// compatible and close on average. Nothing is merged: each group is a proposal for an analyst.
/// </summary>
/// <remarks>
/// Two rules make the grouping trustworthy at the density of a front line, where single-linkage on place and
/// time chains neighbouring events together: one source never reports one event twice (a re-send is removed
/// before fusion), so two reports of one source are never grouped; and types of different families (a shelling
/// and a drone strike) are never grouped. Two channels repeating one post are one source and one event.
/// </remarks>
public static class FusionProposer
{
    /// <summary>Two reports of one event are at most this far apart along each axis, with room for the flat projection's error.</summary>
    public const double MaxAxisKm = 1.05;

    /// <summary>Two reports of one event are at most this many minutes apart.</summary>
    public const double MaxMinutes = 20;

    /// <summary>
    /// How much a neighbouring type (artillery reported as an explosion) weighs against the same type. About
    /// one report in ten names a neighbouring type, while two different events nearby share a family often:
    /// the disagreement is evidence against, though not proof.
    /// </summary>
    // REVIEW: tuned on the generator's day (10 % mislabels); revisit against confirmed incidents.
    public const double NeighbouringTypeWeight = 0.5;

    /// <summary>The weights a deployment may tune; the defaults are the measured ones.</summary>
    public sealed record Settings(double JoinThreshold = JoinThreshold, double NeighbouringTypeWeight = NeighbouringTypeWeight);

    /// <summary>Groups join only when the mean score of the pairs across them is at least this.</summary>
    // REVIEW: tuned on the generator's day for precision first (see docs/benchmarks.md).
    public const double JoinThreshold = 0.2;

    /// <summary>Groups of two or more reports that may be one event, best first; a report in no group is proposed with nothing.</summary>
    public static IReadOnlyList<FusionCandidate> Propose(IReadOnlyList<FusionReport> reports, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        settings ??= new Settings();
        var index = new SpaceTimeIndex(reports, MaxAxisKm * 1.5);
        var links = new List<(int I, int J, double Score)>();
        var scores = new Dictionary<(int, int), double>();
        index.ForEachPair(MaxAxisKm, MaxMinutes, (i, j) =>
        {
            if (PairScore(reports[i], reports[j], index.Offset(i, j), settings.NeighbouringTypeWeight) is { } score)
            {
                links.Add((i, j, score));
                scores[Key(i, j)] = score;
            }
        });

        // Best pairs first; a tie broken by index so that a batch always gives the same proposals.
        links.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.I != b.I ? a.I.CompareTo(b.I) : a.J.CompareTo(b.J));
        var groupOf = Enumerable.Range(0, reports.Count).ToArray();
        var members = new Dictionary<int, List<int>>();
        foreach (var (i, j, _) in links)
        {
            var (a, b) = (groupOf[i], groupOf[j]);
            if (a == b)
            {
                continue;
            }

            var left = members.TryGetValue(a, out var l) ? l : [i];
            var right = members.TryGetValue(b, out var r) ? r : [j];
            if (MeanAcross(left, right, scores) is not { } mean || mean < settings.JoinThreshold)
            {
                continue;
            }

            // The smaller group moves into the larger.
            var (into, from, intoKey, fromKey) = left.Count >= right.Count ? (left, right, a, b) : (right, left, b, a);
            into.AddRange(from);
            foreach (var m in from)
            {
                groupOf[m] = intoKey;
            }

            members[intoKey] = into;
            members.Remove(fromKey);
        }

        return [.. members.Values.Select(g => Describe(g, reports, index, scores)).OrderByDescending(c => c.Score).ThenBy(c => c.ReportIds[0])];
    }

    /// <summary>
    /// How well a report fits a group already made (an incident's reports): the mean score of its pairs with
    /// each member, and the reasons in words; none when it cannot be the same event as any one of them.
    /// </summary>
    public static FusionCandidate? Match(FusionReport report, IReadOnlyList<FusionReport> members, Settings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            return null;
        }

        settings ??= new Settings();
        var all = members.Append(report).ToList();
        var index = new SpaceTimeIndex(all, MaxAxisKm * 1.5);
        var scores = new Dictionary<(int, int), double>();
        var last = all.Count - 1;
        for (var i = 0; i < last; i++)
        {
            if (PairScore(all[i], report, index.Offset(i, last), settings.NeighbouringTypeWeight) is not { } score)
            {
                return null;
            }

            scores[Key(i, last)] = score;
        }

        for (var i = 0; i < last; i++)
        {
            for (var j = i + 1; j < last; j++)
            {
                scores[Key(i, j)] = PairScore(all[i], all[j], index.Offset(i, j), settings.NeighbouringTypeWeight) ?? 0;
            }
        }

        var described = Describe([.. Enumerable.Range(0, all.Count)], all, index, scores);
        var fit = scores.Where(s => s.Key.Item2 == last).Average(s => s.Value);
        return described with { Score = fit };
    }

    /// <summary>
    /// How likely two reports are one event, from 0 to 1; none when they cannot be: the same source, types of
    /// different families, or too far apart. Two reports repeating one post score 1.
    /// </summary>
    internal static double? PairScore(FusionReport a, FusionReport b, (double EastKm, double NorthKm, double Minutes) offset, double neighbouringTypeWeight = NeighbouringTypeWeight)
    {
        if (a.Source == b.Source || EventFamilies.Of(a.Type) != EventFamilies.Of(b.Type))
        {
            return null;
        }

        var east = 1 - (Math.Abs(offset.EastKm) / MaxAxisKm);
        var north = 1 - (Math.Abs(offset.NorthKm) / MaxAxisKm);
        var time = 1 - (Math.Abs(offset.Minutes) / MaxMinutes);
        if (east < 0 || north < 0 || time < 0)
        {
            return null;
        }

        if (a.Origin is not null && a.Origin == b.Origin)
        {
            return 1;
        }

        // Under "one event" each gap is the difference of two uniform jitters, so its likelihood falls in a
        // straight line to nothing at the widest gap; the geometric mean keeps the score on the same scale as each.
        var closeness = Math.Cbrt(east * north * time);
        return a.Type == b.Type ? closeness : closeness * neighbouringTypeWeight;
    }

    /// <summary>The mean score of the pairs across two groups; none when any pair across them cannot be one event.</summary>
    private static double? MeanAcross(List<int> left, List<int> right, Dictionary<(int, int), double> scores)
    {
        var sum = 0.0;
        foreach (var i in left)
        {
            foreach (var j in right)
            {
                if (!scores.TryGetValue(Key(i, j), out var score))
                {
                    return null;
                }

                sum += score;
            }
        }

        return sum / (left.Count * right.Count);
    }

    private static (int, int) Key(int i, int j) => i < j ? (i, j) : (j, i);

    private static FusionCandidate Describe(List<int> group, IReadOnlyList<FusionReport> reports, SpaceTimeIndex index, Dictionary<(int, int), double> scores)
    {
        group.Sort();
        var (sum, pairs, widestKm, widestMinutes) = (0.0, 0, 0.0, 0.0);
        for (var x = 0; x < group.Count; x++)
        {
            for (var y = x + 1; y < group.Count; y++)
            {
                var (east, north, minutes) = index.Offset(group[x], group[y]);
                widestKm = Math.Max(widestKm, Math.Sqrt((east * east) + (north * north)));
                widestMinutes = Math.Max(widestMinutes, Math.Abs(minutes));
                sum += scores[Key(group[x], group[y])];
                pairs++;
            }
        }

        var members = group.Select(i => reports[i]).ToList();
        var reasons = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{members.Count} reports within {widestKm:0.0} km and {Math.Round(widestMinutes):0} minutes"),
            TypesInWords(members),
        };
        var weapons = members.Select(m => m.Weapon).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (weapons.Count == 1)
        {
            reasons.Add($"same weapon ({weapons[0]})");
        }

        reasons.Add(SourcesInWords(members));
        return new FusionCandidate([.. members.Select(m => m.Id)], sum / pairs, string.Join("; ", reasons));
    }

    private static string TypesInWords(List<FusionReport> members)
    {
        var types = members.GroupBy(m => m.Type).OrderByDescending(g => g.Count()).ThenBy(g => InWords(g.Key), StringComparer.Ordinal).ToList();
        return types.Count == 1
            ? $"same type ({InWords(types[0].Key)})"
            : "neighbouring types " + string.Join(", ", types.Select(g => string.Create(CultureInfo.InvariantCulture, $"{InWords(g.Key)} ({g.Count()})")));
    }

    private static string SourcesInWords(List<FusionReport> members)
    {
        var independent = members.Select(m => m.IndependentSource).Distinct(StringComparer.Ordinal).Count();
        var text = string.Create(CultureInfo.InvariantCulture, $"{independent} independent source{(independent == 1 ? "" : "s")}");
        var repeats = members.Where(m => m.Origin is not null).GroupBy(m => m.Origin, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        return repeats.Count == 0
            ? text
            : text + " (" + string.Join("; ", repeats.Select(g => string.Join(" and ", g.Select(m => m.Source)) + " repeat one post")) + ")";
    }

    /// <summary>An event type as an analyst would write it: "drone strike", "MLRS".</summary>
    public static string InWords(EventType type) => type switch
    {
        EventType.Mlrs => "MLRS",
        _ => string.Concat(type.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };
}
