using Truce.Core.Candidates;
using Truce.Core.Positions;
using Truce.Core.Security;
using Truce.Core.Sources;

namespace Truce.Core.Tests.Candidates;

/// <summary>Candidates found by general rules in sentences written here: a pledge with a number, a condition, a position, and what is neither.</summary>
public sealed class CandidateFinderTests
{
    private static readonly HashSet<string> Members = ["GBR", "FRA", "DEU", "ITA", "eu-commission"];

    private static readonly PledgeOnFile GbrTroops = new(7, "GBR", "UK ground forces for a post-ceasefire force", "troops", "ground forces (reassurance contingent)", ["after-ceasefire", "us-backstop"]);

    private static readonly PledgeOnFile GbrShips = new(8, "GBR", "UK ships for the Black Sea", "maritime", "mine countermeasures", ["after-ceasefire"]);

    private static readonly NegotiationIssue[] Issues =
    [
        Issue("foreign-troops", "Foreign troops in Ukraine", ["UKR", "RUS", "USA", "coalition"], ("none", "no foreign troops"), ("reassurance-force", "a reassurance force after a ceasefire")),
        Issue("nato-membership", "NATO membership", ["UKR", "RUS", "USA"], ("membership", "Ukraine joins NATO"), ("not-now", "no NATO membership for now")),
        Issue("security-guarantees", "Security guarantees", ["UKR", "RUS", "USA", "coalition"], ("us-backstop", "a force with a US backstop"), ("none", "no guarantees")),
        Issue("sanctions", "Sanctions on Russia", ["UKR", "RUS", "USA", "coalition"], ("tighten", "tighten sanctions"), ("lift-all", "lift all sanctions")),
    ];

    private static CandidateFinder Finder() => new(Members, [GbrTroops, GbrShips], new StatementIssues(Issues));

    [Fact]
    public void A_member_announcing_a_number_of_troops_is_proposed_as_a_source_of_its_matching_pledge()
    {
        var document = Document(("We are ready to put 10,000 troops on the ground", "keir-starmer", "GBR", "Keir Starmer"));

        var found = Finder().Find(document);

        var source = Assert.Single(found, c => c.Kind == CandidateKind.PledgeSource);
        Assert.Equal((7, "GBR", "troops"), (source.PledgeId, source.MemberCode, source.Category));
        Assert.Contains("10,000 troops", source.Reason, StringComparison.Ordinal);
        Assert.Contains("category troops", source.Reason, StringComparison.Ordinal);
        Assert.Equal((document.Statements[0].Start, document.Statements[0].End), (source.Start, source.End));
    }

