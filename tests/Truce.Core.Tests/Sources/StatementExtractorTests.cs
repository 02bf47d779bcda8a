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

    // The demo's actors: Peskov, Healey, Kallas and the seats of government ("Downing Street", "the Kremlin") are in it.
    private static readonly ActorDirectory Directory = DemoActors.Directory();

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
        const string body = "Albanese said Australia was ready to help.\n“We are open to any request,” he said.";

        var found = Extract(body);

        Assert.Equal(2, found.Count);
        Assert.Equal("he", found[1].Speaker);
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

        Assert.Equal("GBR", s.ActorCode);
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

    [Theory]
    [InlineData("Rutte urged allies to keep sending air defence.", "urged", "to keep sending air defence", "mark-rutte")]
    [InlineData("Merz insisted the brigade would stay in Lithuania.", "insisted", "the brigade would stay in Lithuania", "friedrich-merz")]
    [InlineData("Tusk stressed that Poland would guard its own border.", "stressed", "Poland would guard its own border", "donald-tusk")]
    [InlineData("Sikorski accused Moscow of stalling the talks for months.", "accused", "stalling the talks for months", "radoslaw-sikorski")]
    [InlineData("Costa noted that the summit had agreed a joint text.", "noted", "the summit had agreed a joint text", "antonio-costa")]
    [InlineData("Albanese announced that Australia would send two observers.", "announced", "Australia would send two observers", "anthony-albanese")]
    [InlineData("Lammy warned that sanctions would tighten again.", "warned", "sanctions would tighten again", "david-lammy")]
    [InlineData("Meloni has declared the plan would need a UN mandate.", "declared", "the plan would need a UN mandate", "giorgia-meloni")]
    [InlineData("Pistorius told journalists the contingent would be ready by spring.", "told journalists", "the contingent would be ready by spring", "boris-pistorius")]
    [InlineData("Moscow is demanding that Kyiv withdraw from four regions.", "demanding", "Kyiv withdraw from four regions", "RUS")]
    public void Verbs_of_speech_beyond_said_report_what_follows_them(string body, string cue, string clause, string code)
    {
        var s = Only(body, new DateOnly(2025, 6, 1));

        Assert.Equal(cue, s.Cue);
        Assert.Equal(clause, s.Quote);
        Assert.Equal(code, s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Theory]
    [InlineData("Ushakov confirmed the visit on Wednesday.")]
    [InlineData("Zelensky reported this during a press conference in Kyiv.")]
    [InlineData("Trump called Putin on Tuesday evening.")]
    [InlineData("Macron called for a ceasefire in the air and at sea.")]
    public void A_verb_that_reports_speech_only_with_that_reports_nothing_with_a_bare_object(string body)
    {
        Assert.Empty(Extract(body));
    }

    [Fact]
    public void A_reported_clause_before_its_attribution_is_the_speakers()
    {
        const string body = "Moscow regards any Western troops as a threat, Peskov said at his daily briefing.";

        var s = Only(body);

        Assert.Equal(StatementType.Indirect, s.Type);
        Assert.Equal("Moscow regards any Western troops as a threat", s.Quote);
        Assert.Equal("dmitry-peskov", s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void An_attribution_inside_the_clause_stays_inside_its_span()
    {
        const string body = "The force will, Healey said, be led by Britain and France.";

        var s = Only(body);

        Assert.Equal("The force will, Healey said, be led by Britain and France", s.Quote);
        Assert.Equal("john-healey", s.ActorCode);
        Assert.Equal("GBR", s.OnBehalfOf);
    }

    [Fact]
    public void A_relative_clause_glossing_the_end_of_the_clause_is_left_out()
    {
        const string body = "Healey said the troops would stay away from the front line, which runs for about 1,000 km.";

        Assert.Equal("the troops would stay away from the front line", Only(body).Quote);
    }

    [Theory]
    [InlineData("Kaja Kallas, the EU's top diplomat, said the bloc would pay for training.", "kaja-kallas")]
    [InlineData("The Kremlin, however, said no decision had been taken.", "RUS")]
    [InlineData("Meloni, who spoke by video link, said Italy would help with monitoring.", "giorgia-meloni")]
    [InlineData("Tusk who joined by video link has confirmed that Poland would host the logistics hub.", "donald-tusk")]
    [InlineData("The Russian foreign ministry spokeswoman, Maria Zakharova, said the plan was a provocation.", "maria-zakharova")]
    public void An_aside_or_relative_clause_between_speaker_and_verb_keeps_the_speaker(string body, string code)
    {
        var s = Only(body);

        Assert.Equal(code, s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void A_second_verb_of_the_same_speaker_is_a_second_statement()
    {
        const string body = "Macron said Europe must be ready and warned that Russia was testing the alliance.";

        var found = Extract(body);

        Assert.Equal(["Europe must be ready", "Russia was testing the alliance"], found.Select(s => s.Quote));
        Expect.All(found, s => Assert.Equal("emmanuel-macron", s.ActorCode));
    }

    [Fact]
    public void A_second_speaker_after_a_comma_takes_the_rest_of_the_sentence()
    {
        const string body = "Starmer said the plan was mature, and Macron said it was ready to go.";

        var found = Extract(body);

        Assert.Equal(["the plan was mature", "it was ready to go"], found.Select(s => s.Quote));
        Assert.Equal(["keir-starmer", "emmanuel-macron"], found.Select(s => s.ActorCode));
        SpansAreExact(body, found);
    }

    [Fact]
    public void Joint_speakers_carry_the_first_named_actor()
    {
        const string body = "Starmer and Macron said the coalition would meet again in Paris.";

        var s = Only(body);

        Assert.Equal("Starmer and Macron", s.Speaker);
        Assert.Equal("keir-starmer", s.ActorCode);
    }

    [Fact]
    public void A_speech_noun_with_its_clause_is_said_by_its_possessor()
    {
        const string body = "The Kremlin dismissed Trump’s claim that Putin would accept European troops, but left the door open.";

        var s = Only(body);

        Assert.Equal("Putin would accept European troops", s.Quote);
        Assert.Equal("donald-trump", s.ActorCode);
        Assert.Equal("claim that", s.Cue);
    }

    [Theory]
    [InlineData("Zelensky’s office said the talks would resume next week.", "UKR")]
    [InlineData("“Nothing is agreed yet,” Keir Starmer's spokesman said.", "keir-starmer")]
    [InlineData("The Élysée said the summit would take place on Thursday.", "FRA")]
    [InlineData("The White House said the envoy would fly to Moscow.", "USA")]
    [InlineData("No 10 said the call had been constructive.", "GBR")]
    [InlineData("Bankova said the delegation had left for Geneva.", "UKR")]
    [InlineData("A Kremlin spokesman said the proposal was premature.", "dmitry-peskov")]
    public void An_office_or_a_voice_speaks_for_whom_it_serves(string body, string code)
    {
        var s = Only(body);

        Assert.Equal(code, s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void Her_press_service_is_the_woman_who_spoke_last()
    {
        const string body = "Meloni said Italy would not send troops. According to a statement from her press service, Rome will fund demining instead.";

        var found = Extract(body);

        Assert.Equal(2, found.Count);
        Assert.Equal("giorgia-meloni", found[1].ActorCode);
        Assert.Equal("Rome will fund demining instead", found[1].Quote);
    }

    [Fact]
    public void A_pronoun_takes_the_last_speaker_of_its_gender()
    {
        const string body = "Lavrov said Moscow would not accept foreign troops. Kallas said the EU would keep training soldiers.\n"
            + "“Russia is not serious,” she said. “We have heard this before,” he said.";

        var found = Extract(body);

        Assert.Equal(["sergey-lavrov", "kaja-kallas", "kaja-kallas", "sergey-lavrov"], found.Select(s => s.ActorCode));
    }

    [Theory]
    [InlineData("the United Kingdom leader", "keir-starmer")]
    [InlineData("the French leader", "emmanuel-macron")]
    public void A_leader_of_a_state_is_its_head_of_state_or_government(string title, string code)
    {
        var s = Only($"“The coalition is ready,” {title} said.");

        Assert.Equal(code, s.ActorCode);
    }

    [Fact]
    public void The_head_of_state_is_the_head_who_spoke_last()
    {
        const string body = "Zelensky said the army would hold the line. The head of state also stressed that no territory would be ceded.";

        var found = Extract(body);

        Assert.Equal("volodymyr-zelensky", found[1].ActorCode);
        Assert.Equal("The head of state", found[1].Speaker);
    }

    [Fact]
    public void A_bare_title_held_by_several_is_the_holder_of_the_state_the_text_named_first()
    {
        const string body = "Britain will host the call on Saturday. The Prime Minister said the force would be ready within weeks.";

        Assert.Equal("keir-starmer", Only(body).ActorCode);
    }

    [Fact]
    public void A_paragraph_after_said_and_a_colon_without_marks_is_the_speakers_own_words()
    {
        const string body = "Downing Street said:\nThe Prime Minister spoke to President Zelensky this morning. They agreed to keep up the pressure.";

        var s = Only(body);

        Assert.Equal(StatementType.Direct, s.Type);
        Assert.Equal("The Prime Minister spoke to President Zelensky this morning. They agreed to keep up the pressure.", s.Quote);
        Assert.Equal("GBR", s.ActorCode);
    }

    [Fact]
    public void The_items_of_a_list_after_a_reported_colon_are_the_speakers()
    {
        const string body = "Starmer said leaders had agreed on three points:\nEurope will spend more on its own defence.\n"
            + "Ukraine must sit at the table.\nMacron said the coalition would meet again in Paris.";

        var found = Extract(body);

        Assert.Equal(["leaders had agreed on three points", "Europe will spend more on its own defence", "Ukraine must sit at the table", "the coalition would meet again in Paris"], found.Select(s => s.Quote));
        Assert.Equal(["keir-starmer", "keir-starmer", "keir-starmer", "emmanuel-macron"], found.Select(s => s.ActorCode));
    }

    [Fact]
    public void A_quotation_missing_its_closing_mark_ends_before_the_attribution_at_its_paragraph_end()
    {
        const string body = "“We will not trade land for paper, Zelensky said.\nTalks resume on Friday.";

        var s = Only(body);

        Assert.Equal("We will not trade land for paper", s.Quote);
        Assert.Equal("volodymyr-zelensky", s.ActorCode);
        SpansAreExact(body, [s]);
    }

    [Fact]
    public void A_quoted_fragment_after_accused_of_is_direct_speech()
    {
        var s = Only("Zelensky accused Putin of “playing games”.");

        Assert.Equal(StatementType.Direct, s.Type);
        Assert.Equal("playing games", s.Quote);
        Assert.Equal("volodymyr-zelensky", s.ActorCode);
    }

    [Fact]
    public void A_clause_leading_into_a_quotation_before_the_attribution_is_mixed()
    {
        const string body = "Moscow would treat any such force as “a legitimate target,” Lavrov said.";

        var s = Only(body);

        Assert.Equal(StatementType.Mixed, s.Type);
        Assert.Equal("Moscow would treat any such force as “a legitimate target,”", s.Quote);
        Assert.Equal("sergey-lavrov", s.ActorCode);
    }

    [Fact]
    public void A_quotation_standing_alone_after_a_reported_statement_continues_the_same_speaker()
    {
        const string body = "Macron said Europe had to act. “We cannot wait for Washington.”";

        var found = Extract(body);

        Assert.Equal(2, found.Count);
        Assert.Equal("emmanuel-macron", found[1].ActorCode);
    }

    [Fact]
    public void A_participle_with_its_speaker_before_it_is_a_statement()
    {
        const string body = "Washington backed the idea, with Hegseth saying that Europe must carry the load.";

        var s = Only(body);

        Assert.Equal("Europe must carry the load", s.Quote);
        Assert.Equal("pete-hegseth", s.ActorCode);
    }

    [Theory]
    [InlineData("What a “coalition of the willing” can do without US support is unclear.")]
    [InlineData("The phrase “security guarantees” means different things in Kyiv and Washington.")]
    [InlineData("Analysts doubt the so-called “reassurance force” will deploy this year.")]
    [InlineData("The “reassurance force”, as London calls it, exists only on paper.")]
    public void Scare_quotes_near_the_new_patterns_are_still_refused(string body)
    {
        Assert.Empty(Extract(body));
    }

    [Theory]
    [InlineData("KYIV (Reuters) – Talks will resume in Geneva next week, Sybiha said.")]
    [InlineData("(AFP) - Talks will resume in Geneva next week, Sybiha said.")]
    public void A_dateline_is_not_part_of_the_clause_before_the_attribution(string body)
    {
        var s = Only(body);

        Assert.Equal("Talks will resume in Geneva next week", s.Quote);
        Assert.Equal("andrii-sybiha", s.ActorCode);
    }

    [Fact]
    public void An_adjunct_before_that_is_not_part_of_the_clause()
    {
        var s = Only("Rutte said following the meeting that the alliance was united.");

        Assert.Equal("the alliance was united", s.Quote);
    }

    [Theory]
    [InlineData("Starmer stressed the need for more air defence.")]
    [InlineData("Macron emphasised the importance of European production.")]
    public void A_verb_of_emphasis_with_only_a_noun_phrase_is_not_a_statement(string body)
    {
        Assert.Empty(Extract(body));
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
