using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Security;
using Truce.Core.Sources;
using Truce.Storage.Sources;
using Truce.Web.Security;

namespace Truce.Web.Pages.Sources;

/// <summary>The documents taken in, newest first; analysts paste one in (with or without its TITLE/OUTLET/DATE/URL header).</summary>
public sealed class IndexModel(DocumentBook book) : PageModel
{
    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public bool CanAdd { get; private set; }

    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        CanAdd = AllowedRoles.RecordSources.Allows(reader);
        Documents = await book.ListAsync(reader, ct: ct);
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
