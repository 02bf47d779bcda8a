using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Truce.Core.Sources;

/// <summary>
/// A web page as a document: its readable text, a paragraph per block (the article's, when the page marks one),
/// without scripts, navigation, headers, footers and asides; and what its head says of it — title, outlet, date
/// of publication, canonical address — as the header lines of a plain-text document would.
/// </summary>
public static class HtmlText
{
    private const string Blocks = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt";

    private const string Noise = "script, style, noscript, template, nav, header, footer, aside, form, button, svg, iframe";

    public static (Dictionary<string, string> Header, string Body) Read(string html)
    {
        var page = new HtmlParser().ParseDocument(html);
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        Put(header, "TITLE", Meta(page, "og:title") ?? page.Title ?? page.QuerySelector("h1")?.TextContent);
        Put(header, "OUTLET", Meta(page, "og:site_name"));
        Put(header, "URL", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(page, "og:url"));
        var published = Meta(page, "article:published_time") ?? page.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        if (published is { Length: >= 10 } && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", out _))
        {
            header["DATE"] = published[..10];
        }

        var root = page.QuerySelector("article") ?? page.QuerySelector("main") ?? page.Body;
        if (root is null)
        {
            return (header, string.Empty);
        }

        foreach (var noise in root.QuerySelectorAll(Noise).ToList())
        {
            noise.Remove();
        }

        // The innermost blocks only: a quotation's <p> inside a <blockquote> is one paragraph, not two.
        var paragraphs = root.QuerySelectorAll(Blocks)
            .Where(b => b.QuerySelector(Blocks) is null)
            .Select(b => Words(b.TextContent))
            .Where(t => t.Length > 0)
            .ToList();
        return (header, paragraphs.Count > 0 ? string.Join("\n\n", paragraphs) : Words(root.TextContent));
    }

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content") ?? page.QuerySelector($"meta[name='{property}']")?.GetAttribute("content");

    private static void Put(Dictionary<string, string> header, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            header[key] = Words(value);
        }
    }

    /// <summary>Runs of white space (line breaks in the markup included) as one space.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
