using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Security;
using Truce.Core.Sources;
using Truce.Storage.Sources;
using Truce.Web.Security;

namespace Truce.Web.Pages.Sources;

/// <summary>The documents taken in, newest first; analysts paste one in (with or without its TITLE/OUTLET/DATE/URL header).</summary>
public sealed class IndexModel(DocumentBook book, Storage.Candidates.CandidateBook candidates) : PageModel
{
    /// <summary>How many candidates wait in the queue (as the reader may see them).</summary>
    public int Proposed { get; private set; }

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public bool CanAdd { get; private set; }

    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        CanAdd = AllowedRoles.RecordSources.Allows(reader);
        Documents = await book.ListAsync(reader, ct: ct);
        Proposed = await candidates.CountProposedAsync(reader, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await book.AddAsync(User.ToPrincipal(), Input, ct);
        if (added.IsDone)
        {
            return Redirect($"/sources/{added.Value.Id}");
        }

        this.Refused(added);
        var status = Response.StatusCode;
        await OnGetAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
