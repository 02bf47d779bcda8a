using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Commitments;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Pages;

public sealed class DashboardModel(PledgeReads reads) : PageModel
{
    public LedgerTotals Totals { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Totals = await reads.TotalsAsync(User.ToPrincipal(), ct);
}
