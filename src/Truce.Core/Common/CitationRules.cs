namespace Truce.Core.Common;

/// <summary>The one reading of a record's sources: absolute http(s) addresses, dates in range, text within its limits.</summary>
public static class CitationRules
{
    public const int MaxUrl = 2000;
    public const int MaxPublisher = 200;
    public const int MaxQuote = 1000;

    /// <param name="required">When sources are required: what they must show, for the message; null when they are optional.</param>
    public static List<Citation> Read(IReadOnlyList<CitationInput?>? inputs, ValidationErrors errors, string field, string? required = null)
    {
        var sources = new List<Citation>();
        if (inputs is not { Count: > 0 })
        {
            if (required is not null)
            {
                errors.Add(field, $"At least one source is required: {required}.");
            }

            return sources;
        }

        if (!TextRules.CheckList(inputs, errors, field))
        {
            return sources;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } s)
            {
                continue;
            }

            // A statement of a document Truce keeps may cite it by its text's hash (ni:, RFC 6920) when it has no address.
            var named = s.DocumentId is not null && s.Url?.StartsWith("ni:///sha-256;", StringComparison.Ordinal) == true;
            if (s.Url?.Length > MaxUrl || !Uri.TryCreate(s.Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp && !named))
            {
                var shown = s.Url is null ? string.Empty : s.Url.Length <= 80 ? s.Url : s.Url[..80] + "…";
                errors.Add($"{field}[{i}].url", $"Expected an absolute http(s) address of at most {MaxUrl} characters; got '{shown}'.");
                continue;
            }

            if (s.DocumentId is { } document && (document < 1 || s.Start is not { } start || s.End is not { } end || start < 0 || end <= start))
            {
                errors.Add($"{field}[{i}].documentId", "A document's statement is cited with its id (≥ 1) and its span: start ≥ 0 and end > start.");
                continue;
            }

            if (s.Date is { } date)
            {
                DomainLimits.CheckDate(date, errors, $"{field}[{i}].date");
            }

            var publisher = TextRules.Read(s.Publisher, MaxPublisher, errors, $"{field}[{i}].publisher");
            var quote = TextRules.Read(s.Quote, MaxQuote, errors, $"{field}[{i}].quote", multiline: true);
            sources.Add(new Citation
            {
                Url = named ? s.Url!.Trim() : uri.ToString(),
                Publisher = publisher,
                Date = s.Date,
                Quote = quote,
                DocumentId = s.DocumentId,
                Start = s.DocumentId is null ? null : s.Start,
                End = s.DocumentId is null ? null : s.End,
            });
        }

        return sources;
    }
}
