using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Commitments;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Pages.Commitments;

public sealed class PledgeModel(PledgeLedger ledger) : PageModel
{
    public PledgeView Pledge { get; private set; } = null!;

    public IReadOnlyList<PledgeRevisionView> History { get; private set; } = [];

    public bool CanEdit => User.ToPrincipal().MayEditPledgeOf(Pledge.Member);

    public string? ReleaseErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var pledge = await ledger.GetAsync(id, ct);
        if (pledge is null)
        {
            return NotFound();
        }

        Pledge = pledge;
        History = await ledger.HistoryAsync(id, ct) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync(int id, int version, string? level, string? relTo, string? reason, CancellationToken ct)
    {
        var marking = new MarkingInput { Level = level, RelTo = (relTo ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() };
        if (level is not "rel-to")
        {
            marking.RelTo = [];
        }

        var result = await ledger.ReleaseAsync(id, version, marking, reason, User.ToPrincipal(), ct);
        switch (result.Outcome)
        {
            case LedgerOutcome.Ok:
                // The writer may no longer see it only if they chose so; the ledger refuses that, so this page exists.
                return Redirect($"/commitments/{id}");
            case LedgerOutcome.NotFound:
                return NotFound();
            default:
                await OnGetAsync(id, ct);
                ReleaseErrors = result.Errors?.ToString() ?? result.Message;
                Response.StatusCode = result.Outcome switch
                {
                    LedgerOutcome.Forbidden => StatusCodes.Status403Forbidden,
                    LedgerOutcome.Stale => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                };
                return Page();
        }
    }
}
