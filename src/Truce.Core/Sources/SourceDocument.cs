using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Sources;

/// <summary>
/// A news article, communiqué or transcript as Truce keeps it: its words exactly as taken in (statements point
/// into them by character), where it came from, and the SHA-256 of its body, so the same text taken in twice is
/// one document whatever its header says.
/// </summary>
public sealed class SourceDocument : IMarked
{
    public long Id { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    public required string Title { get; set; }

    public string? Outlet { get; set; }

    public DateOnly Date { get; set; }

    public string? Url { get; set; }

    /// <summary>The text statements are found in, with line ends as "\n"; never changed once taken in.</summary>
    public required string Body { get; set; }

    /// <summary>SHA-256 of <see cref="Body"/> as UTF-8, lower-case hex.</summary>
    public required string BodyHash { get; set; }

    /// <summary>The statements found in <see cref="Body"/> when it was taken in, in the order of the text.</summary>
    public List<DocumentStatement> Statements { get; set; } = [];

    public DateTimeOffset AddedAt { get; set; }

    public string AddedBy { get; set; } = string.Empty;

    public static string HashOf(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}

/// <summary>A <see cref="Statement"/> as a document keeps it.</summary>
public sealed class DocumentStatement
{
    public StatementType Type { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public int SpeakerStart { get; set; }

    public int SpeakerEnd { get; set; }

    public string? SpeakerName { get; set; }

    public string? ActorCode { get; set; }

    public string? OnBehalfOf { get; set; }

    public required string Cue { get; set; }

    public static DocumentStatement Of(Statement s) => new()
    {
        Type = s.Type,
        Start = s.Start,
        End = s.End,
        SpeakerStart = s.SpeakerStart,
        SpeakerEnd = s.SpeakerEnd,
        SpeakerName = s.SpeakerName,
        ActorCode = s.ActorCode,
        OnBehalfOf = s.OnBehalfOf,
        Cue = s.Cue,
    };
}

/// <summary>What a person or the CLI gives to take a document in: the text, and whatever the header does not say.</summary>
public sealed class DocumentInput
{
    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public string? Date { get; set; }

    public string? Url { get; set; }

    public string? Text { get; set; }

    /// <summary><c>text</c> (the default), <c>markdown</c> or <c>html</c>: how <see cref="Text"/> is written.</summary>
    public string? Format { get; set; }

    public MarkingInput? Marking { get; set; }

    /// <summary>The format a file's name says: <c>.html</c>/<c>.htm</c> → html, <c>.md</c> → markdown, else text.</summary>
    public static string FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "html",
        ".md" or ".markdown" => "markdown",
        _ => "text",
    };
}

/// <summary>
/// Reads a document's text: a plain-text file may open with <c>TITLE:</c>, <c>OUTLET:</c>, <c>DATE:</c> and
/// <c>URL:</c> lines and a blank line before the body. What the header gives fills what the input left empty;
/// every fault is named (<c>text</c> with its line, <c>title</c>, <c>date</c>, <c>url</c>).
/// </summary>
public static class DocumentRules
{
    public const int MaxBodyChars = 200_000;
    public const int MaxTitle = 500;
    public const int MaxUrl = 2_000;
    public const int MaxOutlet = 200;

    private static readonly string[] HeaderKeys = ["TITLE", "OUTLET", "DATE", "URL"];

    public static SourceDocument? Read(DocumentInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        var before = errors.Count;
        var text = (input.Text ?? string.Empty).ReplaceLineEndings("\n");
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var format = string.IsNullOrWhiteSpace(input.Format) ? "text" : input.Format.Trim().ToLowerInvariant();
        var (header, body) = format switch
        {
            "text" => Split(text, errors),
            "markdown" => Markdown(Split(text, errors)),
            "html" => HtmlText.Read(text),
            _ => Unknown(format, errors),
        };
        body = body.Trim('\n');
        if (body.Length == 0)
        {
            errors.Add("text", "Required: the document's body (after the header lines and a blank line, if any).");
        }
        else if (body.Length > MaxBodyChars)
        {
            errors.Add("text", $"At most {MaxBodyChars.ToString("N0", CultureInfo.InvariantCulture)} characters; this body has {body.Length.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        var title = TextRules.Read(Either(input.Title, header, "TITLE"), MaxTitle, errors, "title");
        if (title is null && errors.Count == before)
        {
            errors.Add("title", "Required: give a title, or a TITLE: line at the top of the text.");
        }

        var outlet = TextRules.Read(Either(input.Outlet, header, "OUTLET"), MaxOutlet, errors, "outlet");
        var url = TextRules.Read(Either(input.Url, header, "URL"), MaxUrl, errors, "url");
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https")))
        {
            errors.Add("url", $"'{url}' is not an http or https address.");
        }

        var dateText = Either(input.Date, header, "DATE");
        DateOnly date = default;
        if (dateText is null)
        {
            errors.Add("date", "Required: the date of publication (YYYY-MM-DD), or a DATE: line at the top of the text.");
        }
        else if (!DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add("date", $"'{dateText.Trim()}' is not a date; expected YYYY-MM-DD.");
        }
        else
        {
            DomainLimits.CheckDate(date, errors, "date");
        }

        return errors.Count > before ? null : new SourceDocument
        {
            Title = title!,
            Outlet = outlet,
            Date = date,
            Url = url,
            Body = body,
            BodyHash = SourceDocument.HashOf(body),
        };
    }

    /// <summary>The header lines (KEY: value) up to the first blank line, when the text opens with one; else none and the whole text.</summary>
    private static (Dictionary<string, string> Header, string Body) Split(string text, ValidationErrors errors)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstColon = text.IndexOf(':', StringComparison.Ordinal);
        if (firstColon < 0 || !HeaderKeys.Contains(text[..firstColon].Trim(), StringComparer.Ordinal))
        {
            return (header, text);
        }

        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var lines = (end < 0 ? text : text[..end]).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? string.Empty : lines[i][..colon].Trim();
            if (!HeaderKeys.Contains(key, StringComparer.Ordinal))
            {
                errors.Add("text", $"Line {i + 1}: expected a header line (TITLE:, OUTLET:, DATE: or URL:) or a blank line before the body; got '{(lines[i].Length > 60 ? lines[i][..60] + "…" : lines[i])}'.");
                return (header, string.Empty);
            }

            if (!header.TryAdd(key, lines[i][(colon + 1)..].Trim()))
            {
                errors.Add("text", $"Line {i + 1}: {key}: is given twice.");
            }
        }

        return (header, end < 0 ? string.Empty : text[(end + 2)..]);
    }

    private static (Dictionary<string, string>, string) Unknown(string format, ValidationErrors errors)
    {
        errors.Add("format", $"'{format}' is not a format of a document; expected text, markdown or html.");
        return ([], "-");
    }

    /// <summary>Markdown is kept as written (statements point into it), but a first "# heading" is its title when no header gives one.</summary>
    private static (Dictionary<string, string> Header, string Body) Markdown((Dictionary<string, string> Header, string Body) split)
    {
        var (header, body) = split;
        var trimmed = body.TrimStart('\n');
        if (!header.ContainsKey("TITLE") && trimmed.StartsWith("# ", StringComparison.Ordinal))
        {
            var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
            header["TITLE"] = (end < 0 ? trimmed[2..] : trimmed[2..end]).Trim();
            body = end < 0 ? string.Empty : trimmed[(end + 1)..];
        }

        return (header, body);
    }

    private static string? Either(string? given, Dictionary<string, string> header, string key) =>
        !string.IsNullOrWhiteSpace(given) ? given : header.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
