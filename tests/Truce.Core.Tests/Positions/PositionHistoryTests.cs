using Truce.Core.Positions;
using static Truce.Core.Tests.Positions.PositionSamples;

namespace Truce.Core.Tests.Positions;

/// <summary>A position holds from its date until the party's next on the same issue; the timeline says what each step changed.</summary>
public sealed class PositionHistoryTests
{
    private static readonly NegotiationIssue Army = ArmySize();

    private static readonly List<Position> UkraineOnArmySize =
    [
        Read(Range("UKR", "2026-01-06", 800_000, null), Army),
        Read(Range("UKR", "2022-04-15", 250_000, null), Army),
        Read(Range("RUS", "2022-04-15", null, 85_000, refusesAbove: 85_000), Army),
    ];

    [Fact]
    public void The_latest_position_on_or_before_the_date_holds()
    {
        Assert.Equal(250_000, PositionHistory.At(UkraineOnArmySize, new DateOnly(2026, 1, 5)).Single(p => p.PartyCode == "UKR").Low);
        Assert.Equal(800_000, PositionHistory.At(UkraineOnArmySize, new DateOnly(2026, 1, 6)).Single(p => p.PartyCode == "UKR").Low);
    }

    [Fact]
    public void Before_its_first_position_a_party_has_none()
    {
        Assert.Empty(PositionHistory.At(UkraineOnArmySize, new DateOnly(2022, 4, 14)));
    }

    [Fact]
    public void The_timeline_is_in_date_order_and_says_what_changed()
    {
        var timeline = PositionHistory.Timeline(UkraineOnArmySize, Army, "UKR");

        Assert.Equal([new DateOnly(2022, 4, 15), new DateOnly(2026, 1, 6)], timeline.Select(c => c.AsOf));
        Assert.Equal(["first stated"], timeline[0].Changes);
        Assert.Equal(["accepts: at least 250,000 troops → at least 800,000 troops"], timeline[1].Changes);
    }

    [Fact]
    public void An_options_timeline_names_the_options_added_and_removed()
    {
        var troops = ForeignTroops();
        var positions = new[]
        {
            Read(Options("RUS", "2025-03-01", ["none", "non-nato-monitors"], preferred: "none"), troops),
            Read(Options("RUS", "2025-09-05", ["none"], redLine: ["non-nato-monitors", "reassurance-force"], preferred: "none"), troops),
        };

        var timeline = PositionHistory.Timeline(positions, troops, "RUS");

        Assert.Equal(["accepts: −unarmed monitors from outside NATO", "red line: +unarmed monitors from outside NATO, +a reassurance force after a ceasefire"], timeline[1].Changes);
    }
}
