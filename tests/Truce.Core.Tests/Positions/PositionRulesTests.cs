using Truce.Core.Common;
using Truce.Core.Positions;
using static Truce.Core.Tests.Positions.PositionSamples;

namespace Truce.Core.Tests.Positions;

/// <summary>Issues and positions as sent are checked against their issue, every fault named by its field.</summary>
public sealed class PositionRulesTests
{
    private static (Position? Position, IDictionary<string, string[]> Errors) ReadPosition(PositionInput input)
    {
        var errors = new ValidationErrors();
        var issues = new[] { ForeignTroops(), ArmySize() }.ToDictionary(i => i.Code);
        return (PositionRules.Read(input, issues, errors, "positions[2]"), errors.ToDictionary());
    }

    private static IDictionary<string, string[]> IssueErrors(IssueInput input)
    {
        var errors = new ValidationErrors();
        Assert.Null(IssueRules.Read(input, errors, "issues[0]"));
        return errors.ToDictionary();
    }

    [Fact]
    public void An_options_position_keeps_its_sets_in_the_issues_order()
    {
        var (position, errors) = ReadPosition(Options("UKR", "2025-03-11", ["reassurance-force", "non-nato-monitors"], redLine: ["none"], preferred: "reassurance-force"));

        Assert.Empty(errors);
        Assert.Equal(["non-nato-monitors", "reassurance-force"], position!.Acceptable);
        Assert.Equal((new DateOnly(2025, 3, 11), "reassurance-force", true), (position.AsOf, position.Preferred, position.HasRedLine));
    }

    [Fact]
    public void A_range_position_with_a_missing_end_takes_the_domains()
    {
        var (position, errors) = ReadPosition(Range("USA", "2025-11-21", null, 600_000));

        Assert.Empty(errors);
        Assert.Equal((0L, 600_000L), (position!.Low!.Value, position.High!.Value));
    }

    [Theory]
    [InlineData("positions[2].acceptable", new string[0], null, null)]
    [InlineData("positions[2].acceptable[1]", new[] { "none", "blue-helmets" }, null, null)]
    [InlineData("positions[2].acceptable[1]", new[] { "none", "none" }, null, null)]
    [InlineData("positions[2].redLine", new[] { "none" }, new[] { "none" }, null)]
    [InlineData("positions[2].preferred", new[] { "none" }, null, "reassurance-force")]
    [InlineData("positions[2].preferred", new[] { "none" }, null, "everything")]
    public void Options_that_do_not_fit_the_issue_are_named(string field, string[] acceptable, string[]? redLine, string? preferred)
    {
        var (position, errors) = ReadPosition(Options("RUS", "2025-06-02", acceptable, redLine, preferred));

        Assert.Null(position);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData(-1L, 100L, null, null, "positions[2].range.low")]
    [InlineData(0L, 2_000_001L, null, null, "positions[2].range.high")]
    [InlineData(600_000L, 85_000L, null, null, "positions[2].range")]
    [InlineData(0L, 600_000L, 85_000L, null, "positions[2].refusesAbove")]
    [InlineData(0L, 600_000L, null, 85_000L, "positions[2].refusesBelow")]
    public void Ranges_outside_the_domain_or_behind_their_own_red_line_are_named(long low, long high, long? above, long? below, string field)
    {
        var (position, errors) = ReadPosition(Range("RUS", "2025-06-02", low, high, refusesAbove: above, refusesBelow: below));

        Assert.Null(position);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_range_issues_position_may_not_carry_options_nor_the_other_way_round()
    {
        var range = Range("USA", "2025-11-21", null, 600_000);
        range.Acceptable = ["none"];
        var options = Options("UKR", "2025-03-11", ["reassurance-force"]);
        options.Range = new RangeInput { High = 10 };

        Assert.Equal(["positions[2].acceptable"], ReadPosition(range).Errors.Keys);
        Assert.Equal(["positions[2].range"], ReadPosition(options).Errors.Keys);
    }

    [Fact]
    public void A_position_needs_a_party_a_known_issue_a_date_in_range_words_and_a_source()
    {
        var input = new PositionInput { Issue = "ceasefire-first", AsOf = new DateOnly(1999, 12, 31) };

        var (position, errors) = ReadPosition(input);

        Assert.Null(position);
        Assert.Equal(["positions[2].asOf", "positions[2].issue", "positions[2].party", "positions[2].sources", "positions[2].stance"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_fields_that_hold_a_value_may_be_illustrative()
    {
        var input = Range("RUS", "2025-06-02", null, 85_000);
        input.Illustrative = ["range", "stance"];

        Assert.Equal(["positions[2].illustrative[1]"], ReadPosition(input).Errors.Keys);
    }

    [Fact]
    public void An_issue_with_options_needs_two_distinct_options_and_two_parties()
    {
        var input = ForeignTroopsInput();
        input.Options = [new OptionInput { Code = "none", Words = "no foreign troops" }, new OptionInput { Code = "none", Words = "again" }];
        input.Parties = ["UKR"];

        Assert.Equal(["issues[0].options[1].code", "issues[0].parties"], IssueErrors(input).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0L, 0L, "issues[0].maximum")]
    [InlineData(-5L, 100L, "issues[0].minimum")]
    [InlineData(0L, 100_000_001L, "issues[0].maximum")]
    public void A_range_issues_domain_is_named_when_out_of_range(long min, long max, string field)
    {
        var input = ArmySizeInput();
        (input.Minimum, input.Maximum) = (min, max);

        Assert.Equal([field], IssueErrors(input).Keys);
    }

    [Fact]
    public void An_issues_kind_and_key_are_words_Truce_knows()
    {
        var input = ArmySizeInput();
        (input.Kind, input.Code) = ("scale", "Army Size");

        Assert.Equal(["issues[0].code", "issues[0].kind"], IssueErrors(input).Keys.Order(StringComparer.Ordinal));
    }
}
