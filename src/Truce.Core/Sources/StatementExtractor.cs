using Truce.Core.Coalition;

namespace Truce.Core.Sources;

/// <summary>
/// Finds the statements of a document's body: direct quotations with their attribution, reported speech and
/// reported speech with a quoted fragment, each with its speaker resolved and linked to an actor at the
/// document's date. Pure and deterministic: the same body, date and directory give the same statements.
/// </summary>
/// <remarks>
/// One pass finds the quotations, one pass cuts the body into words, marks and quotations (a quotation is one
/// item, so its words never look like a speaker or a verb), and each sentence is then read by a handful of
/// general rules of news English: a speaker next to a verb of speech, on either side of a quotation; "according
/// to"; a participle hanging a second statement on the same speaker; a quotation that follows one by the same
/// speaker. A quotation no rule attributes is a label (a scare quote) and yields nothing. No regular expression
/// is used, so nothing can backtrack.
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
        private readonly List<Quotation> _quotes = Quotations.Find(body);
        private readonly List<Item> _items = new(body.Length / 5);
        private readonly Dictionary<string, string> _fullNames = new(StringComparer.Ordinal);
        private readonly List<Actor> _spokenPeople = [];
        private Speaker? _lastPerson;
        private Speaker? _lastBody;
        private Statement? _lastDirect;
        private int _lastDirectSentence = -10;
        private int _sentence;

        public List<Statement> Found { get; } = [];

        public void Run()
        {
            Cut();
            var from = 0;
            for (var i = 0; i < _items.Count; i++)
            {
                if (EndsSentence(i))
                {
                    Sentence(from, i + 1);
                    from = i + 1;
                }
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

            for (var i = from; i < to; i++)
            {
                if (_items[i].Kind != Kind.Word)
                {
                    continue;
                }

                var word = Text(_items[i]);
                if (word.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < to && Text(_items[i + 1]).Equals("to", StringComparison.OrdinalIgnoreCase))
                {
                    if (According(from, to, i))
                    {
                        return;
                    }

                    continue;
                }

                if (SpeechWords.Cues.Contains(word) && Cue(from, to, i))
                {
                    return;
                }
            }

            Continuation(from, to);
        }

        /// <summary>A speaker next to the verb of speech at <paramref name="cue"/>; true when it made a statement.</summary>
        private bool Cue(int from, int to, int cue)
        {
            // "told reporters", "told the BBC": the cue takes its hearer, up to "that", a mark or a quotation.
            var cueEnd = cue + 1;
            if (Text(_items[cue]).StartsWith("t", StringComparison.OrdinalIgnoreCase))
            {
                while (cueEnd < to && cueEnd < cue + 4 && _items[cueEnd].Kind == Kind.Word && !Is(cueEnd, "that") && !SpeechWords.After.Contains(Text(_items[cueEnd])))
                {
                    cueEnd++;
                }
            }

            var cueText = body[_items[cue].Start.._items[cueEnd - 1].End];
            var before = cue - 1;
            while (before >= from && _items[before].Kind == Kind.Word && SpeechWords.Between.Contains(Text(_items[before])))
            {
                before--;
            }

            var speaker = before >= from && _items[before].Kind == Kind.Word ? SpeakerBefore(from, before) : null;
            int quoteBefore;
            if (speaker is { } s)
            {
                quoteBefore = QuoteJustBefore(from, ItemAt(from, s.Start) - 1);
            }
            else
            {
                // "“…,” said Peskov": the speaker follows the verb, after a quotation.
                quoteBefore = QuoteJustBefore(from, cue - 1);
                if (quoteBefore < 0)
                {
                    return false;
                }

                speaker = SpeakerAfter(cueEnd, to, out var after);
                if (speaker is null)
                {
                    return false;
                }

                cueEnd = after;
            }

            var who = speaker.Value;
            if (quoteBefore >= 0)
            {
                Direct(quoteBefore, who, cueText);

                // "“…,” he said, “…”": the quotation goes on after the attribution.
                var k = cueEnd;
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
                return true;
            }

            Reported(cueEnd, to, who, cueText);
            return true;
        }

        /// <summary>"according to X, …" and "…, according to X": true when it made a statement.</summary>
        private bool According(int from, int to, int according)
        {
            var speaker = SpeakerAfter(according + 2, to, out var after);
            if (speaker is null)
            {
                return false;
            }

            const string cueText = "according to";
            var quote = QuoteJustBefore(from, according - 1);
            if (quote >= 0)
            {
                Direct(quote, speaker.Value, cueText);
                return true;
            }

            if (after < to && IsMark(after, ','))
            {
                // "According to the Kremlin, …": what follows the comma.
                Clause(after + 1, to, speaker.Value, cueText);
                return true;
            }

            // "…, according to the Kremlin.": what precedes it, from the sentence's start.
            var end = according;
            while (end > from && _items[end - 1].Kind == Kind.Mark && body[_items[end - 1].Start] is ',' or '—' or '–')
            {
                end--;
            }

            if (end <= from)
            {
                return false;
            }

            Clause(from, end, speaker.Value, cueText);
            return true;
        }

        /// <summary>What follows a verb of speech: a quotation standing alone, or a reported clause.</summary>
        private void Reported(int k, int to, Speaker who, string cueText)
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

            // "said in a message on X that …": the clause starts after "that" when only an adjunct stands before it
            // (no quotation, mark or conjunction: in "said the offer was poor but that …" the clause starts earlier).
            for (var t = k; t < to && t < k + 10; t++)
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

            Clause(first, to, who, cueText, bare: true);
        }

        /// <summary>A reported clause from item <paramref name="from"/> to the sentence's end or a participle's comma.</summary>
        private void Clause(int from, int to, Speaker who, string cueText, bool bare = false)
        {
            while (from < to && _items[from].Kind == Kind.Mark)
            {
                from++;
            }

            // A verb with no clause worth the name is no speech: "the regions it claims as its own".
            if (to - from < 3 || (bare && _items[from].Kind == Kind.Word && SpeechWords.Prepositions.Contains(Text(_items[from]))))
            {
                return;
            }

            var end = to;
            for (var t = from; t + 1 < to; t++)
            {
                if (IsMark(t, ',') && _items[t + 1].Kind == Kind.Word && SpeechWords.Participles.Contains(Text(_items[t + 1])))
                {
                    end = t;
                    break;
                }
            }

            var last = end;
            while (last > from && _items[last - 1].Kind == Kind.Mark && body[_items[last - 1].Start] is '.' or '!' or '?' or ',' or ';' or ':')
            {
                last--;
            }

            if (last <= from)
            {
                return;
            }

            var mixed = false;
            for (var t = from; t < last; t++)
            {
                mixed |= _items[t].Kind == Kind.Quote;
            }

            Add(mixed ? StatementType.Mixed : StatementType.Indirect, _items[from].Start, _items[last - 1].End, who, cueText);
            if (end < to)
            {
                Participle(end, to, who);
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
                    if (start < to && Is(start, "that"))
                    {
                        start++;
                    }

                    Reported(start, to, who, Text(_items[t + 1]).ToString());
                    return;
                }
            }
        }

        /// <summary>A sentence that is only a quotation, right after a direct statement: the same speaker goes on.</summary>
        private void Continuation(int from, int to)
        {
            if (_lastDirect is not { } previous || _sentence - _lastDirectSentence > 1 || _items[from].Kind != Kind.Quote || !OnlyMarksAfter(from + 1, to))
            {
                return;
            }

            var quote = _quotes[_items[from].Quote];
            if (quote.End - quote.Start < 2 || !char.IsUpper(body[quote.Start]))
            {
                return;
            }

            var who = new Speaker(previous.SpeakerStart, previous.SpeakerEnd, previous.SpeakerName, previous.ActorCode is null ? null : directory[previous.ActorCode]);
            Direct(from, who, previous.Cue);
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
                _lastDirect = Add(StatementType.Direct, quote.Start, end, who, cueText);
                _lastDirectSentence = _sentence;
            }
        }

        private Statement Add(StatementType type, int start, int end, Speaker who, string cueText)
        {
            var actor = who.Actor;
            var statement = new Statement(type, body[start..end], start, end, body[who.Start..who.End], who.Name, actor?.Code,
                actor is { Kind: ActorKind.Person } ? ActorDirectory.SpeaksFor(actor, date) : null, cueText, who.Start, who.End);
            Found.Add(statement);
            return statement;
        }

        // ---- Speakers -----------------------------------------------------------------------------------------

        /// <summary>The speaker that ends at item <paramref name="last"/>: a pronoun, a name, or a noun phrase with a speaking head.</summary>
        private Speaker? SpeakerBefore(int from, int last)
        {
            var word = Text(_items[last]);
            if (IsPronoun(word))
            {
                return Pronoun(_items[last].Start, _items[last].End, word);
            }

            if (char.IsUpper(word[0]) || char.IsDigit(word[0]))
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

                while (first < last && (SpeechWords.Openers.Contains(Text(_items[first])) || SpeechWords.NameJoins.Contains(Text(_items[first]))))
                {
                    first++;
                }

                if (SpeechWords.Openers.Contains(Text(_items[first])))
                {
                    return null;
                }

                return Named(first, last);
            }

            // "the prime minister", "a Kremlin spokesman": a speaking head, back to a determiner or a capitalised qualifier.
            if (!SpeechWords.SpeakingNouns.Contains(word) && !directory.IsTitle(ActorDirectory.Key(word)))
            {
                return null;
            }

            var start = last;
            for (var t = last - 1; t >= from && t >= last - 5 && _items[t].Kind == Kind.Word; t--)
            {
                var w = Text(_items[t]);
                if (SpeechWords.Determiners.Contains(w) || w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal))
                {
                    start = t;
                    break;
                }

                if (SpeechWords.Cues.Contains(w) || SpeechWords.Openers.Contains(w))
                {
                    break;
                }

                start = t;
            }

            return Titled(start, last);
        }

        /// <summary>The speaker that starts at item <paramref name="k"/> ("said Peskov", "according to the Kremlin").</summary>
        private Speaker? SpeakerAfter(int k, int to, out int after)
        {
            after = k;
            var t = k;
            var determiner = t < to && _items[t].Kind == Kind.Word && SpeechWords.Determiners.Contains(Text(_items[t]));
            if (determiner)
            {
                t++;
            }

            var last = -1;
            while (t < to && _items[t].Kind == Kind.Word && t < k + 8 && !Is(t, "that") && !SpeechWords.After.Contains(Text(_items[t])))
            {
                if (!Capital(t) && !SpeechWords.NameJoins.Contains(Text(_items[t])) && !determiner)
                {
                    break;
                }

                last = t;
                t++;
            }

            if (last < 0)
            {
                return null;
            }

            after = last + 1;
            if (!determiner && _items[k].Kind == Kind.Word && IsPronoun(Text(_items[k])))
            {
                after = k + 1;
                return Pronoun(_items[k].Start, _items[k].End, Text(_items[k]));
            }

            return determiner || !Capital(last) ? Titled(k, last) : Named(k, last);
        }

        private static bool IsPronoun(ReadOnlySpan<char> word) =>
            word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("it", StringComparison.OrdinalIgnoreCase);

        /// <summary>"he", "she": the last person who spoke; "it": the last state or organisation that did.</summary>
        private Speaker Pronoun(int start, int end, ReadOnlySpan<char> word)
        {
            var antecedent = word.Equals("it", StringComparison.OrdinalIgnoreCase) ? _lastBody : _lastPerson;
            return new Speaker(start, end, antecedent?.Name, antecedent?.Actor);
        }

        /// <summary>A run of capitalised words: the longest name at its end the directory or the document knows, else a title.</summary>
        private Speaker Named(int first, int last)
        {
            var start = _items[first].Start;
            var end = _items[last].End;
            if (!body.AsSpan(start, end - start).Contains(" and ", StringComparison.Ordinal))
            {
                for (var t = first; t <= last; t++)
                {
                    if (directory.ByName(body.AsSpan(_items[t].Start, end - _items[t].Start)) is { } actor)
                    {
                        return Remember(new Speaker(start, end, actor.Name, actor));
                    }
                }

                if (Titled(first, last) is { Actor: not null } titled)
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
                var surname = ActorDirectory.Key(Text(_items[last]));
                if (last > nameFrom)
                {
                    _fullNames.TryAdd(surname, name);
                }
                else if (_fullNames.TryGetValue(surname, out var full))
                {
                    name = full;
                }

                return Remember(new Speaker(start, end, name, null), person: last > nameFrom || _fullNames.ContainsKey(surname));
            }

            return new Speaker(start, end, body[start..end], null);
        }

        /// <summary>A title, perhaps qualified ("the French president", "Kremlin spokesman"), resolved to whoever held it at the date.</summary>
        private Speaker Titled(int first, int last)
        {
            var start = _items[first].Start;
            var end = _items[last].End;
            var words = new List<string>(last - first + 1);
            for (var t = first; t <= last; t++)
            {
                var w = Text(_items[t]);
                if (!SpeechWords.Determiners.Contains(w))
                {
                    words.Add(ActorDirectory.Key(w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w));
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
                var chosen = holders.Count == 1 ? holders[0] : _spokenPeople.LastOrDefault(holders.Contains);

                // Of several holders, the one whose title is just this (a spokesman) before one whose title
                // names another office too (a spokeswoman of a ministry).
                if (chosen is null && holders.Count > 1 && holders.Where(h => h.Roles.Any(r => ActorDirectory.Key(r.Title) == title)).ToList() is [var plain])
                {
                    chosen = plain;
                }
                if (chosen is not null)
                {
                    return Remember(new Speaker(start, end, chosen.Name, chosen));
                }
            }

            // An organisation named by its seat or its name ("the Kremlin", "the European Commission").
            if (words.Count > 0 && directory.ByName(string.Join(' ', words)) is { } body1)
            {
                return Remember(new Speaker(start, end, body1.Name, body1));
            }

            return Remember(new Speaker(start, end, body[start..end], null), person: false);
        }

        private Speaker Remember(Speaker speaker, bool? person = null)
        {
            var isPerson = person ?? speaker.Actor?.Kind == ActorKind.Person;
            if (isPerson)
            {
                _lastPerson = speaker;
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

        private bool Is(int i, string word) => _items[i].Kind == Kind.Word && Text(_items[i]).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsMark(int i, char mark) => _items[i].Kind == Kind.Mark && body[_items[i].Start] == mark;

        private bool Capital(int i) => _items[i].Kind == Kind.Word && (char.IsUpper(body[_items[i].Start]) || char.IsDigit(body[_items[i].Start]));

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

        private int ItemAt(int from, int position)
        {
            var i = from;
            while (i < _items.Count && _items[i].Start < position)
            {
                i++;
            }

            return i;
        }
    }
}
