using Truce.Testing;
using Truce.Core.Coalition;
using Truce.Core.Sources;

namespace Truce.Core.Tests.Sources;

/// <summary>
/// Each attribution pattern of news English on examples written for the test, the speaker resolved and linked at
/// the document's date, labels refused, and the seed article's statements linked to their actors.
/// </summary>
public sealed class StatementExtractorTests
{
    private static readonly DateOnly March2025 = new(2025, 3, 16);

    // Not in the demo data: a spokesman, and seats of government the demo's states do not list as aliases.
    private static readonly ActorDirectory Directory = DemoActors.Directory(
        DemoActors.Person("dmitry-peskov", "Dmitry Peskov", "Spokesman", "RUS", "2012-05-07", null, "Peskov"),
        new Actor { Code = "uk-government", Kind = ActorKind.Organisation, Name = "UK Government", Aliases = ["Downing Street", "Number 10"] });

    private static IReadOnlyList<Statement> Extract(string body, DateOnly? at = null) => StatementExtractor.Extract(body, at ?? March2025, Directory);

    private static Statement Only(string body, DateOnly? at = null) => Assert.Single(Extract(body, at));

    /// <summary>Every statement's span is the exact text it quotes, and the speaker's span the exact speaker.</summary>
    private static void SpansAreExact(string body, IReadOnlyList<Statement> found)
    {
        Expect.All(found, s =>
        {
            Assert.Equal(s.Quote, body[s.Start..s.End]);
            Assert.Equal(s.Speaker, body[s.SpeakerStart..s.SpeakerEnd]);
        });
    }