    [Fact]
    public void A_number_of_aircraft_with_no_matching_pledge_is_proposed_as_a_new_pledge_with_its_quantity()
    {
        var document = Document(("Italy will offer twelve fighter jets to police the skies", "giorgia-meloni", "ITA", "Giorgia Meloni"));

        var pledge = Assert.Single(Finder().Find(document));

        Assert.Equal((CandidateKind.NewPledge, "ITA", "air", 12L, "aircraft"), (pledge.Kind, pledge.MemberCode, pledge.Category, pledge.Quantity, pledge.Unit));
        Assert.Contains("proposed as a new pledge", pledge.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_of_money_is_a_new_pledge_of_military_aid_in_its_currency()
    {
        var document = Document(("Germany will provide €3 billion in military aid this year", "friedrich-merz", "DEU", "Friedrich Merz"));

        var pledge = Assert.Single(Finder().Find(document));

        Assert.Equal(("military-aid", 3_000_000_000L, "EUR"), (pledge.Category, pledge.Amount, pledge.Currency));
    }

    [Fact]
    public void A_condition_alone_conditions_the_members_pledge_and_is_a_position_of_the_coalition_on_guarantees()
    {
        var document = Document(("Any deployment will only happen after a ceasefire and provided there is a US backstop", "keir-starmer", "GBR", "Keir Starmer"));

        var found = Finder().Find(document);

        var source = Assert.Single(found, c => c.Kind == CandidateKind.PledgeSource);
        Assert.Equal(7, source.PledgeId);
        Assert.Equal(["us-backstop", "after-ceasefire"], source.Conditions);
        var position = Assert.Single(found, c => c.Kind == CandidateKind.Position);
        Assert.Equal(("security-guarantees", "coalition"), (position.IssueCode, position.PartyCode));
        Assert.Contains("coalition member", position.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_on_an_issue_by_a_party_is_proposed_as_its_position_and_not_as_a_pledge()
    {
        var document = Document(("Ukraine's membership of NATO is out of the question, and 600,000 troops is the most its army may keep", "vladimir-putin", "RUS", "Vladimir Putin"));

        var found = Finder().Find(document);

        var position = Assert.Single(found);
        Assert.Equal((CandidateKind.Position, "nato-membership", "RUS"), (position.Kind, position.IssueCode, position.PartyCode));
        Assert.Contains("membership of NATO", position.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_that_is_neither_or_has_no_actor_proposes_nothing()
    {
        var document = Document(
            ("The weather in London was lovely and the talks were friendly", "keir-starmer", "GBR", "Keir Starmer"),
            ("We will send 5,000 troops and tighten sanctions", null, null, "an official"));

        Assert.Empty(Finder().Find(document));
    }

    [Fact]
    public void A_candidate_carries_its_documents_marking()
    {
        var document = Document(("We will tighten sanctions on Russia", "emmanuel-macron", "FRA", "Emmanuel Macron"));
        document.Marking = Marking.Of(MarkingLevel.RelTo, ["FRA", "GBR"]);

        var position = Assert.Single(Finder().Find(document));

        Assert.Equal(("sanctions", "coalition", "REL TO FRA, GBR"), (position.IssueCode, position.PartyCode, position.Marking.ToString()));
    }

    [Theory]
    [InlineData("Our pledge of two frigates stands", "maritime", 2L)]
    [InlineData("We can contribute up to 1,500 soldiers", "troops", 1500L)]
    [InlineData("Britain will lend £2.26 billion to Ukraine", "funding", null)]
    [InlineData("We are prepared to back this with boots on the ground", "troops", null)]
    public void Pledge_words_name_the_category_and_the_number(string quote, string category, long? quantity)
    {
        var signal = Assert.Single(PledgeWords.Signals(quote));

        Assert.Equal((category, quantity), (signal.Category, signal.Quantity));
    }

    [Theory]
    [InlineData("only with a UN mandate", "un-mandate")]
    [InlineData("once a ceasefire is in place", "after-ceasefire")]
    [InlineData("to support Ukraine in the event of a ceasefire", "after-ceasefire")]
    [InlineData("it would go to a vote in Parliament", "parliamentary-approval")]
    [InlineData("if the Americans provide a backstop", "us-backstop")]
    public void Condition_words_name_the_condition(string quote, string kind)
    {
        Assert.Equal(kind, Assert.Single(PledgeWords.Conditions(quote)).Kind);
    }

    private static SourceDocument Document(params (string Quote, string? Actor, string? OnBehalfOf, string Speaker)[] said)
    {
        var body = string.Join("\n\n", said.Select(s => $"“{s.Quote},” {s.Speaker} said."));
        var statements = new List<DocumentStatement>();
        var at = 0;
        foreach (var s in said)
        {
            var start = body.IndexOf(s.Quote, at, StringComparison.Ordinal);
            at = start + s.Quote.Length;
            var speaker = body.IndexOf(s.Speaker, at, StringComparison.Ordinal);
            statements.Add(new DocumentStatement
            {
                Type = StatementType.Direct,
                Start = start,
                End = at,
                SpeakerStart = speaker,
                SpeakerEnd = speaker + s.Speaker.Length,
                SpeakerName = s.Speaker,
                ActorCode = s.Actor,
                OnBehalfOf = s.OnBehalfOf,
                Cue = "said",
            });
        }

        return new SourceDocument { Id = 3, Title = "Test", Date = new DateOnly(2025, 12, 3), Body = body, BodyHash = SourceDocument.HashOf(body), Statements = statements };
    }

    private static NegotiationIssue Issue(string code, string title, string[] parties, params (string Code, string Words)[] options) => new()
    {
        Code = code,
        Title = title,
        Kind = IssueKind.Options,
        Parties = [.. parties],
        Options = [.. options.Select(o => new IssueOption { Code = o.Code, Words = o.Words })],
    };
}
