using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Sources;
using Truce.Storage.Sources;
using Truce.Web.Security;

namespace Truce.Web.Pages.Sources;

/// <summary>One document: its body exactly as taken in, each statement highlighted (type, speaker, actor on hover), and the statements as a table.</summary>
public sealed class DocumentModel(DocumentBook book) : PageModel
{
    public SourceDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await book.GetAsync(User.ToPrincipal(), id, ct) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }

    /// <summary>
    /// The body as paragraphs of encoded text, each statement's span in a mark (a span overlapping one already
    /// marked is left to the table below: marks do not nest).
    /// </summary>
    public IReadOnlyList<string> Paragraphs()
    {
        var body = Document.Body;
        var html = new StringBuilder();
        var at = 0;
        foreach (var (s, index) in Document.Statements.Select((s, i) => (s, i)).Where(x => x.s.Start >= 0 && x.s.End <= body.Length).OrderBy(x => x.s.Start))
        {
            if (s.Start < at)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(body[at..s.Start]));
            var who = s.SpeakerName ?? body[s.SpeakerStart..s.SpeakerEnd];
            var title = $"{Kebab.Of(s.Type)} — {who}{(s.ActorCode is null ? "" : $" ({s.ActorCode})")}{(s.OnBehalfOf is null ? "" : $", for {s.OnBehalfOf}")} — {s.Cue}";
            html.Append($"<mark class=\"statement statement-{Kebab.Of(s.Type)}\" id=\"at-{s.Start}\" data-statement=\"{index}\" data-actor=\"{WebUtility.HtmlEncode(s.ActorCode)}\" title=\"{WebUtility.HtmlEncode(title)}\">");
            html.Append(WebUtility.HtmlEncode(body[s.Start..s.End]));
            html.Append("</mark>");
            at = s.End;
        }

        html.Append(WebUtility.HtmlEncode(body[at..]));
        return html.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
