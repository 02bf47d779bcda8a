using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Pages.Commitments;

public sealed class PledgeModel(PledgeReads reads, PledgeWrites writes) : PageModel
{
    public PledgeView Pledge { get; private set; } = null!;

    public IReadOnlyList<PledgeRevisionView> History { get; private set; } = [];

    public bool CanEdit => User.ToPrincipal().MayEditPledgeOf(Pledge.Member);

    /// <summary>Why the release form was refused, if it was.</summary>
    public string? ReleaseErrors => ModelState.IsValid ? null : string.Join("; ", new[] { ModelState.PageError(), ModelState.Summary() }.Where(s => !string.IsNullOrEmpty(s)));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        var pledge = await reads.GetAsync(reader, id, ct);
        var history = pledge.IsDone ? await reads.HistoryAsync(reader, id, ct) : null;

        // The history is a second read: a pledge released beyond this reader in between is gone from both.
        if (!pledge.IsDone || history is not { IsDone: true })
        {
            return NotFound();
        }

        Pledge = pledge.Value;
        History = history.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync(int id, int version, string? level, string? relTo, string? reason, CancellationToken ct)
    {
        var marking = new MarkingInput { Level = level, RelTo = level is "rel-to" ? (relTo ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() : [] };
        var released = await writes.ReleaseAsync(User.ToPrincipal(), id, ExpectedVersion.Of(version), marking, reason, ct);
        if (released.IsDone)
        {
            return Redirect($"/commitments/{id}");
        }

        if (released.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        // Read the page again as it is now, then show why the release was refused.
        var reread = await OnGetAsync(id, ct);
        if (reread is not PageResult)
        {
            return reread;
        }

        this.Refused(released);
        return Page();
    }
}
