using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Storage.Agreements;
using Truce.Web.Security;

namespace Truce.Web.Pages.Agreements;

public sealed class AgreementsModel(AgreementBook book) : PageModel
{
    public IReadOnlyList<AgreementSummary> Agreements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agreements = await book.ListAsync(User.ToPrincipal(), ct: ct);
}
