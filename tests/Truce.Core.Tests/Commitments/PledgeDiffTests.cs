using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Core.Tests.Commitments;

public sealed class PledgeDiffTests
{
    private static PledgeView View(Action<Pledge>? change = null)
    {
        var pledge = new Pledge { Id = 1, MemberCode = "GBR", Title = "x", UpdatedBy = "a", Version = 1 };
        PledgeRules.Apply(PledgeBuilder.Valid(), pledge, null, false);
        change?.Invoke(pledge);
        return PledgeView.From(pledge, "United Kingdom");
    }

    [Fact]
    public void A_changed_quantity_and_stage_are_listed_with_before_and_after()
    {
        var before = View();
        var after = View(p =>
        {
            p.Quantity = 8;
            p.Stage = PledgeStage.Committed;
            p.Version = 2;
            p.UpdatedBy = "planner";
        });

        var changes = PledgeDiff.Between(before, after, TruceJson.Options);

        Assert.Equal(2, changes.Count);
        Assert.Contains(new FieldChange("quantity", "4", "8"), changes);
        Assert.Contains(new FieldChange("stage", "announced", "committed"), changes);
    }

    [Fact]
    public void A_first_version_lists_every_field_it_sets()
    {
        var changes = PledgeDiff.Between(null, View(), TruceJson.Options);

        Assert.Contains(changes, c => c.Field == "title" && c.Before is null && c.After == "Air policing flight");
        Assert.Contains(changes, c => c.Field == "conditions");
        Assert.DoesNotContain(changes, c => c.Field == "version");
    }
}
