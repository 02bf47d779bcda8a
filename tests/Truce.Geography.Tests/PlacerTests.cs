namespace Truce.Geography.Tests;

/// <summary>Known towns on the layers Truce ships (OpenStreetMap's units, the illustrative line of March 2025).</summary>
public sealed class PlacerTests
{
    private static readonly Placer Shipped = Placer.Shipped();

    [Theory]
    [InlineData("Kramatorsk", 48.7389, 37.5844, "UA-14", "UKR")]
    [InlineData("Pokrovsk", 48.2820, 37.1760, "UA-14", "UKR")]
    [InlineData("Melitopol", 46.8489, 35.3653, "UA-23", "RUS")]
    [InlineData("Kherson", 46.6354, 32.6169, "UA-65", "UKR")]   // just outside the oblast polygon, inside its raion
    [InlineData("Odesa", 46.4825, 30.7233, "UA-51", "UKR")]
    [InlineData("Kyiv", 50.4501, 30.5234, "UA-32", "UKR")]      // no raion, and the oblast layer draws no unit for the city (UA-30): Kyiv oblast's polygon holds it
    [InlineData("Luhansk", 48.5740, 39.3078, "UA-09", "RUS")]   // KATOTTH UA44 is ISO UA-09
    public void Known_towns_fall_in_their_oblast_on_their_side(string town, double lat, double lon, string oblast, string side)
    {
        var place = Shipped.Locate(lat, lon);

        Assert.True(oblast == place.Oblast, $"{town}: {place}");
        Assert.True(side == place.Side, $"{town}: {place}");
    }

    [Fact]
    public void Towns_near_the_line_are_nearer_to_it_than_towns_far_from_it()
    {
        var kramatorsk = Shipped.Locate(48.7389, 37.5844).LineDistanceKm!.Value;
        var kyiv = Shipped.Locate(50.4501, 30.5234).LineDistanceKm!.Value;

        Assert.InRange(kramatorsk, 1, 60);
        Assert.InRange(kyiv, 400, 800);
    }

    [Fact]
    public void A_point_outside_Ukraine_has_no_oblast_and_no_side()
    {
        var warsaw = Shipped.Locate(52.2297, 21.0122);

        Assert.Equal((null, null, null), (warsaw.Oblast, warsaw.Raion, warsaw.Side));
    }

    [Theory]
    [InlineData("UA14160000000000000", "UA-14")]
    [InlineData("UA44020000000000000", "UA-09")]
    [InlineData("UA73040000000000000", "UA-77")]
    public void A_KATOTTH_code_names_its_oblast_in_ISO_3166_2(string katotth, string iso)
    {
        Assert.Equal(iso, Placer.OblastOf(katotth));
    }
}
