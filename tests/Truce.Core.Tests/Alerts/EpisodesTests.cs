using Truce.Core.Alerts;
using Truce.Core.Security;

namespace Truce.Core.Tests.Alerts;

/// <summary>Where a threshold rule holds, in observed time: from the event that brings the count to N until it falls below N.</summary>
public sealed class EpisodesTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static CountedEvent At(int id, TimeSpan after, int count = 1) => new(id, T0 + after, count, Marking.Coalition());

    private static List<CountedEvent> Every(int n, TimeSpan step) => [.. Enumerable.Range(0, n).Select(i => At(i + 1, step * i))];

    [Fact]
    public void N_minus_one_events_in_the_window_make_no_episode_and_the_Nth_makes_one_that_starts_with_it()
    {
        var minute = TimeSpan.FromMinutes(1);

        Assert.Empty(Episodes.Find(Every(4, minute), threshold: 5, Hour));
        var episode = Assert.Single(Episodes.Find(Every(5, minute), threshold: 5, Hour));
        var still = Assert.Single(Episodes.Find(Every(6, minute), threshold: 5, Hour));

        Assert.Equal((T0 + (4 * minute), 5), (episode.Start, episode.Count));
        Assert.Equal([1, 2, 3, 4, 5], episode.Reached.Select(e => e.ObservationId));
        Assert.Equal(T0 + Hour, episode.End); // the first event leaves the window an hour after it: 4 remain
        Assert.Equal(episode.Start, still.Start);
        Assert.Equal(T0 + minute + Hour, still.End);
    }

    [Fact]
    public void Events_exactly_a_window_apart_are_never_counted_together_and_a_tick_less_apart_are()
    {
        Assert.Empty(Episodes.Find([At(1, TimeSpan.Zero), At(2, Hour)], threshold: 2, Hour));
        var episode = Assert.Single(Episodes.Find([At(1, TimeSpan.Zero), At(2, Hour - TimeSpan.FromTicks(1))], threshold: 2, Hour));

        Assert.Equal((T0 + Hour - TimeSpan.FromTicks(1), T0 + Hour), (episode.Start, episode.End));
    }

    [Fact]
    public void An_observation_of_many_events_counts_them_all_and_reaches_the_threshold_alone()
    {
        var episode = Assert.Single(Episodes.Find([At(1, TimeSpan.Zero, count: 2), At(2, TimeSpan.FromMinutes(5), count: 40)], threshold: 12, Hour));

        Assert.Equal((T0 + TimeSpan.FromMinutes(5), 42), (episode.Start, episode.Count));
    }

    [Fact]
    public void Once_the_count_falls_below_N_the_next_time_it_reaches_N_is_a_new_episode_and_a_gap_filled_later_joins_them()
    {
        List<CountedEvent> events = [At(1, TimeSpan.Zero), At(2, TimeSpan.FromMinutes(10)), At(3, TimeSpan.FromMinutes(150)), At(4, TimeSpan.FromMinutes(160))];

        var apart = Episodes.Find(events, threshold: 2, Hour);
        var joined = Episodes.Find([.. events, .. new[] { 30, 60, 90, 120 }.Select(m => At(m, TimeSpan.FromMinutes(m)))], threshold: 2, Hour);

        Assert.Equal([(T0 + TimeSpan.FromMinutes(10), T0 + Hour), (T0 + TimeSpan.FromMinutes(160), T0 + TimeSpan.FromMinutes(210))], apart.Select(e => (e.Start, e.End)));
        var one = Assert.Single(joined);
        Assert.Equal((T0 + TimeSpan.FromMinutes(10), T0 + TimeSpan.FromMinutes(210)), (one.Start, one.End));
    }

    [Fact]
    public void The_answer_does_not_depend_on_the_order_the_events_come_in()
    {
        var events = Every(30, TimeSpan.FromMinutes(7));
        var shuffled = events.OrderBy(e => (e.ObservationId * 7919) % 31).ToList();

        Assert.Equal(Episodes.Find(events, 9, Hour).Select(e => (e.Start, e.End, e.Count)), Episodes.Find(shuffled, 9, Hour).Select(e => (e.Start, e.End, e.Count)));
    }
}
