using Truce.Core.Coalition;

namespace Truce.Core.Sources;

/// <summary>
/// Finds the statements of a document's body: direct quotations with their attribution, reported speech and
/// reported speech with a quoted fragment, each with its speaker resolved and linked to an actor at the
/// document's date. Pure and deterministic: the same body, date and directory give the same statements.
/// </summary>
/// <remarks>
/// One pass finds the quotations, one pass cuts the body into words, marks and quotations (a quotation is one
/// item, so its words never look like a speaker or a verb), and each sentence is then read by general rules of
/// news English: a speaker next to a verb of speech, on either side of a quotation or of a reported clause ("…,
/// Peskov said."), with an aside between them ("Kallas, the EU's top diplomat, said"); "according to"; a noun
/// with its clause ("Trump's claim that …"); a participle or a second verb hanging another statement on the
/// same speaker; a second speaker after a comma in the same sentence; a quotation that follows a statement by the
/// same speaker; a paragraph set out after "X said:" with no marks, and the items of a list after "X said … :".
/// Speakers are resolved by name, surname, title at the date (a bare title prefers the holder whose state the text
/// names), office ("Zelensky's office" speaks for Ukraine, "her press service" for her), and pronoun (of the
/// same gender). A quotation no rule attributes is a label (a scare quote) and yields nothing. No regular
/// expression is used, so nothing can backtrack.
/// </remarks>
public static class StatementExtractor
{
    private enum Kind : byte
    {
        Word,
        Mark,
        Quote,
        Break,
    }

    private readonly record struct Item(Kind Kind, int Start, int End, int Quote);

    /// <summary>A resolved speaker: as written (with its span), who it is, and the actor, if any.</summary>
    private readonly record struct Speaker(int Start, int End, string? Name, Actor? Actor);

    private enum Pending : byte
    {
        None,

        /// <summary>"X said:" ended a paragraph: the next paragraph, if it has no marks, is X's own words.</summary>
        Block,

        /// <summary>"X said … agreed on four points:" ended a paragraph: the next paragraphs are X's items.</summary>
        List,
    }

    public static IReadOnlyList<Statement> Extract(string body, DateOnly date, ActorDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(directory);
        var reading = new Reading(body, date, directory);
        reading.Run();
        return reading.Found;
    }

    /// <summary>The state of one extraction: the items, and what the document has said so far about who is who.</summary>
    private sealed class Reading(string body, DateOnly date, ActorDirectory directory)
    {
        private const int MaxListItems = 6;

        private readonly List<Quotation> _quotes = Quotations.Find(body);
        private readonly List<Item> _items = new(body.Length / 5);
        private readonly Dictionary<string, string> _fullNames = new(StringComparer.Ordinal);
        private readonly List<Actor> _spokenPeople = [];
        private readonly List<(Speaker Speaker, Gender Gender)> _people = [];
        private List<(int Position, string Code)>? _mentions;
        private Speaker? _lastBody;
        private Speaker? _lastSpeaker;
        private string _lastCue = "";
        private int _lastSentence = -10;
        private int _sentence;
        private int _made;
        private int _resume;
        private bool _probing;
        private Pending _pending;
        private Speaker _pendingSpeaker;
        private string _pendingCue = "";
        private int _listItems;

        public List<Statement> Found { get; } = [];

