using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Monitoring;

namespace Truce.Core.Tests.Alerts;

/// <summary>A rule as sent is checked field by field; every number within its range, each fault named.</summary>
public sealed class AlertRuleRulesTests
{
    private static AlertRuleInput Threshold() => new() { Name = "Artillery in the north", Kind = "threshold", Type = "artillery", Sector = "north", Threshold = 12, WindowMinutes = 60 };

    private static (AlertRule? Rule, IDictionary<string, string[]> Errors) Read(AlertRuleInput input)
    {
        var errors = new ValidationErrors();
        return (AlertRuleRules.Read(input, errors), errors.ToDictionary());
    }

    [Fact]
    public void A_threshold_rule_reads_with_its_type_sector_threshold_and_window()
    {
        var (rule, errors) = Read(Threshold());

        Assert.Empty(errors);
        Assert.Equal((AlertRuleKind.Threshold, EventType.Artillery, "north", 12, 60, true), (rule!.Kind, rule.Type, rule.SectorCode, rule.Threshold, rule.WindowMinutes, rule.IsEnabled));
    }

    [Theory]
    [InlineData(0, 60, "threshold")]
    [InlineData(10_001, 60, "threshold")]
    [InlineData(12, 0, "windowMinutes")]
    [InlineData(12, 10_081, "windowMinutes")]
    public void Numbers_outside_their_range_are_named(int threshold, int window, string field)
    {
        var input = Threshold();
        (input.Threshold, input.WindowMinutes) = (threshold, window);

        var (rule, errors) = Read(input);

        Assert.Null(rule);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void The_edges_of_each_range_are_allowed()
    {
        var low = Threshold();
        (low.Threshold, low.WindowMinutes) = (1, 1);
        var high = Threshold();
        (high.Threshold, high.WindowMinutes) = (10_000, 7 * 24 * 60);

        Assert.Empty(Read(low).Errors);
        Assert.Empty(Read(high).Errors);
    }

    [Fact]
    public void A_threshold_rule_needs_a_type_a_threshold_and_a_window_and_names_no_agreement()
    {
        var (_, errors) = Read(new AlertRuleInput { Name = "x", Kind = "threshold", Type = "shelling", Agreement = "minsk-ii" });

        Assert.Equal(["agreement", "threshold", "type", "windowMinutes"], errors.Keys.Order());
    }

    [Fact]
    public void A_verified_violation_rule_counts_nothing_and_names_a_provision_only_within_an_agreement()
    {
        var (any, anyErrors) = Read(new AlertRuleInput { Name = "Any verified violation", Kind = "verified-violation" });
        var (_, errors) = Read(new AlertRuleInput { Name = "x", Kind = "verified-violation", Threshold = 3, Provision = 2 });
        var (_, range) = Read(new AlertRuleInput { Name = "x", Kind = "verified-violation", Agreement = "minsk-ii", Provision = 0 });

        Assert.Empty(anyErrors);
        Assert.Equal((AlertRuleKind.VerifiedViolation, null, null), (any!.Kind, any.AgreementKey, any.ProvisionNumber));
        Assert.Equal(["provision", "threshold"], errors.Keys.Order());
        Assert.Equal(["provision"], range.Keys);
    }

    [Fact]
    public void A_rule_without_a_name_or_kind_is_refused_naming_both()
    {
        var (_, errors) = Read(new AlertRuleInput { Kind = "sometimes" });

        Assert.Equal(["kind", "name"], errors.Keys.Order());
    }
}
