using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Commitments;
using Truce.Storage.Commitments;

namespace Truce.Web.Pages;

public sealed class DashboardModel(PledgeLedger ledger) : PageModel
{
    public LedgerTotals Totals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Totals = await ledger.TotalsAsync(ct);
}
