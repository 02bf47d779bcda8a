using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Truce.Web.Pages.Reports;

/// <summary>The reports: the daily report, the weekly trend, the public page.</summary>
public sealed class ReportsModel : PageModel
{
    public void OnGet()
    {
    }
}