    [Fact]
    public void A_quotation_followed_by_name_and_verb_is_direct_speech_of_that_person()
    {
        const string body = "“We will not be intimidated,” Macron said.";

        var s = Only(body);

        Assert.Equal(StatementType.Direct, s.Type);
        Assert.Equal("We will not be intimidated", s.Quote);
        Assert.Equal(1, s.Start);
        Assert.Equal("Macron", s.Speaker);
        Assert.Equal("Emmanuel Macron", s.SpeakerName);
        Assert.Equal("emmanuel-macron", s.ActorCode);
        Assert.Equal("FRA", s.OnBehalfOf);
        Assert.Equal("said", s.Cue);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void A_quotation_followed_by_verb_and_name_is_attributed_to_the_name_after_the_verb()
    {
        const string body = "\"There is no room for compromise,\" said Sergei Lavrov.";

        var s = Only(body);

        Assert.Equal(StatementType.Direct, s.Type);
        Assert.Equal("There is no room for compromise", s.Quote);
        Assert.Equal("sergey-lavrov", s.ActorCode);
        Assert.Equal("Sergei Lavrov", s.Speaker);
    }

    [Fact]
    public void A_speaker_who_told_reporters_before_a_colon_owns_the_quotation_after_it()
    {
        const string body = "Tusk told reporters: “Polish soldiers will not go to Ukraine.”";

        var s = Only(body);

        Assert.Equal(StatementType.Direct, s.Type);
        Assert.Equal("told reporters", s.Cue);
        Assert.Equal("Polish soldiers will not go to Ukraine.", s.Quote);
        Assert.Equal("donald-tusk", s.ActorCode);
        Assert.Equal("POL", s.OnBehalfOf);
    }

    [Fact]
    public void A_pronoun_after_a_quotation_is_the_person_who_spoke_last()
    {
        const string body = "Albanese said Australia was ready to help.\n“We are open to any request,” she said.";

        var found = Extract(body);

        Assert.Equal(2, found.Count);
        Assert.Equal("she", found[1].Speaker);
        Assert.Equal("anthony-albanese", found[1].ActorCode);
        Assert.Equal("Anthony Albanese", found[1].SpeakerName);
        SpansAreExact(body, found);
    }

    [Fact]
    public void A_pronoun_skips_people_only_mentioned_and_people_inside_quotations()
    {
        const string body = "“Putin must stop,” Starmer said. The talks with Putin stalled.\n“We are ready,” he added.";

        var found = Extract(body);

        Assert.Equal(["keir-starmer", "keir-starmer"], found.Select(s => s.ActorCode));
        Assert.Equal("added", found[1].Cue);
    }

    [Fact]
    public void Attribution_according_to_a_speaker_before_or_after_the_clause()
    {
        const string before = "According to the Kremlin, the proposal needs more work.";
        const string after = "The proposal needs more work, according to the Kremlin.";

        var first = Only(before);
        var second = Only(after);

        Assert.Equal(StatementType.Indirect, first.Type);
        Assert.Equal("the proposal needs more work", first.Quote);
        Assert.Equal("RUS", first.ActorCode);
        Assert.Equal("according to", first.Cue);
        Assert.Equal("The proposal needs more work", second.Quote);
        Assert.Equal("RUS", second.ActorCode);
        SpansAreExact(after, [second]);
    }

    [Theory]
    [InlineData("Peskov said that Moscow was studying the proposal.", "said", "Moscow was studying the proposal")]
    [InlineData("Peskov told reporters that Moscow was studying the proposal.", "told reporters", "Moscow was studying the proposal")]
    [InlineData("Peskov warned that Moscow was studying the proposal.", "warned", "Moscow was studying the proposal")]
    [InlineData("Peskov added that Moscow was studying the proposal.", "added", "Moscow was studying the proposal")]
    [InlineData("Peskov said Moscow was studying the proposal.", "said", "Moscow was studying the proposal")]
    [InlineData("Peskov said on Friday Moscow was studying the proposal.", "said", "Moscow was studying the proposal")]
    public void Reported_speech_is_the_clause_after_the_verb_up_to_the_sentence_end(string body, string cue, string clause)
    {
        var s = Only(body);

        Assert.Equal(StatementType.Indirect, s.Type);
        Assert.Equal(cue, s.Cue);
        Assert.Equal(clause, s.Quote);
        Assert.Equal("dmitry-peskov", s.ActorCode);
        Assert.Equal("RUS", s.OnBehalfOf);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void Reported_speech_with_a_quoted_fragment_is_mixed_and_spans_the_whole_clause()
    {
        const string body = "The Kremlin said any foreign troops would be “legitimate targets” for its forces.";

        var s = Only(body);

        Assert.Equal(StatementType.Mixed, s.Type);
        Assert.Equal("any foreign troops would be “legitimate targets” for its forces", s.Quote);
        Assert.Equal("Kremlin", s.Speaker);
        Assert.Equal("RUS", s.ActorCode);
    }

    [Fact]
    public void An_organisation_named_by_its_seat_speaks_for_itself()
    {
        const string body = "Downing Street said the meeting would go ahead.";

        var s = Only(body);

        Assert.Equal("uk-government", s.ActorCode);
        Assert.Null(s.OnBehalfOf);
    }

    [Theory]
    [InlineData("the prime minister", "2025-03-16", "keir-starmer")]
    [InlineData("the British prime minister", "2025-03-16", "keir-starmer")]
    [InlineData("the Canadian prime minister", "2025-03-01", "justin-trudeau")]
    [InlineData("the German chancellor", "2025-03-16", "olaf-scholz")]
    [InlineData("the German chancellor", "2025-06-01", "friedrich-merz")]
    [InlineData("the Kremlin spokesman", "2025-03-16", "dmitry-peskov")]
    [InlineData("the Russian foreign minister", "2025-03-16", "sergey-lavrov")]
    [InlineData("European Commission President", "2025-03-16", "ursula-von-der-leyen")]
    public void A_title_is_the_person_who_held_it_at_the_document_date(string title, string date, string code)
    {
        // The prime minister alone is ambiguous among the directory's; the one who spoke before is meant.
        var body = $"Starmer said the talks were useful. {char.ToUpperInvariant(title[0])}{title[1..]} said the force would be ready.";

        var found = Extract(body, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, found.Count);
        Assert.Equal(code, found[1].ActorCode);
        SpansAreExact(body, found);
    }

    [Fact]
    public void A_title_nobody_held_at_the_date_links_to_no_actor()
    {
        var s = Only("The Canadian prime minister said the force would be ready.", new DateOnly(2025, 4, 1));

        Assert.Null(s.ActorCode);
        Assert.Equal("The Canadian prime minister", s.Speaker);
    }

    [Fact]
    public void A_surname_named_first_in_full_and_unknown_to_the_directory_keeps_the_full_name()
    {
        const string body = "Mykola Example said the line held. Example added that shelling went on.";

        var found = Extract(body);

        Assert.Equal(["Mykola Example", "Mykola Example"], found.Select(s => s.SpeakerName));
        Expect.All(found, s => Assert.Null(s.ActorCode));
    }

    [Theory]
    [InlineData("Leaders met in London to form a “coalition of the willing” for Ukraine.")]
    [InlineData("Any deal needs a US “backstop”, diplomats believe.")]
    [InlineData("The so-called “reassurance force” would stay away from the front line.")]
    [InlineData("Officials described the plan as a 'framework' for talks.")]
    public void A_label_in_quotation_marks_that_nobody_says_is_not_a_statement(string body)
    {
        Assert.Empty(Extract(body));
    }

    [Fact]
    public void A_quotation_over_two_paragraphs_is_one_statement_with_its_reopening_mark_inside()
    {
        const string body = "Zelensky said: “We need guarantees that work.\n“Not another memorandum that nobody keeps.”";

        var s = Only(body);

        Assert.Equal(StatementType.Direct, s.Type);
        Assert.Equal("We need guarantees that work.\n“Not another memorandum that nobody keeps.", s.Quote);
        Assert.Equal("volodymyr-zelensky", s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void A_missing_closing_mark_ends_the_quotation_at_its_paragraph_end()
    {
        const string body = "Meloni said: “Italy will not send troops without a mandate.\nThe talks resumed on Monday.";

        var s = Only(body);

        Assert.Equal("Italy will not send troops without a mandate.", s.Quote);
        Assert.Equal("giorgia-meloni", s.ActorCode);
    }

    [Fact]
    public void A_missing_opening_mark_starts_the_quotation_at_its_paragraph_start()
    {
        const string body = "Talks went on.\nWe are talking to the US every day,” Starmer said.";

        var s = Only(body);

        Assert.Equal("We are talking to the US every day", s.Quote);
        Assert.Equal("keir-starmer", s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void Single_curly_marks_quote_like_double_ones_but_an_apostrophe_closes_nothing()
    {
        const string body = "‘Russia doesn’t want peace,’ Macron said.";

        var s = Only(body);

        Assert.Equal("Russia doesn’t want peace", s.Quote);
        Assert.Equal("emmanuel-macron", s.ActorCode);
    }

    [Fact]
    public void A_quotation_split_by_its_attribution_is_two_direct_statements_of_one_speaker()
    {
        const string body = "“We are ready,” Rutte said, “and Russia has no veto.”";

        var found = Extract(body);

        Assert.Equal(["We are ready", "and Russia has no veto."], found.Select(s => s.Quote));
        Expect.All(found, s => Assert.Equal("mark-rutte", s.ActorCode));
    }

    [Fact]
    public void A_quotation_standing_alone_after_an_attributed_one_continues_the_same_speaker()
    {
        const string body = "“The force will be ready,” Starmer said. “Now we must make it real.”";

        var found = Extract(body);

        Assert.Equal(2, found.Count);
        Assert.Equal("Now we must make it real.", found[1].Quote);
        Assert.Equal("keir-starmer", found[1].ActorCode);
    }

    [Fact]
    public void A_participle_after_an_attribution_adds_a_reported_statement_by_the_same_speaker()
    {
        const string body = "“Russia is stalling,” Macron said after the meeting, adding that pressure must grow.";

        var found = Extract(body);

        Assert.Equal([StatementType.Direct, StatementType.Indirect], found.Select(s => s.Type));
        Assert.Equal("pressure must grow", found[1].Quote);
        Assert.Equal("adding", found[1].Cue);
        Assert.Equal("emmanuel-macron", found[1].ActorCode);
    }

    [Fact]
    public void A_verb_of_speech_in_a_relative_clause_with_nothing_reported_is_not_a_statement()
    {
        Assert.Empty(Extract("Kyiv rejects giving up the four regions Moscow claims as its own."));
    }

    [Fact]
    public void A_name_with_lower_case_joins_is_the_speaker_as_written_after_its_titles()
    {
        const string body = "EU chief European Commission President Ursula von der Leyen said the union would act.";

        var s = Only(body);

        Assert.Equal("European Commission President Ursula von der Leyen", s.Speaker);
        Assert.Equal("eu-commission", s.OnBehalfOf);
    }

    [Fact]
    public void The_seed_article_links_its_statements_to_Starmer_Macron_von_der_Leyen_Zelensky_and_Trump()
    {
        var body = File.ReadAllText(DemoActors.InRepository("tests", "Truce.Core.Tests", "Sources", "Articles", "seed-2025-03-16.txt"));

        var found = StatementExtractor.Extract(body, March2025, DemoActors.Directory());

        SpansAreExact(body, found);
        var speakers = found.Select(s => s.ActorCode).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "keir-starmer", "emmanuel-macron", "ursula-von-der-leyen", "volodymyr-zelensky", "donald-trump" }, speakers);
        Assert.Contains(found, s => s.Type == StatementType.Direct && s.ActorCode == "keir-starmer" && s.Quote.StartsWith("We agreed we will keep increasing the pressure", StringComparison.Ordinal));
        Assert.Contains(found, s => s.Type == StatementType.Direct && s.Speaker == "he" && s.ActorCode == "emmanuel-macron" && s.Quote.StartsWith("President Putin wants to obtain everything", StringComparison.Ordinal));
        Assert.Contains(found, s => s.Type == StatementType.Mixed && s.ActorCode == "ursula-von-der-leyen");
        Assert.Contains(found, s => s.Speaker == "He" && s.ActorCode == "volodymyr-zelensky" && s.Quote == "Kyiv would never recognise occupied territory as Russian");
        Assert.DoesNotContain(found, s => s.Quote == "coalition of the willing" || s.Quote == "backstop" || s.Quote == "party of peace");
    }
}
