using Truce.Core.Common;
using Truce.Core.Monitoring;

namespace Truce.Core.Tests.Monitoring;

/// <summary>An observation as sent is checked field by field, each fault named with what was expected.</summary>
public sealed class ObservationRulesTests
{
    private static ObservationInput Valid() => new()
    {
        Source = "osce-team-3",
        ExternalId = "2015-04-01-17",
        ObservedFrom = new DateTimeOffset(2015, 4, 1, 10, 12, 0, TimeSpan.FromHours(3)),
        ObservedTo = new DateTimeOffset(2015, 4, 1, 10, 40, 0, TimeSpan.FromHours(3)),
        Type = "explosion",
        Count = 7,
        Lat = 48.1,
        Lon = 37.9,
        Sector = new SectorInput { FromBearing = 247.5, ToBearing = 315, MinMetres = 1_000, MaxMetres = 7_000 },
        Weapon = "mortar",
        CalibreMm = 120,
        Direction = "incoming",
        Casualties = new CasualtiesInput { Best = 1, Low = 1, High = 2 },
        Attachments = [new string('a', 64)],
        Grading = "b2",
    };

    [Fact]
    public void A_valid_observation_reads_into_one_in_UTC_with_its_sector_and_grading()
    {
        var errors = new ValidationErrors();

        var o = ObservationRules.Read(Valid(), errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(new DateTimeOffset(2015, 4, 1, 7, 12, 0, TimeSpan.Zero), o!.ObservedFrom);
        Assert.Equal(TimeSpan.Zero, o.ObservedFrom.Offset);
        Assert.Equal(new BearingSector(247.5, 315, 1_000, 7_000), o.Sector);
        Assert.Equal("B2", o.Grading.ToString());
        Assert.Equal((EventType.Explosion, 7, FireDirection.Incoming), (o.Type, o.Count, o.Direction));
    }

    public static TheoryData<string, Action<ObservationInput>> Faults => new()
    {
        { "source", i => i.Source = "OSCE Team 3" },
        { "externalId", i => i.ExternalId = " " },
        { "observedFrom", i => i.ObservedFrom = null },
        { "observedTo", i => i.ObservedTo = i.ObservedFrom!.Value.AddMinutes(-1) },
        { "observedTo", i => i.ObservedTo = i.ObservedFrom!.Value.AddDays(40) },
        { "type", i => i.Type = "shelling" },
        { "count", i => i.Count = 0 },
        { "lat", i => i.Lat = 91 },
        { "lon", i => i.Lon = double.NaN },
        { "radiusMetres", i => i.RadiusMetres = 150_000 },
        { "sector.fromBearing", i => i.Sector!.FromBearing = 400 },
        { "sector.maxMetres", i => i.Sector!.MinMetres = 9_000 },
        { "weapon", i => i.Weapon = "catapult" },
        { "calibreMm", i => i.CalibreMm = 0 },
        { "direction", i => i.Direction = "sideways" },
        { "casualties", i => i.Casualties!.Low = 3 },
        { "attachments[0]", i => i.Attachments = ["not-a-hash"] },
        { "grading", i => i.Grading = "G7" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_is_named_by_its_field(string field, Action<ObservationInput> spoil)
    {
        var input = Valid();
        spoil(input);
        var errors = new ValidationErrors();

        var o = ObservationRules.Read(input, errors);

        Assert.Null(o);
        Assert.True(errors.Has(field), $"expected {field}, got {errors}");
        Assert.Equal(1, errors.Count);
    }
}
