using Truce.Core.Positions;
using static Truce.Core.Tests.Positions.PositionSamples;

namespace Truce.Core.Tests.Positions;

/// <summary>The zone of possible agreement per issue: the intersection of acceptable sets or ranges, or the conflict named in words.</summary>
public sealed class ZopaTests
{
    private static readonly DateOnly At = new(2025, 12, 1);

    private static Zopa TroopsZopa(params PositionInput[] inputs)
    {
        var issue = ForeignTroops();
        return Zopa.Of(issue, inputs.Select(i => Read(i, issue)), At, Names);
    }

    private static Zopa ArmyZopa(params PositionInput[] inputs)
    {
        var issue = ArmySize();
        return Zopa.Of(issue, inputs.Select(i => Read(i, issue)), At, Names);
    }

    [Fact]
    public void Overlapping_option_sets_agree_on_the_options_all_accept_in_the_issues_order()
    {
        var zopa = TroopsZopa(
            Options("UKR", "2025-03-01", ["reassurance-force", "non-nato-monitors"]),
            Options("RUS", "2025-03-01", ["none", "non-nato-monitors"]),
            Options("coalition", "2025-03-01", ["non-nato-monitors", "reassurance-force"]));

        Assert.Equal(ZopaState.Agreement, zopa.State);
        Assert.Equal(["non-nato-monitors"], zopa.Options);
        Assert.Equal("Zone of possible agreement among Ukraine, Russia and the coalition: unarmed monitors from outside NATO.", zopa.Words);
    }

    [Fact]
    public void A_single_option_everyone_accepts_is_the_whole_zone()
    {
        var zopa = TroopsZopa(
            Options("UKR", "2025-03-01", ["none"]),
            Options("RUS", "2025-03-01", ["none"]),
            Options("coalition", "2025-03-01", ["none", "reassurance-force"]));

        Assert.Equal(ZopaState.Agreement, zopa.State);
        Assert.Equal(["none"], zopa.Options);
        Assert.Empty(zopa.Clashing);
    }

    [Fact]
    public void Disjoint_option_sets_are_a_conflict_named_by_the_red_line_first()
    {
        var zopa = TroopsZopa(
            Options("UKR", "2025-03-01", ["reassurance-force"]),
            Options("RUS", "2025-03-01", ["none"], redLine: ["non-nato-monitors", "reassurance-force"]),
            Options("coalition", "2025-03-01", ["reassurance-force"]));

        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Empty(zopa.Options);
        Assert.Equal(["RUS", "UKR", "coalition"], zopa.Clashing);
        Assert.Equal(
            "Conflict. Russia's red line: no foreign troops; Ukraine's position: a reassurance force after a ceasefire; the coalition's position: a reassurance force after a ceasefire.",
            zopa.Words);
    }

    [Fact]
    public void Only_the_parties_that_clash_are_named()
    {
        var zopa = TroopsZopa(
            Options("UKR", "2025-03-01", ["non-nato-monitors", "reassurance-force"]),
            Options("RUS", "2025-03-01", ["none", "non-nato-monitors"], redLine: ["reassurance-force"]),
            Options("coalition", "2025-03-01", ["reassurance-force"]));

        Assert.Equal(["RUS", "coalition"], zopa.Clashing);
        Assert.Equal("Conflict. Russia's red line: no foreign troops or unarmed monitors from outside NATO; the coalition's position: a reassurance force after a ceasefire.", zopa.Words);
    }

    [Fact]
    public void A_three_way_clash_with_every_pair_overlapping_names_all_three()
    {
        var zopa = TroopsZopa(
            Options("UKR", "2025-03-01", ["none", "non-nato-monitors"]),
            Options("RUS", "2025-03-01", ["non-nato-monitors", "reassurance-force"]),
            Options("coalition", "2025-03-01", ["none", "reassurance-force"]));

        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Equal(["UKR", "RUS", "coalition"], zopa.Clashing);
    }

    [Fact]
    public void Overlapping_ranges_agree_on_their_intersection()
    {
        var zopa = ArmyZopa(Range("UKR", "2025-03-01", 250_000, null), Range("RUS", "2025-03-01", null, 400_000), Range("USA", "2025-03-01", null, 600_000));

        Assert.Equal((ZopaState.Agreement, 250_000L, 400_000L), (zopa.State, zopa.Low, zopa.High));
        Assert.Equal("Zone of possible agreement among Ukraine, Russia and United States: from 250,000 to 400,000 troops.", zopa.Words);
    }

