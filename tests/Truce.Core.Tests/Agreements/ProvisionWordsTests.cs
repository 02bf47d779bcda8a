using Truce.Core.Agreements;

namespace Truce.Core.Tests.Agreements;

/// <summary>Provisions said in plain words from their data, sentence by sentence as a monitor reads them.</summary>
public sealed class ProvisionWordsTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["UKR"] = "Ukraine",
        ["donbas-formations"] = "The armed formations of certain areas",
        ["osce"] = "The OSCE Special Monitoring Mission",
    };

    private static IReadOnlyList<string> Words(Provision p) => ProvisionWords.Of(p, code => Names.GetValueOrDefault(code, code));

    [Fact]
    public void A_cessation_with_no_domains_covers_all_three()
    {
        // An empty list means every domain, so it reads the same as one that lists all three.
        var none = new Provision { Kind = ProvisionKind.Cessation };
        var all = new Provision { Kind = ProvisionKind.Cessation, Domains = [Domain.Air, Domain.Land, Domain.Sea] };

        Assert.Equal(["All hostilities cease on land, at sea and in the air."], Words(none));
        Assert.Equal(Words(none), Words(all));
    }

    [Fact]
    public void A_cessation_at_sea_says_only_the_sea()
    {
        var p = new Provision { Kind = ProvisionKind.Cessation, Domains = [Domain.Sea], AreaText = "in the Black Sea" };

        Assert.Equal(["All hostilities cease at sea in the Black Sea."], Words(p));
    }

    [Fact]
    public void A_cessation_in_two_domains_joins_them_with_and()
    {
        var p = new Provision { Kind = ProvisionKind.Cessation, Domains = [Domain.Land, Domain.Air] };

        Assert.Equal(["All hostilities cease on land and in the air."], Words(p));
    }

    [Fact]
    public void A_domain_listed_twice_does_not_make_three()
    {
        // Three entries are not three domains: land and sea twice over is still no cessation in the air.
        var p = new Provision { Kind = ProvisionKind.Cessation, Domains = [Domain.Land, Domain.Sea, Domain.Sea] };

        Assert.Equal(["All hostilities cease on land and at sea."], Words(p));
    }

    [Fact]
    public void A_strike_moratorium_names_its_targets_in_words()
    {
        var p = new Provision { Kind = ProvisionKind.StrikeMoratorium, TargetClasses = ["energy-infrastructure"] };

        Assert.Equal(["No strikes on energy infrastructure."], Words(p));
    }

    [Fact]
    public void A_withdrawal_says_for_each_party_its_own_line_and_date_and_when_it_is_complete()
    {
        // Minsk II: Ukraine measured from the line of contact on the day it took effect, the formations from
        // the line of the Minsk Memorandum of 19 September 2014.
        var p = new Provision
        {
            Kind = ProvisionKind.WeaponWithdrawal,
            Withdrawals =
            [
                new WithdrawalRule { WeaponClass = "artillery-100mm-plus", Description = "artillery of 100 mm calibre and more", DistanceKm = 25 },
                new WithdrawalRule { WeaponClass = "mlrs", Description = "multiple rocket launchers", DistanceKm = 35 },
            ],
            Baselines =
            [
                new Baseline { ActorCode = "UKR", LayerKey = "line-of-contact", AsOf = new DateOnly(2015, 2, 15) },
                new Baseline { ActorCode = "donbas-formations", LayerKey = "minsk-memorandum-line", AsOf = new DateOnly(2014, 9, 19) },
            ],
            CompleteWithinDays = 14,
        };

        Assert.Equal(
            [
                "Ukraine keeps artillery of 100 mm calibre and more at least 25 km back from the line of contact as of 15 Feb 2015.",
                "Ukraine keeps multiple rocket launchers at least 35 km back from the line of contact as of 15 Feb 2015.",
                "The armed formations of certain areas keeps artillery of 100 mm calibre and more at least 25 km back from the minsk memorandum line as of 19 Sep 2014.",
                "The armed formations of certain areas keeps multiple rocket launchers at least 35 km back from the minsk memorandum line as of 19 Sep 2014.",
                "The withdrawal is complete within 14 days of the agreement taking effect.",
            ],
            Words(p));
    }

    [Fact]
    public void A_rule_for_one_party_is_said_only_for_that_party()
    {
        var p = new Provision
        {
            Kind = ProvisionKind.WeaponWithdrawal,
            Withdrawals = [new WithdrawalRule { WeaponClass = "tanks", Description = "tanks", DistanceKm = 15.5, ActorCode = "UKR" }],
            Baselines =
            [
                new Baseline { ActorCode = "UKR", LayerKey = "line-of-contact", AsOf = new DateOnly(2015, 9, 29) },
                new Baseline { ActorCode = "donbas-formations", LayerKey = "line-of-contact", AsOf = new DateOnly(2015, 9, 29) },
            ],
        };

        Assert.Equal(["Ukraine keeps tanks at least 15.5 km back from the line of contact as of 29 Sep 2015."], Words(p));
    }

    [Theory]
    [InlineData(25, "25 km")]
    [InlineData(0.5, "0.5 km")]
    [InlineData(12.34, "12.3 km")]
    public void Distances_are_said_to_a_tenth_of_a_kilometre(double km, string said)
    {
        Assert.Equal(said, ProvisionWords.Km(km));
    }

    [Fact]
    public void Freedom_of_movement_names_the_monitors()
    {
        var p = new Provision { Kind = ProvisionKind.FreedomOfMovement, MonitorCode = "osce", AreaText = "to verify the ceasefire" };

        Assert.Equal(["The OSCE Special Monitoring Mission may move freely and unhindered to verify the ceasefire, without prior notice."], Words(p));
    }

    [Fact]
    public void Freedom_of_movement_for_no_named_monitor_speaks_of_the_monitors()
    {
        var p = new Provision { Kind = ProvisionKind.FreedomOfMovement };

        Assert.Equal(["The monitors may move freely and unhindered, without prior notice."], Words(p));
    }
}
