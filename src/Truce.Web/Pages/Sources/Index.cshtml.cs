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

    /// <summary>The largest file the form takes: the longest body a document may have, in UTF-8 at worst, and some markup.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        // An uploaded file is the text, in the format its name says; what the fields give still fills the gaps.
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError("file", $"At most {MaxFileBytes / (1024 * 1024)} MB; this file has {file.Length:N0} bytes.");
                await OnGetAsync(ct);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            Input.Text = await reader.ReadToEndAsync(ct);
            Input.Format = DocumentInput.FormatOf(file.FileName);
        }

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
