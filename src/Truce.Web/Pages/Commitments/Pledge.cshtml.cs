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
}
