using Truce.Core.Agreements;
using Truce.Core.Geography;
using Truce.Core.Monitoring;

namespace Truce.Core.Tests.Monitoring;

/// <summary>Each kind of provision judges an observation on both sides of its boundaries, with the reason in words.</summary>
public sealed class AdjudicationTests
{
    private static readonly DateTimeOffset March18 = new(2025, 3, 18, 0, 0, 0, TimeSpan.Zero);

    private static Agreement InForce(string key, string title, DateTimeOffset from, int? days, params Provision[] provisions)
    {
        var agreement = new Agreement { Key = key, Title = title, ProposedOn = DateOnly.FromDateTime(from.UtcDateTime), EffectiveFrom = from, DurationDays = days, Provisions = [.. provisions] };
        agreement.Parties.Add(new PartyAcceptance { ActorCode = "UKR", State = AcceptanceState.Accepted });
        Assert.True(Lifecycle.Move(agreement, AgreementStatus.InForce, from, "took effect", "test").IsEmpty);
        return agreement;
    }

    private static Observation Seen(EventType type, DateTimeOffset at, string? target = null, string? weapon = null, int? calibre = null) => new()
    {
        Source = "test", ExternalId = "1", Type = type, ObservedFrom = at, ObservedTo = at.AddMinutes(10), Target = target, Weapon = weapon, CalibreMm = calibre, Lat = 48.1, Lon = 37.6,
    };

    private static Finding Only(Observation o, Agreement a, params ZoneFact[] zones) =>
        Assert.Single(Adjudication.Judge(o, [a], (_, _) => zones, where: "Odesa oblast", lineDistanceKm: 23));

    private static readonly Agreement Moratorium = InForce("energy-strike-moratorium", "the energy moratorium", March18, 30,
        new Provision { Number = 1, Kind = ProvisionKind.StrikeMoratorium, TargetClasses = ["energy-infrastructure"] });

    [Fact]
    public void A_strike_on_energy_infrastructure_during_the_moratorium_is_a_violation_and_says_when_and_where()
    {
        var finding = Only(Seen(EventType.DroneStrike, new DateTimeOffset(2025, 3, 20, 2, 0, 0, TimeSpan.Zero), target: "energy-infrastructure"), Moratorium);

        Assert.Equal(Verdict.Violation, finding.Verdict);
        Assert.Equal("Strike on energy infrastructure in Odesa oblast on 20 Mar 2025, during the moratorium in force since 18 Mar 2025.", finding.Reason);
    }

