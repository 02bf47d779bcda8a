using Truce.Core.Security;

namespace Truce.Core.Alerts;

/// <summary>An observation as a threshold rule counts it: when it was observed (its window's start) and how many events it reports.</summary>
public sealed record CountedEvent(long ObservationId, DateTimeOffset At, int Count, Marking Marking);

/// <summary>
/// A stretch of observed time during which a threshold rule's count stays at or above its threshold: from
/// <see cref="Start"/> (the instant the count reached it) until <see cref="End"/> (the first instant it fell
/// below), with the events in the window at the start — those that made the count reach the threshold.
/// </summary>
public sealed record Episode(DateTimeOffset Start, DateTimeOffset End, int Count, IReadOnlyList<CountedEvent> Reached);

/// <summary>
/// Where a threshold rule holds, in observed time. The count at instant t is the sum of the counts of the
/// events observed in the half-open window (t − W, t]: an event exactly W before t has left it, so two events
/// exactly a window apart are never counted together, and two a tick less apart are. An episode is a maximal
/// stretch of time during which that count is at least N: it starts at the event that brings the count to N
/// (not at N − 1), and ends when enough events have left the window that the count falls below N. One alert is
/// raised per episode; while it lasts, more events raise none; once it has ended, the next time the count
/// reaches N is a new episode and a new alert.
/// </summary>
/// <remarks>
/// Counted in observed time, not in the time observations arrive, so the answer is the same whatever the order
/// and the batching of the observations, and on every node: a late report that fills a gap can join two
/// episodes into one, and a report of last week raises last week's alert (its sentence says when).
/// </remarks>
public static class Episodes
{
    /// <summary>Every episode among <paramref name="events"/> (any order), earliest first.</summary>
    public static IReadOnlyList<Episode> Find(IReadOnlyList<CountedEvent> events, int threshold, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var sorted = events.OrderBy(e => e.At).ThenBy(e => e.ObservationId).ToList();
        var episodes = new List<Episode>();
        long count = 0;
        var (next, leaving) = (0, 0);
        (DateTimeOffset Start, int Count, IReadOnlyList<CountedEvent> Reached)? open = null;
        while (next < sorted.Count || leaving < sorted.Count)
        {
            // The next instant the count changes: an event enters at its time, leaves a window later. Both at
            // one instant change the count at once, so it is judged after both.
            var enter = next < sorted.Count ? sorted[next].At : DateTimeOffset.MaxValue;
            var leave = sorted[leaving].At + window;
            var at = enter < leave ? enter : leave;
            while (leaving < next && sorted[leaving].At + window == at)
            {
                count -= sorted[leaving++].Count;
            }

            while (next < sorted.Count && sorted[next].At == at)
            {
                count += sorted[next++].Count;
            }

            if (open is null && count >= threshold)
            {
                open = (at, (int)Math.Min(count, int.MaxValue), sorted[leaving..next]);
            }
            else if (open is { } o && count < threshold)
            {
                episodes.Add(new Episode(o.Start, at, o.Count, o.Reached));
                open = null;
            }
        }

        return episodes;
    }
}