        public void Run()
        {
            Cut();
            var from = 0;
            var i = 0;
            while (i < _items.Count)
            {
                if (i == from && _pending != Pending.None && _items[i].Kind != Kind.Break && (i == 0 || _items[i - 1].Kind == Kind.Break))
                {
                    var next = Paragraph(from);
                    if (next > from)
                    {
                        from = i = next;
                        continue;
                    }
                }

                if (EndsSentence(i))
                {
                    Sentence(from, i + 1);
                    from = i + 1;
                }

                i++;
            }

            if (from < _items.Count)
            {
                Sentence(from, _items.Count);
            }

            Found.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        // ---- Cutting the body into items ----------------------------------------------------------------------

        private void Cut()
        {
            var q = 0;
            var i = 0;
            while (i < body.Length)
            {
                if (q < _quotes.Count && i >= _quotes[q].Outer)
                {
                    _items.Add(new Item(Kind.Quote, _quotes[q].Outer, _quotes[q].OuterEnd, q));
                    i = Math.Max(i, _quotes[q].OuterEnd);
                    q++;
                    continue;
                }

                var c = body[i];
                if (c == '\n')
                {
                    _items.Add(new Item(Kind.Break, i, i + 1, -1));
                    i++;
                }
                else if (char.IsLetterOrDigit(c))
                {
                    var end = i + 1;
                    while (end < body.Length && (char.IsLetterOrDigit(body[end])
                        || (body[end] is '-' or '’' or '\'' or '.' && end + 1 < body.Length && char.IsLetterOrDigit(body[end + 1]))))
                    {
                        end++;
                    }

                    // A word stops before the next quotation even when written against it.
                    if (q < _quotes.Count && end > _quotes[q].Outer)
                    {
                        end = Math.Max(i + 1, _quotes[q].Outer);
                    }

                    _items.Add(new Item(Kind.Word, i, end, -1));
                    i = end;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else
                {
                    _items.Add(new Item(Kind.Mark, i, i + 1, -1));
                    i++;
                }
            }
        }

        private bool EndsSentence(int i)
        {
            var item = _items[i];
            if (item.Kind == Kind.Break)
            {
                return true;
            }

            char last;
            if (item.Kind == Kind.Quote)
            {
                var quote = _quotes[item.Quote];
                if (quote.End <= quote.Start)
                {
                    return false;
                }

                last = body[quote.End - 1];
            }
            else if (item.Kind == Kind.Mark)
            {
                last = body[item.Start];
                if (last is '.' && i > 0 && _items[i - 1].Kind == Kind.Word && _items[i - 1].End == item.Start)
                {
                    var word = Text(_items[i - 1]);
                    if (SpeechWords.Abbreviations.Contains(word) || word.Contains('.') || (word.Length == 1 && char.IsUpper(word[0])))
                    {
                        return false;
                    }
                }
            }
            else
            {
                return false;
            }

            if (last is not ('.' or '!' or '?'))
            {
                return false;
            }

            if (i + 1 >= _items.Count)
            {
                return true;
            }

            var next = _items[i + 1];
            return next.Kind is Kind.Break or Kind.Quote || (next.Kind == Kind.Word && (char.IsUpper(body[next.Start]) || char.IsDigit(body[next.Start])));
        }

        // ---- Paragraphs announced by a colon ------------------------------------------------------------------

        /// <summary>The paragraph at <paramref name="from"/> after "X said:" or "X said … :"; returns where reading goes on.</summary>
        private int Paragraph(int from)
        {
            var end = from;
            var quoted = false;
            while (end < _items.Count && _items[end].Kind != Kind.Break)
            {
                quoted |= _items[end].Kind == Kind.Quote;
                end++;
            }

            if (_pending == Pending.Block)
            {
                // A press release sets the speaker's words out as a paragraph of their own, without marks.
                _pending = Pending.None;
                if (quoted || !EndsWithStop(end - 1))
                {
                    return from;
                }

                _sentence++;
                Add(StatementType.Direct, _items[from].Start, _items[end - 1].End, _pendingSpeaker, _pendingCue);
                return end;
            }

            // A list after "… agreed on four points:": each item's first sentence, until an item with a speaker of
            // its own, a heading (no full stop) or a question.
            var first = from;
            while (first < end && !EndsSentence(first))
            {
                first++;
            }

            first = Math.Min(first + 1, end);
            var own = false;
            for (var t = from; t < first; t++)
            {
                own |= _items[t].Kind == Kind.Quote || (_items[t].Kind == Kind.Word && (SpeechWords.Cues.Contains(Text(_items[t])) || Is(t, "according")));
            }

            if (++_listItems > MaxListItems || own || !EndsWithStop(end - 1) || !EndsWithStop(first - 1))
            {
                _pending = Pending.None;
                return from;
            }

            _sentence++;
            var last = first;
            while (last > from && _items[last - 1].Kind == Kind.Mark)
            {
                last--;
            }

            if (last > from)
            {
                Add(StatementType.Indirect, _items[from].Start, _items[last - 1].End, _pendingSpeaker, _pendingCue);
            }

            return first;
        }

        private bool EndsWithStop(int i) =>
            i >= 0 && ((_items[i].Kind == Kind.Mark && body[_items[i].Start] == '.') || (_items[i].Kind == Kind.Quote && _quotes[_items[i].Quote].End > 0 && body[_quotes[_items[i].Quote].End - 1] == '.'));

        // ---- Reading one sentence -----------------------------------------------------------------------------

        private void Sentence(int from, int to)
        {
            _sentence++;
            while (to > from && _items[to - 1].Kind == Kind.Break)
            {
                to--;
            }

            if (to <= from)
            {
                return;
            }

            var madeBefore = _made;
            var start = from;
            for (var i = from; i < to; i++)
            {
                if (_items[i].Kind != Kind.Word)
                {
                    continue;
                }

                var word = Text(_items[i]);
                var made = _made;
                _resume = to;
                if (word.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < to && Is(i + 1, "to"))
                {
                    According(start, to, i);
                }
                else if (SpeechWords.Cues.Contains(word) || SpeechWords.Participles.Contains(word))
                {
                    Cue(start, to, i);
                }
                else if (SpeechWords.ClaimNouns.Contains(word) && i + 1 < to && Is(i + 1, "that"))
                {
                    NounClause(start, to, i);
                }

                if (_made == made)
                {
                    continue;
                }

                if (_resume >= to)
                {
                    break;
                }

                start = _resume;
                i = _resume - 1;
            }

            if (_made == madeBefore)
            {
                Continuation(from, to);
            }
        }

        /// <summary>A speaker next to the verb of speech at <paramref name="cue"/>.</summary>
        private void Cue(int from, int to, int cue)
        {
            var verb = Text(_items[cue]).ToString();
            var participle = !SpeechWords.Cues.Contains(verb);

            // "told reporters", "told the BBC": the cue takes its hearer, up to "that", a mark, a quotation or an adjunct.
            var cueEnd = verb.StartsWith("t", StringComparison.OrdinalIgnoreCase) ? Hearer(cue + 1, to) : cue + 1;

            var cueText = body[_items[cue].Start.._items[cueEnd - 1].End];
            var before = SkipBetween(from, cue - 1);
            Speaker? speaker = null;
            var first = -1;
            if (before >= from && (!participle || _items[before].Kind == Kind.Word))
            {
                speaker = SpeakerEndingAt(from, before, out first);
                if (speaker is null && !participle && _items[before].Kind == Kind.Word)
                {
                    speaker = Relative(from, before, out first);
                }
            }

            if (speaker is { } who)
            {
                var quote = QuoteJustBefore(from, first - 1);
                if (quote >= 0)
                {
                    QuotationBefore(from, quote, who, cueText);
                    AfterQuotation(cueEnd, to, who, cueText);
                    return;
                }

                if (RestIsColon(cueEnd, to))
                {
                    _pending = Pending.Block;
                    _pendingSpeaker = who;
                    _pendingCue = cueText;
                    return;
                }

                // "Moscow is worried …, Peskov said." and "The coalition is backed, Sir Keir said, by Japan."
                if (first - 1 > from && IsMark(first - 1, ',', '—', '–') && NoClauseAfter(cueEnd, to, out var aside))
                {
                    Clause(from, aside ? to : first - 1, who, cueText, before: true, aside: aside);
                    if (!aside)
                    {
                        Participle(cueEnd, to, who);
                    }

                    return;
                }

                Reported(cueEnd, to, who, cueText, verb);
                return;
            }

            if (participle)
            {
                return;
            }

            // "“…,” said Peskov" and "…, said Peskov.": the speaker follows the verb.
            var quoteBefore = QuoteJustBefore(from, cue - 1);
            if (quoteBefore < 0 && !(cue - 1 > from && IsMark(cue - 1, ',')))
            {
                return;
            }

            if (SpeakerAfter(cueEnd, to, out var after) is not { } inverted)
            {
                return;
            }

            if (quoteBefore >= 0)
            {
                QuotationBefore(from, quoteBefore, inverted, cueText);
                AfterQuotation(after, to, inverted, cueText);
            }
            else if (inverted.Actor is not null || Capital(cueEnd))
            {
                Clause(from, cue - 1, inverted, cueText, before: true);
                Participle(after, to, inverted);
            }
        }

        /// <summary>
        /// The end of the hearer after "told": "reporters", "the BBC", "Russian media", "the Rossiya 1 broadcaster" — a
        /// word, an article with up to three words, or a capitalised run with one more word; never "that", an adjunct
        /// or the next clause's article.
        /// </summary>
        private int Hearer(int k, int to)
        {
            bool Stops(int t) => t >= to || _items[t].Kind != Kind.Word || Is(t, "that") || IsPossessive(t) || SpeechWords.After.Contains(Text(_items[t]))
                || SpeechWords.Prepositions.Contains(Text(_items[t])) || SpeechWords.Subordinators.Contains(Text(_items[t]));

            if (Stops(k))
            {
                return k;
            }

            var t = k + 1;
            if (SpeechWords.Determiners.Contains(Text(_items[k])))
            {
                while (t < k + 4 && !Stops(t) && !SpeechWords.Determiners.Contains(Text(_items[t])))
                {
                    t++;
                }

                return t;
            }

            if (Capital(k))
            {
                while (!Stops(t) && Capital(t))
                {
                    t++;
                }

                return !Stops(t) && !SpeechWords.Determiners.Contains(Text(_items[t])) && t - k < 3 ? t + 1 : t;
            }

            return t;
        }

        /// <summary>"according to X, …" and "…, according to X".</summary>
        private void According(int from, int to, int according)
        {
            if (SpeakerAfter(according + 2, to, out var after) is not { } speaker)
            {
                return;
            }

            const string cueText = "according to";
            var quote = QuoteJustBefore(from, according - 1);
            if (quote >= 0)
            {
                Direct(quote, speaker, cueText);
                return;
            }

            if (after < to && IsMark(after, ','))
            {
                // "According to the Kremlin, …": what follows the comma.
                Clause(after + 1, to, speaker, cueText);
                return;
            }

            // "…, according to the Kremlin.": what precedes it, from the sentence's start.
            var end = according;
            while (end > from && _items[end - 1].Kind == Kind.Mark && body[_items[end - 1].Start] is ',' or '—' or '–')
            {
                end--;
            }

            if (end > from)
            {
                Clause(from, end, speaker, cueText, before: true);
            }
        }

        /// <summary>"Trump’s claim that …": the clause of a speech noun, said by its possessor.</summary>
        private void NounClause(int from, int to, int noun)
        {
            var owner = noun - 1;
            if (owner < from || !IsPossessive(owner) || !Capital(owner))
            {
                return;
            }

            var first = NameRunStart(from, owner);
            if (Named(first, owner, possessive: true) is { Name: not null } speaker)
            {
                Clause(noun + 2, to, speaker, body[_items[noun].Start.._items[noun + 1].End], nounClause: true);
            }
        }

        /// <summary>What follows a verb of speech: a quotation standing alone, a "that" clause, an infinitive, or a bare clause.</summary>
        private void Reported(int k, int to, Speaker who, string cueText, string verb)
        {
            var first = k;
            while (first < to && ((_items[first].Kind == Kind.Word && SpeechWords.After.Contains(Text(_items[first]))) || (_items[first].Kind == Kind.Mark && body[_items[first].Start] is ':' or ',')))
            {
                first++;
            }

            if (first < to && _items[first].Kind == Kind.Quote && OnlyMarksAfter(first + 1, to))
            {
                Direct(first, who, cueText);
                return;
            }

            // "accused Europe of trying to …": what follows "of".
            if (SpeechWords.Accusing.Contains(verb))
            {
                for (var t = k; t < to && t < k + 10 && _items[t].Kind == Kind.Word; t++)
                {
                    if (Is(t, "of"))
                    {
                        Reported(t + 1, to, who, cueText, "of");
                        return;
                    }
                }

                return;
            }

            // "said in a message on X that …": the clause starts after "that" when only an adjunct stands before it
            // (no quotation, mark or conjunction: in "said the offer was poor but that …" the clause starts earlier;
            // in "said guarantees must become a boundary that …" the clause is all of it).
            var adjunct = k < to && (Is(k, "that") || (_items[k].Kind == Kind.Word && (SpeechWords.Prepositions.Contains(Text(_items[k]))
                || SpeechWords.After.Contains(Text(_items[k])) || SpeechWords.Subordinators.Contains(Text(_items[k])))));
            for (var t = k; adjunct && t < to && t < k + 10; t++)
            {
                if (_items[t].Kind is Kind.Quote or Kind.Mark || Is(t, "but") || Is(t, "and") || Is(t, "or"))
                {
                    break;
                }

                if (Is(t, "that"))
                {
                    Clause(t + 1, to, who, cueText);
                    return;
                }
            }

            // "pledged to …", "urged allies to …", "called on Europe to …".
            if (SpeechWords.Infinitive.Contains(verb))
            {
                for (var t = first; t < to && t < first + 8 && _items[t].Kind == Kind.Word; t++)
                {
                    if (Is(t, "to"))
                    {
                        Clause(t, to, who, cueText, bare: true, infinitive: true);
                        return;
                    }
                }
            }

            Clause(first, to, who, cueText, bare: true, thatOnly: SpeechWords.ThatOnly.Contains(verb));
        }

        /// <summary>A reported clause from item <paramref name="from"/> to the sentence's end, or to where another statement begins.</summary>
        private void Clause(int from, int to, Speaker who, string cueText, bool bare = false, bool thatOnly = false, bool before = false, bool nounClause = false, bool infinitive = false, bool aside = false)
        {
            if (before)
            {
                from = AfterDateline(from, to);
            }

            while (from < to && _items[from].Kind == Kind.Mark)
            {
                from++;
            }

            var end = to;
            var participle = -1;
            var second = -1;
            for (var t = from; t < to; t++)
            {
                if (IsMark(t, ',') && t + 1 < to)
                {
                    if (_items[t + 1].Kind == Kind.Word && SpeechWords.Participles.Contains(Text(_items[t + 1])))
                    {
                        end = participle = t;
                        break;
                    }

                    // ", which …" to the end is the writer's gloss, not the speaker's words.
                    if (Is(t + 1, "which") && t > from && !aside && !RelativeClosed(t + 2, to))
                    {
                        end = t;
                        break;
                    }

                    if (nounClause && (Is(t + 1, "but") || Is(t + 1, "and") || Is(t + 1, "while")))
                    {
                        end = t;
                        break;
                    }

                    // "…, and the Ukrainian president said …": another speaker takes the sentence on.
                    if (!before)
                    {
                        var k = t + 1;
                        if (Is(k, "and") || Is(k, "but") || Is(k, "while"))
                        {
                            k++;
                        }

                        if (NewSpeakerAt(k, to))
                        {
                            end = t;
                            _resume = k;
                            break;
                        }
                    }
                }

                // "… and accused Putin of …": the same speaker's second verb.
                if (!before && t > from + 1 && (Is(t, "and") || Is(t, "but")))
                {
                    var v = t + 1;
                    while (v < to && _items[v].Kind == Kind.Word && (SpeechWords.Between.Contains(Text(_items[v])) || IsAdverb(v)))
                    {
                        v++;
                    }

                    if (v < to && _items[v].Kind == Kind.Word && SpeechWords.Cues.Contains(Text(_items[v])))
                    {
                        end = IsMark(t - 1, ',') ? t - 1 : t;
                        second = v;
                        break;
                    }
                }
            }

            var last = end;
            var colon = false;
            while (last > from && _items[last - 1].Kind == Kind.Mark && body[_items[last - 1].Start] is '.' or '!' or '?' or ',' or ';' or ':' or '—' or '–')
            {
                colon |= body[_items[last - 1].Start] == ':';
                last--;
            }

            var words = 0;
            var quoted = false;
            for (var t = from; t < last; t++)
            {
                words += _items[t].Kind == Kind.Word ? 1 : 0;
                quoted |= _items[t].Kind == Kind.Quote;
            }

            // A verb with no clause worth the name is no speech: "the regions it claims as its own", "confirmed the visit".
            var refused = last <= from
                || (before && words < 3)
                || (bare && !quoted && words < 3)
                || (bare && _items[from].Kind == Kind.Word && SpeechWords.Prepositions.Contains(Text(_items[from])) && !(infinitive && Is(from, "to")))
                || (bare && thatOnly && !quoted);
            if (!refused)
            {
                if (last == from + 1 && _items[from].Kind == Kind.Quote)
                {
                    Direct(from, who, cueText);
                }
                else
                {
                    Add(quoted ? StatementType.Mixed : StatementType.Indirect, _items[from].Start, _items[last - 1].End, who, cueText);
                }

                if (colon && end == to && !before)
                {
                    _pending = Pending.List;
                    _pendingSpeaker = who;
                    _pendingCue = cueText;
                    _listItems = 0;
                }
            }

            if (participle >= 0)
            {
                Participle(participle, to, who);
            }
            else if (second >= 0)
            {
                var verb = Text(_items[second]).ToString();
                Reported(second + 1, to, who, verb, verb);
            }
            else if (refused && !before)
            {
                Participle(from, to, who);
            }
        }

        /// <summary>", adding that …": a second statement by the same speaker.</summary>
        private void Participle(int k, int to, Speaker who)
        {
            for (var t = k; t + 1 < to; t++)
            {
                if (IsMark(t, ',') && _items[t + 1].Kind == Kind.Word && SpeechWords.Participles.Contains(Text(_items[t + 1])))
                {
                    var start = t + 2;
                    var verb = Text(_items[t + 1]).ToString();
                    if (start < to && Is(start, "that"))
                    {
                        start++;
                    }

                    Reported(start, to, who, verb, verb);
                    return;
                }
            }
        }

        /// <summary>After "“…,” he said": the quotation going on (", “…”"), then a participle.</summary>
        private void AfterQuotation(int k, int to, Speaker who, string cueText)
        {
            while (k < to && _items[k].Kind == Kind.Word && SpeechWords.After.Contains(Text(_items[k])))
            {
                k++;
            }

            if (k + 1 < to && IsMark(k, ',') && _items[k + 1].Kind == Kind.Quote)
            {
                Direct(k + 1, who, cueText);
                k += 2;
            }

            Participle(k, to, who);
        }

        /// <summary>A quotation before its attribution: direct when it opens the sentence, mixed when running words lead into it.</summary>
        private void QuotationBefore(int from, int quote, Speaker who, string cueText)
        {
            var first = from;
            while (first < quote && _items[first].Kind == Kind.Mark)
            {
                first++;
            }

            // "Russia would view them as “occupation forces,” Lavrov said.": the clause is reported, the fragment quoted.
            if (first < quote && _items[quote - 1].Kind == Kind.Word && quote - first >= 3)
            {
                Add(StatementType.Mixed, _items[first].Start, _items[quote].End, who, cueText);
                return;
            }

            Direct(quote, who, cueText);
        }

        /// <summary>
        /// Past a dateline that opens a sentence ("MOSCOW (Reuters) –", "(AFP) -"): capitalised words, digits and
        /// brackets up to a dash. A clause before its attribution starts after it.
        /// </summary>
        private int AfterDateline(int from, int to)
        {
            var inBrackets = false;
            for (var t = from; t < to && t < from + 10; t++)
            {
                if (IsMark(t, '—', '–', '-'))
                {
                    return t > from ? t + 1 : from;
                }

                if (IsMark(t, '(') || IsMark(t, ')'))
                {
                    inBrackets = IsMark(t, '(');
                    continue;
                }

                var dateline = _items[t].Kind == Kind.Word
                    ? Capital(t) && (inBrackets || AllCapitals(Text(_items[t])))
                    : IsMark(t, ',', '.', '/');
                if (!dateline)
                {
                    return from;
                }
            }

            return from;
        }

        private static bool AllCapitals(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }

            return word.Length > 1;
        }

        /// <summary>A sentence that is only a quotation, right after a statement: the same speaker goes on.</summary>
        private void Continuation(int from, int to)
        {
            if (_lastSpeaker is not { } previous || _sentence - _lastSentence > 1 || _items[from].Kind != Kind.Quote || !OnlyMarksAfter(from + 1, to))
            {
                return;
            }

            var quote = _quotes[_items[from].Quote];
            if (quote.End - quote.Start < 2 || !char.IsUpper(body[quote.Start]))
            {
                return;
            }

            Direct(from, previous, _lastCue);
        }

        private void Direct(int item, Speaker who, string cueText)
        {
            var quote = _quotes[_items[item].Quote];
            var end = quote.End;
            while (end > quote.Start && (body[end - 1] == ',' || char.IsWhiteSpace(body[end - 1])))
            {
                end--;
            }

            if (end > quote.Start)
            {
                Add(StatementType.Direct, quote.Start, end, who, cueText);
            }
        }

        private void Add(StatementType type, int start, int end, Speaker who, string cueText)
        {
            var actor = who.Actor;
            Found.Add(new Statement(type, body[start..end], start, end, body[who.Start..who.End], who.Name, actor?.Code,
                actor is { Kind: ActorKind.Person } ? ActorDirectory.SpeaksFor(actor, date) : null, cueText, who.Start, who.End));
            _made++;
            _lastSpeaker = who;
            _lastCue = cueText;
            _lastSentence = _sentence;
        }

        // ---- Shapes of a sentence -----------------------------------------------------------------------------

        /// <summary>Back from <paramref name="i"/> over the words that may stand between a speaker and the verb.</summary>
        private int SkipBetween(int from, int i)
        {
            while (i >= from && _items[i].Kind == Kind.Word && (SpeechWords.Between.Contains(Text(_items[i])) || IsAdverb(i)))
            {
                i--;
            }

            return i;
        }

        private bool IsAdverb(int i)
        {
            var w = Text(_items[i]);
            return w.Length > 4 && char.IsLower(w[0]) && w.EndsWith("ly", StringComparison.Ordinal) && !SpeechWords.NotAdverbs.Contains(w);
        }

        /// <summary>"X said:" with nothing after the colon in the sentence.</summary>
        private bool RestIsColon(int k, int to)
        {
            while (k < to && _items[k].Kind == Kind.Word && SpeechWords.After.Contains(Text(_items[k])))
            {
                k++;
            }

            return k + 1 == to && IsMark(k, ':');
        }

        /// <summary>
        /// Whether nothing reported follows the verb ("…, Peskov said at a briefing."), so the clause is the one before
        /// the speaker; <paramref name="aside"/> when the sentence goes on after the attribution ("backed, he said, by Japan").
        /// </summary>
        private bool NoClauseAfter(int k, int to, out bool aside)
        {
            aside = false;
            while (k < to && _items[k].Kind == Kind.Word && SpeechWords.After.Contains(Text(_items[k])))
            {
                k++;
            }

            if (k >= to || OnlyMarksAfter(k, to))
            {
                return true;
            }

            if (IsMark(k, ','))
            {
                if (k + 1 < to && _items[k + 1].Kind == Kind.Word && SpeechWords.Participles.Contains(Text(_items[k + 1])))
                {
                    return true;
                }

                for (var t = k + 1; t < to; t++)
                {
                    if (_items[t].Kind == Kind.Word && SpeechWords.Cues.Contains(Text(_items[t])))
                    {
                        return true;
                    }
                }

                aside = true;
                return true;
            }

            if (_items[k].Kind == Kind.Word && (SpeechWords.Prepositions.Contains(Text(_items[k])) || SpeechWords.Subordinators.Contains(Text(_items[k]))))
            {
                // "said in a statement that …" reports what follows.
                for (var t = k; t < to && t < k + 12 && _items[t].Kind == Kind.Word; t++)
                {
                    if (Is(t, "that"))
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }

        /// <summary>Whether a speaker starts at <paramref name="k"/> and a verb of speech follows it.</summary>
        private bool NewSpeakerAt(int k, int to)
        {
            for (var j = k + 1; j < to && j < k + 10; j++)
            {
                if (_items[j].Kind != Kind.Word)
                {
                    return false;
                }

                if (!SpeechWords.Cues.Contains(Text(_items[j])))
                {
                    continue;
                }

                var b = SkipBetween(k, j - 1);
                if (b < k)
                {
                    return false;
                }

                _probing = true;
                try
                {
                    return SpeakerBefore(k, b, out var f) is not null && f == k;
                }
                finally
                {
                    _probing = false;
                }
            }

            return false;
        }

        // ---- Speakers -----------------------------------------------------------------------------------------

        /// <summary>The speaker that ends at item <paramref name="last"/>, or before an aside set off by commas there.</summary>
        private Speaker? SpeakerEndingAt(int from, int last, out int first)
        {
            first = -1;
            if (_items[last].Kind == Kind.Word)
            {
                return SpeakerBefore(from, last, out first);
            }

            if (!IsMark(last, ',', '—', '–'))
            {
                return null;
            }

            // "Kaja Kallas, the EU's top diplomat, said", "The Kremlin, however, said": the speaker before the aside,
            // or the aside itself when it is the name ("The government spokesperson, Maria Zakharova, said").
            var open = last - 1;
            while (open >= from && open > last - 16 && _items[open].Kind != Kind.Break && !IsMark(open, ',', '—', '–') && !IsMark(open, '.', ':', ';'))
            {
                open--;
            }

            if (open < from || open == last - 1 || !IsMark(open, ',', '—', '–'))
            {
                return null;
            }

            Speaker? a = null;
            var aFirst = -1;
            if (open - 1 >= from && _items[open - 1].Kind == Kind.Word)
            {
                a = SpeakerBefore(from, open - 1, out aFirst);
            }

            if (a is { Actor: not null })
            {
                first = aFirst;
                return a;
            }

            Speaker? b = null;
            if (_items[last - 1].Kind == Kind.Word && SpeakerBefore(open + 1, last - 1, out var bFirst) is { } aside && bFirst == open + 1)
            {
                b = aside;
            }

            if (b is { Actor: not null } || a is null)
            {
                first = a is null ? open + 1 : aFirst;
                return b is { } found && a is not null ? found with { Start = a.Value.Start } : b;
            }

            first = aFirst;
            return a;
        }

        /// <summary>"Meloni who took part in … has confirmed": the speaker before a relative clause.</summary>
        private Speaker? Relative(int from, int last, out int first)
        {
            first = -1;
            for (var t = last; t >= from && t > last - 30; t--)
            {
                if (_items[t].Kind == Kind.Break || IsMark(t, '.', ':', ';') || (_items[t].Kind == Kind.Word && SpeechWords.Cues.Contains(Text(_items[t]))))
                {
                    return null;
                }

                if (!Is(t, "who"))
                {
                    continue;
                }

                var k = t - 1;
                if (k >= from && IsMark(k, ','))
                {
                    k--;
                }

                return k >= from && _items[k].Kind == Kind.Word ? SpeakerBefore(from, k, out first) : null;
            }

            return null;
        }

        /// <summary>The speaker that ends at item <paramref name="last"/>: a pronoun, a name, or a noun phrase with a speaking head.</summary>
        private Speaker? SpeakerBefore(int from, int last, out int first)
        {
            first = last;
            var word = Text(_items[last]);
            if (IsPronoun(word))
            {
                return Pronoun(_items[last].Start, _items[last].End, word);
            }

            if (Capital(last))
            {
                if (IsPossessive(last))
                {
                    return null;
                }

                first = NameRunStart(from, last);
                while (first < last && (SpeechWords.Openers.Contains(Text(_items[first])) || SpeechWords.NameJoins.Contains(Text(_items[first]))))
                {
                    first++;
                }

                if (SpeechWords.Openers.Contains(Text(_items[first])))
                {
                    return null;
                }

                var named = Named(first, last);

                // "the Telegraph", "The Kremlin": the speaker as written is the name; the phrase starts at its article.
                var phrase = first;
                if (first - 1 >= from && _items[first - 1].Kind == Kind.Word && SpeechWords.Determiners.Contains(Text(_items[first - 1])))
                {
                    phrase = first - 1;
                }
                else if (first > from && first < last && SpeechWords.Determiners.Contains(Text(_items[first])))
                {
                    phrase = first;
                }

                // "Kremlin spokesman Dmitry Peskov", "French foreign minister Jean-Noel Barrot": the office before the
                // name is part of the speaker as written.
                var t = first - 1;
                var office = false;
                var titled = false;
                for (var r = first; r < last; r++)
                {
                    titled |= SpeechWords.SpeakingNouns.Contains(Text(_items[r])) || directory.IsTitle(ActorDirectory.Key(Text(_items[r])));
                }

                while (!titled && t >= from && _items[t].Kind == Kind.Word && !Capital(t) && (SpeechWords.SpeakingNouns.Contains(Text(_items[t])) || SpeechWords.TitleWords.Contains(Text(_items[t]))))
                {
                    office |= SpeechWords.SpeakingNouns.Contains(Text(_items[t]));
                    t--;
                }

                if (office)
                {
                    var ext = t + 1;
                    while (t >= from && Capital(t) && !SpeechWords.Openers.Contains(Text(_items[t])))
                    {
                        ext = t--;
                    }

                    if (t >= from && _items[t].Kind == Kind.Word && (SpeechWords.Determiners.Contains(Text(_items[t])) || (Capital(t) && IsPossessive(t))))
                    {
                        ext = t;
                    }

                    while (ext < first && SpeechWords.NameJoins.Contains(Text(_items[ext])))
                    {
                        ext++;
                    }

                    first = ext;
                    return named with { Start = _items[ext].Start };
                }

                first = Math.Min(first, phrase);
                return named;
            }

            // "the head of state", "the head of government".
            if ((word.Equals("state", StringComparison.OrdinalIgnoreCase) || word.Equals("government", StringComparison.OrdinalIgnoreCase))
                && last - 2 >= from && Is(last - 1, "of") && Is(last - 2, "head"))
            {
                first = last - 2 - 1 >= from && _items[last - 3].Kind == Kind.Word && SpeechWords.Determiners.Contains(Text(_items[last - 3])) ? last - 3 : last - 2;
                return Leader(first, last, null);
            }

            // "the prime minister", "a Kremlin spokesman", "Mr Zelensky’s office": a speaking head, back to a
            // determiner, a possessor or a capitalised qualifier.
            if (!SpeechWords.SpeakingNouns.Contains(word) && !directory.IsTitle(ActorDirectory.Key(word)))
            {
                return null;
            }

            var start = last;
            for (var t = last - 1; t >= from && t >= last - 5 && _items[t].Kind == Kind.Word; t--)
            {
                var w = Text(_items[t]);
                if (SpeechWords.Determiners.Contains(w))
                {
                    start = t;
                    break;
                }

                if (IsPossessive(t))
                {
                    // "Mr Zelensky’s office", "Prime Minister Keir Starmer's spokesman".
                    var ownerFirst = Capital(t) ? NameRunStart(from, t) : t;
                    first = ownerFirst;
                    var owner = Capital(t) ? Named(ownerFirst, t, possessive: true) : (Speaker?)null;
                    return Owned(owner, _items[ownerFirst].Start, _items[last].End, word, ownerFirst, last);
                }

                if (Is(t, "and") && t - 1 >= from && Capital(t - 1))
                {
                    // "Starmer and other European leaders": the first named speaks for both.
                    if (SpeakerBefore(from, t - 1, out var leftFirst) is { Actor: not null } left)
                    {
                        first = leftFirst;
                        return left with { End = _items[last].End };
                    }

                    break;
                }

                if (SpeechWords.Cues.Contains(w) || SpeechWords.Openers.Contains(w))
                {
                    break;
                }

                start = t;
            }

            first = start;
            var head = Text(_items[start]);
            if (head.Equals("his", StringComparison.OrdinalIgnoreCase) || head.Equals("her", StringComparison.OrdinalIgnoreCase) || head.Equals("its", StringComparison.OrdinalIgnoreCase))
            {
                // "her press service", "his office": the person or body last named.
                return Owned(Pronoun(_items[start].Start, _items[start].End, head), _items[start].Start, _items[last].End, word, start, last);
            }

            return Titled(start, last);
        }

        /// <summary>A speaking noun of an owner: a person's voice (spokesman, press service) is the person; an institution speaks for the state.</summary>
        private Speaker Owned(Speaker? owner, int start, int end, ReadOnlySpan<char> head, int firstItem, int lastItem)
        {
            if (owner is { Actor: { } actor } known)
            {
                if (actor.Kind == ActorKind.Person && SpeechWords.Institutions.Contains(head)
                    && ActorDirectory.SpeaksFor(actor, date) is { } code && directory[code] is { } state)
                {
                    return Remember(new Speaker(start, end, state.Name, state), person: false);
                }

                if (actor.Kind == ActorKind.Person && SpeechWords.Voices.Contains(head))
                {
                    return known with { Start = start, End = end };
                }

                if (actor.Kind != ActorKind.Person && SpeechWords.Institutions.Contains(head))
                {
                    return Remember(new Speaker(start, end, actor.Name, actor), person: false);
                }
            }
            else if (owner is { Name: { } name } && SpeechWords.Voices.Contains(head))
            {
                return new Speaker(start, end, name, null);
            }

            return Titled(firstItem, lastItem);
        }

        /// <summary>The speaker that starts at item <paramref name="k"/> ("said Peskov", "according to the Kremlin").</summary>
        private Speaker? SpeakerAfter(int k, int to, out int after)
        {
            after = k;
            if (k >= to || _items[k].Kind != Kind.Word)
            {
                return null;
            }

            var lead = Text(_items[k]);
            var objectPronoun = (lead.Equals("her", StringComparison.OrdinalIgnoreCase) || lead.Equals("him", StringComparison.OrdinalIgnoreCase))
                && (k + 1 >= to || _items[k + 1].Kind != Kind.Word);
            if (IsPronoun(lead) || objectPronoun)
            {
                after = k + 1;
                return Pronoun(_items[k].Start, _items[k].End, lead);
            }

            var t = k;
            var determiner = SpeechWords.Determiners.Contains(lead);
            if (determiner)
            {
                t++;
            }

            var last = -1;
            while (t < to && _items[t].Kind == Kind.Word && t < k + 8 && !Is(t, "that") && !SpeechWords.After.Contains(Text(_items[t])))
            {
                if (!Capital(t) && !SpeechWords.NameJoins.Contains(Text(_items[t])) && !determiner)
                {
                    // "Starmer's plan" is no speaker; "Zelensky's office" is.
                    if (last >= 0 && IsPossessive(last) && !SpeechWords.SpeakingNouns.Contains(Text(_items[t])))
                    {
                        return null;
                    }

                    if (last < 0 || !IsPossessive(last))
                    {
                        break;
                    }
                }

                // "a statement from her press service", "a statement by the Kremlin": who the statement is from.
                if (determiner && (Is(t, "from") || Is(t, "by")) && last >= 0 && SpeakerAfter(t + 1, to, out var fromEnd) is { } source)
                {
                    after = fromEnd;
                    return source with { Start = _items[k].Start };
                }

                last = t;
                t++;
            }

            if (last < 0)
            {
                return null;
            }

            after = last + 1;
            var tail = Text(_items[last]);
            if (determiner && !Capital(last) && !SpeechWords.SpeakingNouns.Contains(tail) && !directory.IsTitle(ActorDirectory.Key(tail)))
            {
                return null;
            }

            return SpeakerBefore(k, last, out _) ?? (determiner || !Capital(last) ? Titled(k, last) : Named(k, last));
        }

        private static bool IsPronoun(ReadOnlySpan<char> word) =>
            word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("it", StringComparison.OrdinalIgnoreCase);

        /// <summary>"he", "she": the last person of that gender who spoke; "it": the last state or organisation that did.</summary>
        private Speaker Pronoun(int start, int end, ReadOnlySpan<char> word)
        {
            if (word.Equals("it", StringComparison.OrdinalIgnoreCase) || word.Equals("its", StringComparison.OrdinalIgnoreCase))
            {
                return new Speaker(start, end, _lastBody?.Name, _lastBody?.Actor);
            }

            var female = word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("her", StringComparison.OrdinalIgnoreCase);
            var antecedent = LastPerson(female ? Gender.Female : Gender.Male);
            return new Speaker(start, end, antecedent?.Name, antecedent?.Actor);
        }

        private Speaker? LastPerson(Gender gender)
        {
            for (var i = _people.Count - 1; i >= 0; i--)
            {
                if (_people[i].Gender == Gender.Unknown || gender == Gender.Unknown || _people[i].Gender == gender)
                {
                    return _people[i].Speaker;
                }
            }

            return null;
        }

        /// <summary>A run of capitalised words: the longest name at its end the directory or the document knows, else a title.</summary>
        private Speaker Named(int first, int last, bool possessive = false)
        {
            var start = _items[first].Start;
            var end = _items[last].End;
            if (possessive && IsPossessive(last))
            {
                end -= 2;
            }

            for (var j = first + 1; j < last; j++)
            {
                if (Is(j, "and"))
                {
                    // Joint speakers ("Starmer and Mr Macron"): the first named speaks for both.
                    var left = Named(first, j - 1);
                    return left.Actor is not null || left.Name is not null ? left with { Start = start, End = end } : new Speaker(start, end, null, null);
                }
            }

            for (var t = first; t <= last; t++)
            {
                if (_items[t].Start < end && directory.ByName(body.AsSpan(_items[t].Start, end - _items[t].Start)) is { } actor)
                {
                    return Remember(new Speaker(start, end, actor.Name, actor));
                }
            }

            if (!possessive && Titled(first, last) is { Actor: not null } titled)
            {
                return titled;
            }

            // A name the directory does not hold: the words after the last title word, remembered by surname
            // so that "Peskov" later is the "Dmitry Peskov" named first.
            var nameFrom = first;
            for (var t = first; t < last; t++)
            {
                var key = ActorDirectory.Key(Text(_items[t]));
                if (directory.IsTitle(key) || SpeechWords.SpeakingNouns.Contains(key) || directory.QualifierCode(key) is not null)
                {
                    nameFrom = t + 1;
                }
            }

            var name = body[_items[nameFrom].Start..end];
            var surname = ActorDirectory.Key(body.AsSpan(_items[last].Start, end - _items[last].Start));
            if (last > nameFrom)
            {
                if (!_probing)
                {
                    _fullNames.TryAdd(surname, name);
                }
            }
            else if (_fullNames.TryGetValue(surname, out var full))
            {
                name = full;
            }

            return Remember(new Speaker(start, end, name, null), person: last > nameFrom || _fullNames.ContainsKey(surname));
        }

        /// <summary>A title, perhaps qualified ("the French president", "Kremlin spokesman"), resolved to whoever held it at the date.</summary>
        private Speaker Titled(int first, int last)
        {
            var start = _items[first].Start;
            var end = _items[last].End;
            var words = new List<string>(last - first + 1);
            var capitals = new List<string>();
            for (var t = first; t <= last; t++)
            {
                var w = Text(_items[t]);
                if (!SpeechWords.Determiners.Contains(w))
                {
                    var plain = IsPossessive(t) ? w[..^2] : w;
                    words.Add(ActorDirectory.Key(plain));
                    if (Capital(t))
                    {
                        capitals.Add(plain.ToString());
                    }
                }
            }

            for (var take = Math.Min(words.Count, 5); take >= 1; take--)
            {
                var title = string.Join(' ', words.Skip(words.Count - take));
                if (!directory.IsTitle(title))
                {
                    continue;
                }

                string? of = null;
                if (take < words.Count)
                {
                    of = directory.QualifierCode(string.Join(' ', words.Take(words.Count - take)));
                    of ??= directory.QualifierCode(words[words.Count - take - 1]);
                    if (of is null)
                    {
                        continue;
                    }
                }

                var holders = directory.Holders(title, of, date).Distinct().ToList();
                if (Choose(holders, start) is { } chosen)
                {
                    return Remember(new Speaker(start, end, chosen.Name, chosen));
                }

                // Of several holders, the one whose title is just this (a spokesman) before one whose title
                // names another office too (a spokeswoman of a ministry).
                if (holders.Count > 1 && holders.Where(h => h.Roles.Any(r => ActorDirectory.Key(r.Title) == title)).ToList() is [var plain])
                {
                    return Remember(new Speaker(start, end, plain.Name, plain));
                }
            }

            if (words.Count == 0)
            {
                return new Speaker(start, end, body[start..end], null);
            }

            var head = words[^1];

            // "the United Kingdom leader", "the French leader", "the premier".
            if (head is "leader" or "premier")
            {
                var of = words.Count > 1 ? directory.QualifierCode(string.Join(' ', words.Take(words.Count - 1))) ?? directory.QualifierCode(words[^2]) : null;
                if (words.Count == 1 || of is not null)
                {
                    return Leader(first, last, of);
                }
            }

            // An organisation named by its seat or its name ("the Kremlin", "the European Commission").
            if (directory.ByName(string.Join(' ', words)) is { } named)
            {
                return Remember(new Speaker(start, end, named.Name, named));
            }

            // "the Russian foreign ministry", "the French government": the state's institution speaks for the state.
            if (words.Count > 1 && SpeechWords.Institutions.Contains(head))
            {
                for (var t = 0; t < words.Count - 1; t++)
                {
                    if (directory.QualifierCode(words[t]) is { } code && directory[code] is { } state)
                    {
                        return Remember(new Speaker(start, end, state.Name, state), person: false);
                    }
                }
            }

            // "a Telegraph story", "an Interfax report": the publication.
            if (SpeechWords.MediaNouns.Contains(head) && capitals.Count > 0)
            {
                return Remember(new Speaker(start, end, string.Join(' ', capitals), null), person: false);
            }

            // "the official", "the diplomat", "the press service": the person who spoke last.
            if ((words.Count == 1 && SpeechWords.PersonNouns.Contains(head)) || (SpeechWords.Voices.Contains(head) && capitals.Count == 0))
            {
                var gender = head == "spokesperson" ? Gender.Unknown : Genders.OfName(head);
                if (body.AsSpan(start, end - start).Contains("woman", StringComparison.OrdinalIgnoreCase))
                {
                    gender = Gender.Female;
                }

                if (LastPerson(gender) is { } person)
                {
                    return person with { Start = start, End = end };
                }
            }

            return Remember(new Speaker(start, end, body[start..end], null), person: false);
        }

        /// <summary>A head of state or government not named: of the qualifying state, else the last one who spoke.</summary>
        private Speaker Leader(int first, int last, string? of)
        {
            var start = _items[first].Start;
            var end = _items[last].End;
            var heads = directory.Heads(of, date).Distinct().ToList();
            if (Choose(heads, start) is { } chosen)
            {
                return Remember(new Speaker(start, end, chosen.Name, chosen));
            }

            return Remember(new Speaker(start, end, body[start..end], null), person: false);
        }

        /// <summary>
        /// One of several holders of a title: the only one; else the one who spoke last; else the one whose state the
        /// text named last before <paramref name="position"/> ("on behalf of the United Kingdom … the Prime Minister").
        /// </summary>
        private Actor? Choose(List<Actor> holders, int position)
        {
            if (holders.Count == 1)
            {
                return holders[0];
            }

            if (holders.Count == 0)
            {
                return null;
            }

            for (var i = _spokenPeople.Count - 1; i >= 0; i--)
            {
                if (holders.Contains(_spokenPeople[i]))
                {
                    return _spokenPeople[i];
                }
            }

            // The first state the text names before the title is the one it is written from ("on behalf of the United
            // Kingdom … the Prime Minister said"); a later one is more often the subject of what is said.
            foreach (var (at, code) in Mentions())
            {
                if (at >= position)
                {
                    break;
                }

                foreach (var holder in holders)
                {
                    if (ActorDirectory.SpeaksFor(holder, date) == code)
                    {
                        return holder;
                    }
                }
            }

            return null;
        }

        /// <summary>Where the body names a state or organisation (by name, alias, seat or adjective), in order; read once.</summary>
        private List<(int Position, string Code)> Mentions()
        {
            if (_mentions is not null)
            {
                return _mentions;
            }

            _mentions = [];
            for (var i = 0; i < _items.Count; i++)
            {
                if (!Capital(i))
                {
                    continue;
                }

                for (var n = 3; n >= 1; n--)
                {
                    var last = i + n - 1;
                    if (last >= _items.Count || _items[last].Kind != Kind.Word || (n > 1 && _items[i + 1].Kind != Kind.Word))
                    {
                        continue;
                    }

                    if (directory.QualifierCode(body.AsSpan(_items[i].Start, _items[last].End - _items[i].Start)) is { } code)
                    {
                        _mentions.Add((_items[i].Start, code));
                        i = last;
                        break;
                    }
                }
            }

            return _mentions;
        }

        private Speaker Remember(Speaker speaker, bool? person = null)
        {
            if (_probing)
            {
                return speaker;
            }

            var isPerson = person ?? speaker.Actor?.Kind == ActorKind.Person;
            if (isPerson)
            {
                _people.Add((speaker, Genders.OfName(speaker.Actor?.Name ?? speaker.Name ?? body[speaker.Start..speaker.End])));
                if (speaker.Actor is { } actor)
                {
                    _spokenPeople.Add(actor);
                }
            }
            else
            {
                _lastBody = speaker;
            }

            return speaker;
        }

        // ---- Small readings -----------------------------------------------------------------------------------

        private ReadOnlySpan<char> Text(Item item) => body.AsSpan(item.Start, item.End - item.Start);

        private bool Is(int i, string word) => i >= 0 && i < _items.Count && _items[i].Kind == Kind.Word && Text(_items[i]).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsMark(int i, char mark) => i >= 0 && i < _items.Count && _items[i].Kind == Kind.Mark && body[_items[i].Start] == mark;

        private bool IsMark(int i, char a, char b, char c) => IsMark(i, a) || IsMark(i, b) || IsMark(i, c);

        private bool Capital(int i) => i >= 0 && i < _items.Count && _items[i].Kind == Kind.Word && (char.IsUpper(body[_items[i].Start]) || char.IsDigit(body[_items[i].Start]));

        private bool IsPossessive(int i)
        {
            var w = Text(_items[i]);
            return w.Length > 2 && (w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal));
        }

        /// <summary>The first word of the run of capitalised words (with lower-case joins, "von der") that ends at <paramref name="last"/>.</summary>
        private int NameRunStart(int from, int last)
        {
            var first = last;
            while (first - 1 >= from && _items[first - 1].Kind == Kind.Word)
            {
                if (Capital(first - 1))
                {
                    first--;
                    continue;
                }

                // "Ursula von der Leyen": lower-case joins count when a capitalised word stands before them.
                var join = first - 1;
                while (join >= from && _items[join].Kind == Kind.Word && SpeechWords.NameJoins.Contains(Text(_items[join])))
                {
                    join--;
                }

                if (join < from || join == first - 1 || !Capital(join))
                {
                    break;
                }

                first = join;
            }

            return first;
        }

        /// <summary>Whether a relative clause from <paramref name="from"/> closes with a comma before the main clause goes on ("the plan, which …, would fail").</summary>
        private bool RelativeClosed(int from, int to)
        {
            for (var t = from; t + 1 < to; t++)
            {
                if (IsMark(t, ',') && _items[t + 1].Kind == Kind.Word && SpeechWords.Auxiliaries.Contains(Text(_items[t + 1])))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The quotation item at <paramref name="i"/>, or just before a comma or dash there; -1 when none.</summary>
        private int QuoteJustBefore(int from, int i)
        {
            while (i >= from && _items[i].Kind == Kind.Mark && body[_items[i].Start] is ',' or '—' or '–')
            {
                i--;
            }

            return i >= from && _items[i].Kind == Kind.Quote ? i : -1;
        }

        private bool OnlyMarksAfter(int k, int to)
        {
            for (var t = k; t < to; t++)
            {
                if (_items[t].Kind is Kind.Word or Kind.Quote)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
