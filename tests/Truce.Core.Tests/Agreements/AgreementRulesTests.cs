using System.Text.Json;
using NetTopologySuite.Geometries;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Testing;

namespace Truce.Core.Tests.Agreements;

/// <summary>An agreement as a client writes it, read into a proposal, or refused with every field at fault named by its path.</summary>
public sealed class AgreementRulesTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly JsonElement SomeArea = JsonDocument.Parse("""{ "type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 49], [37, 48]]] }""").RootElement;

    /// <summary>A minimal Minsk-like agreement: two parties, a withdrawal first (so its fields are <c>provisions[0]</c>), a cessation and a strike moratorium.</summary>
    private static AgreementInput Valid() => new()
    {
        Key = "test-framework",
        Title = "Test framework for a ceasefire",
        Kind = "peace-framework",
        ProposedOn = new DateOnly(2015, 2, 12),
        EffectiveFrom = new DateTimeOffset(2015, 2, 15, 0, 0, 0, TimeSpan.FromHours(2)),
        Parties =
        [
            new PartyInput { Actor = "UKR", State = "accepted", On = new DateOnly(2015, 2, 12) },
            new PartyInput { Actor = "donbas-formations", State = "accepted-with-conditions", Conditions = "Elections first" },
        ],
        Roles = [new RoleInput { Actor = "osce", Role = "monitor" }],
        Links = [new LinkInput { Agreement = "minsk-protocol", Kind = "implements" }],
        Provisions =
        [
            new ProvisionInput
            {
                Kind = "weapon-withdrawal",
                Withdrawals = [new WithdrawalInput { WeaponClass = "artillery-100mm-plus", Description = "artillery of 100 mm calibre and more", DistanceKm = 25 }],
                Baselines =
                [
                    new BaselineInput { Actor = "UKR", Layer = "line-of-contact", AsOf = new DateOnly(2015, 2, 15) },
                    new BaselineInput { Actor = "donbas-formations", Layer = "minsk-memorandum-line", AsOf = new DateOnly(2014, 9, 19) },
                ],
                CompleteWithinDays = 14,
            },
            new ProvisionInput { Kind = "cessation", Domains = ["land", "air"] },
            new ProvisionInput { Kind = "strike-moratorium", Targets = ["energy-infrastructure"] },
        ],
        Sources = [new CitationInput { Url = "https://example.org/agreement", Publisher = "Example" }],
        Marking = new MarkingInput { Level = "rel-to", RelTo = ["GBR", "FRA"] },
    };

    // The geography module's reader stood in for: one that finds no area in what it was given, and one that finds a square.
    private static Geometry? NoArea(JsonElement area, string field, ValidationErrors errors)
    {
        errors.Add(field, "Not a polygon.");
        return null;
    }

    private static Geometry? Square(JsonElement area, string field, ValidationErrors errors) =>
        Factory.CreatePolygon([new(37, 48), new(38, 48), new(38, 49), new(37, 49), new(37, 48)]);

    private static (Agreement? Agreement, IDictionary<string, string[]> Errors) Read(AgreementInput input, Func<JsonElement, string, ValidationErrors, Geometry?>? readArea = null)
    {
        var errors = new ValidationErrors();
        var agreement = AgreementRules.Read(input, errors, readArea ?? NoArea);
        return (agreement, errors.ToDictionary());
    }

    /// <summary>Reads <paramref name="input"/>, expecting a refusal that names <paramref name="field"/> and nothing else.</summary>
    private static string RefusedAt(AgreementInput input, string field, Func<JsonElement, string, ValidationErrors, Geometry?>? readArea = null)
    {
        var (agreement, errors) = Read(input, readArea);

        Assert.Null(agreement);
        Assert.Equal([field], errors.Keys);
        return errors[field][0];
    }

    [Fact]
    public void A_valid_input_reads_into_a_proposal()
    {
        var (agreement, errors) = Read(Valid());

        Assert.Empty(errors);
        Assert.NotNull(agreement);
        Assert.Equal(AgreementStatus.Proposed, agreement.Status);
        Assert.Empty(agreement.History);
        Assert.Equal(("test-framework", AgreementKind.PeaceFramework), (agreement.Key, agreement.Kind));
        Assert.Equal(new DateTimeOffset(2015, 2, 14, 22, 0, 0, TimeSpan.Zero), agreement.EffectiveFrom); // midnight Kyiv time, in UTC
        Assert.Equal(["UKR", "donbas-formations"], agreement.Parties.Select(p => p.ActorCode));
        Assert.Equal("Elections first", agreement.Parties[1].Conditions);
        Assert.Equal([ProvisionKind.WeaponWithdrawal, ProvisionKind.Cessation, ProvisionKind.StrikeMoratorium], agreement.Provisions.Select(p => p.Kind));
        Assert.Equal([Domain.Land, Domain.Air], agreement.Provisions[1].Domains);
        Assert.Equal("minsk-memorandum-line", agreement.Provisions[0].Baselines[1].LayerKey);
    }

    [Fact]
    public void Provisions_are_numbered_from_1_and_carry_copies_of_the_agreements_marking()
    {
        var (agreement, _) = Read(Valid());

        Assert.NotNull(agreement);
        Assert.Equal([1, 2, 3], agreement.Provisions.Select(p => p.Number));
        Assert.Equal(MarkingLevel.RelTo, agreement.Marking.Level);
        Expect.All(agreement.Provisions, p =>
        {
            Assert.True(p.Marking.SameAs(agreement.Marking), p.Marking.ToString());

            // Its own instance: a store that tracks each record's marking must not see two records share one.
            Assert.NotSame(agreement.Marking, p.Marking);
        });
        Assert.NotSame(agreement.Provisions[0].Marking, agreement.Provisions[1].Marking);
    }

    [Fact]
    public void Without_a_marking_an_agreement_and_its_provisions_are_coalition()
    {
        var input = Valid();
        input.Marking = null;

        var (agreement, _) = Read(input);

        Assert.NotNull(agreement);
        Assert.Equal(MarkingLevel.Coalition, agreement.Marking.Level);
        Expect.All(agreement.Provisions, p => Assert.Equal(MarkingLevel.Coalition, p.Marking.Level));
    }

    [Theory]
    [InlineData("Minsk II")]
    [InlineData("minsk_ii")]
    [InlineData("-minsk")]
    [InlineData("minsk--ii")]
    public void A_key_that_is_not_kebab_case_is_refused(string key)
    {
        var input = Valid();
        input.Key = key;

        var message = RefusedAt(input, "key");

        Assert.Contains("minsk-ii", message, StringComparison.Ordinal); // the message shows what a key looks like
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_choices()
    {
        var input = Valid();
        input.Kind = "armistice";

        var message = RefusedAt(input, "kind");

        Assert.Contains("peace-framework", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_proposal_date_is_refused()
    {
        var input = Valid();
        input.ProposedOn = null;

        RefusedAt(input, "proposedOn");
    }

    [Fact]
    public void Acceptance_with_conditions_needs_the_conditions()
    {
        var input = Valid();
        input.Parties![1]!.Conditions = "  ";

        RefusedAt(input, "parties[1].conditions");
    }

    [Fact]
    public void A_party_listed_twice_is_refused()
    {
        var input = Valid();
        input.Parties![1] = new PartyInput { Actor = "UKR", State = "accepted" };

        var message = RefusedAt(input, "parties[1].actor");

        Assert.Contains("UKR", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(500.001)]
    [InlineData(501)]
    [InlineData(double.NaN)]
    public void A_withdrawal_distance_must_be_more_than_0_and_at_most_500_km(double km)
    {
        var input = Valid();
        input.Provisions![0]!.Withdrawals![0]!.DistanceKm = km;

        RefusedAt(input, "provisions[0].withdrawals[0].distanceKm");
    }

    [Fact]
    public void A_withdrawal_distance_of_exactly_500_km_is_allowed()
    {
        var input = Valid();
        input.Provisions![0]!.Withdrawals![0]!.DistanceKm = 500;

        var (agreement, errors) = Read(input);

        Assert.Empty(errors);
        Assert.Equal(500, agreement!.Provisions[0].Withdrawals[0].DistanceKm);
    }

    [Fact]
    public void A_weapon_withdrawal_needs_the_lines_it_is_measured_from()
    {
        var input = Valid();
        input.Provisions![0]!.Baselines = null;

        RefusedAt(input, "provisions[0].baselines");
    }

    [Fact]
    public void A_withdrawal_rule_for_a_party_with_no_baseline_is_refused()
    {
        // Its rule is for RUS, but only UKR and the formations have lines to measure from.
        var input = Valid();
        input.Provisions![0]!.Withdrawals![0]!.Actor = "RUS";

        var message = RefusedAt(input, "provisions[0].withdrawals");

        Assert.Contains("RUS", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strike_moratorium_names_what_it_protects()
    {
        var input = Valid();
        input.Provisions![2]!.Targets = [];

        RefusedAt(input, "provisions[2].targets");
    }

    [Fact]
    public void A_disengagement_area_without_an_area_is_refused()
    {
        var input = Valid();
        input.Provisions = [new ProvisionInput { Kind = "disengagement-area", AreaText = "around the plant" }];

        RefusedAt(input, "provisions[0].area", Square);
    }

    [Fact]
    public void An_area_the_reader_refuses_is_named_once_under_the_path_it_was_given()
    {
        // The reader names the field itself; the rules must not add a second "needs its polygon" on top.
        var input = Valid();
        input.Provisions = [new ProvisionInput { Kind = "disengagement-area", Area = SomeArea }];

        var message = RefusedAt(input, "provisions[0].area", NoArea);

        Assert.Equal("Not a polygon.", message);
    }

    [Fact]
    public void A_disengagement_area_keeps_the_polygon_the_reader_returns()
    {
        var input = Valid();
        input.Provisions = [new ProvisionInput { Kind = "disengagement-area", Area = SomeArea }];

        var (agreement, errors) = Read(input, Square);

        Assert.Empty(errors);
        Assert.Equal(1.0, agreement!.Provisions[0].Area!.Area, 9);
    }

    [Fact]
    public void An_agreement_cannot_link_to_itself()
    {
        var input = Valid();
        input.Links = [new LinkInput { Agreement = "test-framework", Kind = "amends" }];

        RefusedAt(input, "links[0].agreement");
    }

    [Fact]
    public void A_national_marking_is_refused()
    {
        var input = Valid();
        input.Marking = new MarkingInput { Level = "national" };

        RefusedAt(input, "marking.level");
    }

    [Fact]
    public void Several_faults_are_each_named()
    {
        var input = Valid();
        input.Key = "Minsk II";
        input.Parties![1]!.State = "maybe";
        input.Provisions![1]!.Domains = ["land", "space"];

        var (agreement, errors) = Read(input);

        Assert.Null(agreement);
        Assert.Equal(["key", "parties[1].state", "provisions[1].domains[1]"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
