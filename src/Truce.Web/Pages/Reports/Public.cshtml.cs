using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Reports;
using Truce.Storage.Reports;

namespace Truce.Web.Pages.Reports;

/// <summary>
/// The public page, open without signing in (Program: AllowAnonymousToPage("/Reports/Public")): verified violations
/// per day and oblast, and the latest of them. It reads as nobody signed in, whoever asks, so a signed-in
/// admin sees the same page as the public (<see cref="ReportReads.PublicAsync"/>).
/// </summary>
public sealed class PublicModel(ReportReads reads) : PageModel
{
    public PublicSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await reads.PublicAsync(ct);
}
