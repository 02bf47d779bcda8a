using Truce.Core.Security;

namespace Truce.Core.Tests.Security;

/// <summary>The marking of a record made of others: readable only by those who may read every part.</summary>
public sealed class MostRestrictiveTests
{
    [Fact]
    public void Levels_narrow_and_REL_TO_lists_intersect()
    {
        var coalition = MostRestrictive.Of([Marking.Of(MarkingLevel.Public), Marking.Coalition()]);
        var both = MostRestrictive.Of([Marking.Coalition(), Marking.Of(MarkingLevel.RelTo, ["GBR", "FRA"]), Marking.Of(MarkingLevel.RelTo, ["FRA", "POL"])]);
        var none = MostRestrictive.Of([Marking.Of(MarkingLevel.RelTo, ["GBR"]), Marking.Of(MarkingLevel.RelTo, ["POL"])]);

        Assert.Equal("COALITION", coalition.ToString());
        Assert.Equal("REL TO FRA", both.ToString());
        Assert.Equal((MarkingLevel.National, (string?)null), (none.Level, none.Owner));
    }

    [Fact]
    public void A_national_part_keeps_its_owner_only_where_every_list_names_it()
    {
        var kept = MostRestrictive.Of([Marking.Of(MarkingLevel.National, owner: "GBR"), Marking.Of(MarkingLevel.RelTo, ["GBR", "FRA"])]);
        var lost = MostRestrictive.Of([Marking.Of(MarkingLevel.National, owner: "GBR"), Marking.Of(MarkingLevel.RelTo, ["FRA"])]);
        var two = MostRestrictive.Of([Marking.Of(MarkingLevel.National, owner: "GBR"), Marking.Of(MarkingLevel.National, owner: "FRA")]);

        Assert.Equal("NATIONAL GBR", kept.ToString());
        Assert.Null(lost.Owner);
        Assert.Null(two.Owner);
    }
}
