using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Core.Tests.Commitments;

public sealed class PledgeRulesTests
{
    private static (Pledge Pledge, IDictionary<string, string[]> Errors) Apply(PledgeInput input, PledgeStage? previous = null, bool admin = false)
    {
        var pledge = new Pledge { MemberCode = "x", Title = "x", UpdatedBy = "x" };
        var errors = PledgeRules.Apply(input, pledge, previous, admin);
        return (pledge, errors.ToDictionary());
    }

    [Fact]
    public void A_valid_input_fills_every_field()
    {
        var (pledge, errors) = Apply(PledgeBuilder.Valid());

        Assert.Empty(errors);
        Assert.Equal("GBR", pledge.MemberCode);
        Assert.Equal(PledgeCategory.Air, pledge.Category);
        Assert.Equal(4, pledge.Quantity);
        Assert.True(pledge.HasCondition(ConditionKind.UsBackstop));
        Assert.Equal("as stated", pledge.Conditions.Single(c => c.Kind == ConditionKind.UsBackstop).Note);
        Assert.Equal(Confidence.High, pledge.Confidence);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("title")]
    [InlineData("category")]
    [InlineData("sources")]
    public void A_missing_required_field_is_named(string field)
    {
        var input = PledgeBuilder.Valid();
        switch (field)
        {
            case "member": input.Member = " "; break;
            case "title": input.Title = null; break;
            case "category": input.Category = null; break;
            case "sources": input.Sources = []; break;
        }

        var (_, errors) = Apply(input);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Wrong_words_are_named_with_the_choices()
    {
        var input = PledgeBuilder.Valid();
        input.Category = "tanks";
        input.Stage = "promised";
        input.Confidence = "certain";
        input.Conditions = [new ConditionInput { Kind = "sunny-weather" }];

        var (_, errors) = Apply(input);

        Assert.Contains("air-defence", errors["category"][0], StringComparison.Ordinal);
        Assert.Contains("announced", errors["stage"][0], StringComparison.Ordinal);
        Assert.Contains("high", errors["confidence"][0], StringComparison.Ordinal);
        Assert.Contains("us-backstop", errors["conditions[0].kind"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Money_needs_a_currency_and_an_fx_date_for_its_euro_value()
    {
        var input = PledgeBuilder.Valid();
        input.Value = new MoneyInput { Amount = 1_600_000_000m, Currency = "pounds", Eur = 1_900_000_000m };

        var (_, errors) = Apply(input);

        Assert.Contains("value.currency", errors.Keys);
        Assert.Contains("value.fxDate", errors.Keys);
    }

    [Fact]
    public void Money_is_kept_in_whole_minor_units_and_euros_equal_the_amount_for_EUR()
    {
        var input = PledgeBuilder.Valid();
        input.Value = new MoneyInput { Amount = 11_000_000_000.50m, Currency = "eur" };

        var (pledge, errors) = Apply(input);

        Assert.Empty(errors);
        Assert.Equal(1_100_000_000_050L, pledge.ValueMinor);
        Assert.Equal(pledge.ValueMinor, pledge.ValueEurMinor);
        Assert.Equal("EUR", pledge.Currency);
    }

    [Fact]
    public void An_amount_finer_than_the_currency_allows_is_refused()
    {
        var input = PledgeBuilder.Valid();
        input.Value = new MoneyInput { Amount = 10.001m, Currency = "USD", Eur = 9m, FxDate = new DateOnly(2025, 3, 14) };

        var (_, errors) = Apply(input);

        Assert.Contains("value.amount", errors.Keys);
    }

    [Fact]
    public void A_quantity_needs_a_unit_and_must_be_positive()
    {
        var input = PledgeBuilder.Valid();
        input.Quantity = 0;
        input.Unit = null;

        var (_, errors) = Apply(input);

        Assert.Contains("quantity", errors.Keys);
        Assert.Contains("unit", errors.Keys);
    }

    [Fact]
    public void A_condition_listed_twice_is_refused()
    {
        var input = PledgeBuilder.Valid();
        input.Conditions = [new ConditionInput { Kind = "un-mandate" }, new ConditionInput { Kind = "un-mandate" }];

        var (_, errors) = Apply(input);

        Assert.Contains("listed twice", errors["conditions[1].kind"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_must_be_an_absolute_web_address()
    {
        var input = PledgeBuilder.Valid();
        input.Sources = [new CitationInput { Url = "javascript:alert(1)" }, new CitationInput { Url = "/relative" }];

        var (_, errors) = Apply(input);

        Assert.Contains("sources[0].url", errors.Keys);
        Assert.Contains("sources[1].url", errors.Keys);
    }

    [Fact]
    public void A_change_needs_a_reason()
    {
        var input = PledgeBuilder.Valid();
        input.Reason = null;

        var (_, errors) = Apply(input, previous: PledgeStage.Announced);

        Assert.Equal(["reason"], errors.Keys);
    }

    [Theory]
    [InlineData(PledgeStage.Announced, "committed", true)]
    [InlineData(PledgeStage.Delivered, "withdrawn", true)]
    [InlineData(PledgeStage.Delivered, "announced", false)]
    [InlineData(PledgeStage.Withdrawn, "committed", false)]
    public void Stages_move_forward_only(PledgeStage from, string to, bool allowed)
    {
        var input = PledgeBuilder.Valid();
        input.Stage = to;

        var (_, errors) = Apply(input, previous: from);

        Assert.Equal(allowed, !errors.ContainsKey("stage"));
    }

    [Fact]
    public void An_admin_may_move_a_stage_back_to_correct_a_mistake()
    {
        var input = PledgeBuilder.Valid();
        input.Stage = "announced";

        var (pledge, errors) = Apply(input, previous: PledgeStage.Delivered, admin: true);

        Assert.Empty(errors);
        Assert.Equal(PledgeStage.Announced, pledge.Stage);
    }

    [Fact]
    public void Only_known_fields_can_be_marked_illustrative()
    {
        var input = PledgeBuilder.Valid();
        input.Illustrative = ["quantity", "member"];

        var (_, errors) = Apply(input);

        Assert.Contains("'member'", errors["illustrative"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_written_when_any_field_is_wrong()
    {
        var input = PledgeBuilder.Valid();
        input.ReadinessDays = -1;

        var (pledge, errors) = Apply(input);

        Assert.Contains("readinessDays", errors.Keys);
        Assert.Equal("x", pledge.MemberCode);
        Assert.Equal("x", pledge.Title);
    }

    [Fact]
    public void Kebab_words_round_trip_for_every_enumeration_value()
    {
        foreach (var kind in Enum.GetValues<ConditionKind>())
        {
            Assert.True(Kebab.TryParse(Kebab.Of(kind), out ConditionKind parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal("air-defence", Kebab.Of(PledgeCategory.AirDefence));
        Assert.Equal("us-backstop", Kebab.Of(ConditionKind.UsBackstop));
    }
}
