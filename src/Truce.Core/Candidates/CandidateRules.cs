using Truce.Core.Common;

namespace Truce.Core.Candidates;

/// <summary>The limits of what an analyst writes on deciding a candidate, each field named.</summary>
public static class CandidateRules
{
    public const int MaxNote = 1000;

    /// <summary>How much of a statement a citation quotes (<see cref="CitationRules.MaxQuote"/>): the exact text, cut at a word with "…" when longer.</summary>
    public static string QuoteOf(string body, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body[start..end];
        if (text.Length <= CitationRules.MaxQuote)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', CitationRules.MaxQuote - 2);
        return text[..(cut > 0 ? cut : CitationRules.MaxQuote - 1)] + "…";
    }

    /// <summary>A dismissal's reason: required, at most <see cref="MaxNote"/> characters.</summary>
    public static string? ReadReason(string? reason, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var read = TextRules.Read(reason, MaxNote, errors, "reason", multiline: true);
        if (read is null && !errors.Has("reason"))
        {
            errors.Add("reason", "Required: say why the candidate is dismissed, for the record.");
        }

        return read;
    }

    public static string? ReadNote(string? note, ValidationErrors errors) => TextRules.Read(note, MaxNote, errors, "note", multiline: true);
}
