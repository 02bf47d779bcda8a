namespace Truce.Core.Sources;

/// <summary>
/// A stretch of a body between quotation marks. <see cref="Start"/>..<see cref="End"/> is the text inside;
/// <see cref="Open"/> and <see cref="Close"/> are the marks, -1 where a mark is missing and was repaired.
/// </summary>
internal readonly record struct Quotation(int Open, int Start, int End, int Close)
{
    /// <summary>Where the quotation begins in the body, its opening mark included.</summary>
    public int Outer => Open >= 0 ? Open : Start;

    /// <summary>Where it ends, its closing mark included.</summary>
    public int OuterEnd => Close >= 0 ? Close + 1 : End;
}

/// <summary>
/// Finds the quotations of a body in one pass. Double marks (straight or curly, mixed as writers mix them) are
/// quotations; single curly marks are when ‘ opens a word and ’ does not sit inside one (so "doesn’t" closes
/// nothing). A quotation still open at a paragraph's end goes on when the next paragraph opens with a mark (the
/// convention for quotations over several paragraphs) and is otherwise closed there (a missing closing mark). A
/// closing mark with nothing open takes the paragraph's text before it (a missing opening mark).
/// </summary>
internal static class Quotations
{
    public static List<Quotation> Find(string body)
    {
        var found = new List<Quotation>();
        var open = -1;       // the opening mark of the quotation being read, or -1
        var start = -1;      // where its text starts, or -1 when none is open
        var single = false;  // whether it was opened by ‘
        var paragraph = 0;   // where the current paragraph starts
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\n')
            {
                if (start >= 0)
                {
                    var next = i;
                    while (next < body.Length && char.IsWhiteSpace(body[next]))
                    {
                        next++;
                    }

                    if (next < body.Length && (single ? body[next] == '‘' : body[next] is '“' or '"'))
                    {
                        // The next paragraph reopens the quotation: it goes on, its reopening mark inside the span.
                        paragraph = next;
                        i = next;
                        continue;
                    }

                    if (!single)
                    {
                        found.Add(new Quotation(open, start, WithoutAttribution(body, start, TrimEnd(body, start, i)), -1));
                    }

                    start = -1;
                }

                paragraph = i + 1;
                continue;
            }

            var isDouble = c is '“' or '”' or '"';
            if (isDouble)
            {
                if (start >= 0 && !single && c != '“')
                {
                    found.Add(new Quotation(open, start, i, i));
                    start = -1;
                }
                else if (c == '“' || (c == '"' && i + 1 < body.Length && !char.IsWhiteSpace(body[i + 1])))
                {
                    if (start >= 0 && !single)
                    {
                        // Two openings in a row: the first lost its closing mark.
                        found.Add(new Quotation(open, start, TrimEnd(body, start, i), -1));
                    }

                    open = i;
                    start = i + 1;
                    single = false;
                }
                else if (start < 0)
                {
                    // A closing mark with nothing open: the opening mark is missing; the quotation began with the
                    // paragraph, or after the last quotation closed in it.
                    var from = paragraph;
                    if (found.Count > 0 && found[^1].OuterEnd > from)
                    {
                        from = found[^1].OuterEnd;
                    }

                    while (from < i && (char.IsWhiteSpace(body[from]) || body[from] is ',' or '.'))
                    {
                        from++;
                    }

                    if (from < i)
                    {
                        found.Add(new Quotation(-1, from, i, i));
                    }
                }

                continue;
            }

            if (c == '‘' && start < 0 && (i == 0 || char.IsWhiteSpace(body[i - 1]) || body[i - 1] is '(' or '[' or '—' or '–')
                && i + 1 < body.Length && char.IsLetterOrDigit(body[i + 1]))
            {
                open = i;
                start = i + 1;
                single = true;
            }
            else if (c == '’' && start >= 0 && single && (i + 1 == body.Length || !char.IsLetter(body[i + 1])))
            {
                found.Add(new Quotation(open, start, i, i));
                start = -1;
            }
        }

        if (start >= 0 && !single)
        {
            found.Add(new Quotation(open, start, TrimEnd(body, start, body.Length), -1));
        }

        return found;
    }

    /// <summary>
    /// A quotation whose closing mark is missing ends before an attribution at its paragraph's end ("… a piece of
    /// paper, Zelensky said."): a comma followed by at most six words, one a verb of speech, and a full stop.
    /// </summary>
    private static int WithoutAttribution(string body, int start, int end)
    {
        if (end <= start || body[end - 1] != '.')
        {
            return end;
        }

        var comma = body.LastIndexOf(',', end - 1, end - start);
        if (comma < 0)
        {
            return end;
        }

        var tail = body.AsSpan(comma + 1, end - 1 - comma - 1).Trim();
        var words = 0;
        var cue = false;
        foreach (var range in tail.Split(' '))
        {
            var word = tail[range];
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            cue |= SpeechWords.Cues.Contains(word);
        }

        return cue && words is >= 2 and <= 6 ? comma : end;
    }

    private static int TrimEnd(string body, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(body[end - 1]))
        {
            end--;
        }

        return end;
    }
}