    [Fact]
    public void A_strike_on_another_target_is_not_a_violation_and_one_on_an_unknown_target_is_undetermined()
    {
        var at = new DateTimeOffset(2025, 3, 20, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(Verdict.NotAViolation, Only(Seen(EventType.Missile, at, target: "military-depot"), Moratorium).Verdict);
        Assert.Equal(Verdict.Undetermined, Only(Seen(EventType.Missile, at), Moratorium).Verdict);
        Assert.Equal(Verdict.NotAViolation, Only(Seen(EventType.WeaponSighting, at, target: "energy-infrastructure"), Moratorium).Verdict);
    }

    [Fact]
    public void An_observation_whose_window_crosses_the_start_or_the_end_is_undetermined()
    {
        var start = Seen(EventType.DroneStrike, March18.AddMinutes(-5), target: "energy-infrastructure");
        var end = Seen(EventType.DroneStrike, March18.AddDays(30).AddMinutes(-5), target: "energy-infrastructure");

        Assert.Equal(Verdict.Undetermined, Only(start, Moratorium).Verdict);
        Assert.Equal(Verdict.Undetermined, Only(end, Moratorium).Verdict);
        Assert.Contains("not wholly within the time", Only(end, Moratorium).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostilities_break_a_cessation_in_its_domains_only()
    {
        var full = InForce("ceasefire", "the 30-day ceasefire", March18, 30, new Provision { Number = 1, Kind = ProvisionKind.Cessation });
        var sea = InForce("black-sea", "the Black Sea arrangement", March18, null, new Provision { Number = 1, Kind = ProvisionKind.Cessation, Domains = [Domain.Sea] });
        var at = new DateTimeOffset(2025, 3, 25, 12, 0, 0, TimeSpan.Zero);

        var shelling = Only(Seen(EventType.Artillery, at), full);
        Assert.Equal(Verdict.Violation, shelling.Verdict);
        Assert.Equal("Artillery in Odesa oblast on 25 Mar 2025, during the ceasefire of the 30-day ceasefire in force since 18 Mar 2025.", shelling.Reason);
        Assert.Equal(Verdict.NotAViolation, Only(Seen(EventType.WeaponSighting, at), full).Verdict);
        Assert.Equal(Verdict.NotAViolation, Only(Seen(EventType.Artillery, at), sea).Verdict);
    }

    [Fact]
    public void A_weapon_inside_its_withdrawal_zone_is_a_violation_across_its_border_undetermined_outside_not()
    {
        var minsk = InForce("minsk-ii", "Minsk II", new DateTimeOffset(2015, 2, 14, 22, 0, 0, TimeSpan.Zero), null, new Provision
        {
            Number = 2,
            Kind = ProvisionKind.WeaponWithdrawal,
            Reference = "point 2",
            CompleteWithinDays = 14,
            Withdrawals = [new WithdrawalRule { WeaponClass = "artillery-100mm-plus", Description = "artillery of 100 mm and more", DistanceKm = 25 }],
        });
        var after = new DateTimeOffset(2015, 4, 1, 9, 0, 0, TimeSpan.Zero);
        ZoneFact Zone(ZoneRelation relation) => new("UKR", "artillery-100mm-plus", 25, "line-of-contact", new DateOnly(2015, 2, 15), relation);

        var inside = Only(Seen(EventType.WeaponSighting, after, weapon: "artillery", calibre: 152), minsk, Zone(ZoneRelation.Inside));
        Assert.Equal(Verdict.Violation, inside.Verdict);
        Assert.Equal("152 mm artillery seen 23 km from the line of contact, inside the 25 km zone of Minsk II, point 2 (UKR; baseline: the line of contact as of 15 Feb 2015).", inside.Reason);
        Assert.Equal(Verdict.Undetermined, Only(Seen(EventType.WeaponSighting, after, weapon: "artillery", calibre: 152), minsk, Zone(ZoneRelation.Straddles)).Verdict);
        Assert.Equal(Verdict.NotAViolation, Only(Seen(EventType.WeaponSighting, after, weapon: "artillery", calibre: 152), minsk, Zone(ZoneRelation.Outside)).Verdict);

        // Smaller guns are outside this provision; a gun of unknown calibre cannot be judged; during the withdrawal period it is not yet a breach.
        Assert.Equal(Verdict.NotAViolation, Only(Seen(EventType.WeaponSighting, after, weapon: "artillery", calibre: 85), minsk, Zone(ZoneRelation.Inside)).Verdict);
        Assert.Equal(Verdict.Undetermined, Only(Seen(EventType.WeaponSighting, after, weapon: "artillery"), minsk, Zone(ZoneRelation.Inside)).Verdict);
        var early = Only(Seen(EventType.WeaponSighting, new DateTimeOffset(2015, 2, 20, 9, 0, 0, TimeSpan.Zero), weapon: "artillery", calibre: 152), minsk, Zone(ZoneRelation.Inside));
        Assert.Equal(Verdict.NotAViolation, early.Verdict);
        Assert.Contains("had until 28 Feb 2015", early.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Presence_in_a_disengagement_area_and_a_restriction_of_the_monitors_are_violations()
    {
        var at = new DateTimeOffset(2016, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var framework = InForce("framework", "the disengagement framework", new DateTimeOffset(2016, 9, 21, 0, 0, 0, TimeSpan.Zero), null,
            new Provision { Number = 1, Kind = ProvisionKind.DisengagementArea, AreaText = "at Zolote" },
            new Provision { Number = 2, Kind = ProvisionKind.FreedomOfMovement, MonitorCode = "osce" });
        ZoneFact Area(ZoneRelation relation) => new(null, null, null, null, null, relation);

        var sighting = Adjudication.Judge(Seen(EventType.WeaponSighting, at, weapon: "tank"), [framework], (_, p) => p.Number == 1 ? [Area(ZoneRelation.Inside)] : []);
        var blocked = Adjudication.Judge(Seen(EventType.RestrictionOfMovement, at), [framework], (_, p) => p.Number == 1 ? [Area(ZoneRelation.Outside)] : []);

        Assert.Equal([Verdict.Violation, Verdict.NotAViolation], sighting.Select(f => f.Verdict));
        Assert.Equal("Weapon sighting inside the disengagement area at Zolote.", sighting[0].Reason);
        Assert.Equal([Verdict.NotAViolation, Verdict.Violation], blocked.Select(f => f.Verdict));
    }

    [Theory]
    [InlineData("artillery", 152, "artillery-100mm-plus")]
    [InlineData("artillery", 85, "artillery-under-100mm")]
    [InlineData("mortar", 120, "mortars-up-to-120mm")]
    [InlineData("mortar", 240, "artillery-100mm-plus")]
    [InlineData("heavy-mlrs", null, "mlrs-heavy-tactical-missiles")]
    [InlineData("small-arms", null, null)]
    public void A_weapon_falls_in_the_withdrawal_class_the_provisions_name(string weapon, int? calibre, string? expected)
    {
        Assert.Equal(expected, WeaponClasses.Of(weapon, calibre).Class);
    }

    [Theory]
    [InlineData("B2", true)]
    [InlineData("f6", true)]
    [InlineData("G1", false)]
    [InlineData("A7", false)]
    [InlineData("A", false)]
    public void An_Admiralty_grading_is_a_letter_A_to_F_and_a_digit_1_to_6(string text, bool valid)
    {
        Assert.Equal(valid, Grading.TryParse(text, out _));
    }
}