    [Fact]
    public void Ranges_touching_at_one_bound_agree_on_that_one_value()
    {
        var zopa = ArmyZopa(Range("UKR", "2025-03-01", 600_000, null), Range("RUS", "2025-03-01", null, 600_000), Range("USA", "2025-03-01", null, 600_000));

        Assert.Equal((ZopaState.Agreement, 600_000L, 600_000L), (zopa.State, zopa.Low, zopa.High));
        Assert.EndsWith("exactly 600,000 troops.", zopa.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void Disjoint_ranges_are_a_conflict_naming_the_pairs_that_share_nothing()
    {
        var zopa = ArmyZopa(Range("UKR", "2025-03-01", 250_000, null), Range("RUS", "2025-03-01", null, 85_000, refusesAbove: 85_000), Range("USA", "2025-03-01", null, 600_000));

        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Null(zopa.Low);
        Assert.Equal(["RUS", "UKR"], zopa.Clashing);
        Assert.Equal("Conflict. Russia's red line: nothing above 85,000 troops; Ukraine's position: at least 250,000 troops.", zopa.Words);
    }

    [Fact]
    public void A_party_with_no_position_makes_the_zone_unknown_not_agreement()
    {
        var zopa = TroopsZopa(Options("UKR", "2025-03-01", ["reassurance-force"]), Options("coalition", "2025-03-01", ["reassurance-force"]));

        Assert.Equal(ZopaState.Unknown, zopa.State);
        Assert.Equal(["RUS"], zopa.Unknown);
        Assert.Equal(["reassurance-force"], zopa.Options);
        Assert.Equal("Unknown, not agreement. No position of Russia on or before 2025-12-01. Among Ukraine and the coalition: a reassurance force after a ceasefire.", zopa.Words);
    }

    [Fact]
    public void A_conflict_among_the_known_parties_stands_whatever_the_unknown_one_says()
    {
        var zopa = ArmyZopa(Range("UKR", "2025-03-01", 250_000, null), Range("RUS", "2025-03-01", null, 85_000));

        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Equal(["USA"], zopa.Unknown);
        Assert.EndsWith("No position of United States on or before 2025-12-01.", zopa.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_position_at_all_nothing_is_claimed()
    {
        var zopa = Zopa.Of(ArmySize(), [], At, Names);

        Assert.Equal((ZopaState.Unknown, 3), (zopa.State, zopa.Unknown.Count));
        Assert.Equal("Unknown. No position of Ukraine, Russia and United States on or before 2025-12-01.", zopa.Words);
    }

    [Fact]
    public void A_party_outside_those_that_must_agree_does_not_narrow_the_zone()
    {
        var issue = ForeignTroops();
        var positions = new[]
        {
            Options("UKR", "2025-03-01", ["reassurance-force"]),
            Options("RUS", "2025-03-01", ["reassurance-force", "none"]),
            Options("coalition", "2025-03-01", ["reassurance-force"]),
            Options("USA", "2025-03-01", ["none"]),
        }.Select(i => Read(i, issue));

        Assert.Equal(ZopaState.Agreement, Zopa.Of(issue, positions, At, Names).State);
    }

    [Fact]
    public void A_position_change_moves_the_zone_from_one_date_to_the_next()
    {
        var issue = ArmySize();
        var positions = new[]
        {
            Range("UKR", "2022-04-15", 250_000, null),
            Range("RUS", "2022-04-15", null, 85_000, refusesAbove: 85_000),
            Range("USA", "2022-04-15", null, null),
            Range("RUS", "2025-06-02", null, 300_000),
        }.Select(i => Read(i, issue)).ToList();

        var before = Zopa.Of(issue, positions, new DateOnly(2025, 6, 1), Names);
        var after = Zopa.Of(issue, positions, new DateOnly(2025, 6, 2), Names);

        Assert.Equal(ZopaState.Conflict, before.State);
        Assert.Equal((ZopaState.Agreement, 250_000L, 300_000L), (after.State, after.Low, after.High));
    }

    [Fact]
    public void The_zone_is_marked_as_narrowly_as_the_positions_it_tells()
    {
        var issue = ForeignTroops();
        var secret = Options("UKR", "2025-03-01", ["reassurance-force"]);
        secret.Marking = new() { Level = "rel-to", RelTo = ["GBR", "FRA"] };
        var positions = new[] { secret, Options("RUS", "2025-03-01", ["none"]), Options("coalition", "2025-03-01", ["reassurance-force"]) }.Select(i => Read(i, issue));

        Assert.Equal("REL TO FRA, GBR", Zopa.Of(issue, positions, At, Names).Marking.ToString());
    }
}
