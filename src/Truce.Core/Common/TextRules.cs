using System.Globalization;
using System.Text.RegularExpressions;

namespace Truce.Core.Common;

/// <summary>
/// The rules every piece of text and every list a person or a feed sends meets, whatever the record: a
/// length, no control characters (a NUL truncates text in some tools, an escape sequence rewrites a terminal)
/// and no bidirectional overrides (which make a page show text in another order than it is stored), and a
/// bound on how many items a list may hold.
/// </summary>
public static partial class TextRules
{
    /// <summary>How many items one list of a record may hold (conditions, caveats, sources, codes).</summary>
    public const int MaxListItems = 50;

    /// <summary>A code or short name (a member code, a unit, a user name).</summary>
    public const int MaxCode = 64;

    /// <summary>
    /// The text trimmed (null when empty), after naming <paramref name="field"/> in <paramref name="errors"/>
    /// when it is longer than <paramref name="max"/> or carries a character it may not. Line breaks and tabs
    /// are allowed only in <paramref name="multiline"/> text.
    /// </summary>
    public static string? Read(string? text, int max, ValidationErrors errors, string field, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > max)
        {
            errors.Add(field, $"At most {max.ToString("N0", CultureInfo.InvariantCulture)} characters; got {trimmed.Length.ToString("N0", CultureInfo.InvariantCulture)}.");
            return null;
        }

        var at = IndexOfDisallowed(trimmed, multiline);
        if (at >= 0)
        {
            var bad = trimmed[at];
            errors.Add(field, $"Contains the character U+{(int)bad:X4}, which is not allowed here ({(char.IsControl(bad) ? "a control character" : "a bidirectional override")}).");
            return null;
        }

        return trimmed;
    }

    /// <summary>Names <paramref name="field"/> when the list holds more than <paramref name="max"/> items; null items are each named.</summary>
    /// <returns>Whether its items may be read one by one (it is not too long).</returns>
    public static bool CheckList<T>(IReadOnlyList<T?>? list, ValidationErrors errors, string field, int max = MaxListItems)
    {
        if (list is null)
        {
            return true;
        }

        if (list.Count > max)
        {
            errors.Add(field, $"At most {max} items; got {list.Count.ToString("N0", CultureInfo.InvariantCulture)}.");
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add($"{field}[{i}]", "Must not be null.");
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a key as Truce spells them: lower-case letters and digits joined by single hyphens (<c>minsk-ii</c>, <c>line-of-contact</c>).</summary>
    public static bool IsKey(string text) => KeyPattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    private static int IndexOfDisallowed(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Allowed(text[i], multiline))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Allowed(char c, bool multiline) =>
        c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
        && (!char.IsControl(c) || (multiline && c is '\n' or '\r' or '\t'));
}
