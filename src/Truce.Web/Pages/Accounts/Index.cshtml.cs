using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Web.Security;

namespace Truce.Web.Pages.Accounts;

/// <summary>
/// Accounts for admins: who may sign in, and the acts that end an account's sessions at once — disable,
/// enable (which also lifts a lock), reset the password, sign out everywhere. The same acts as
/// <c>truce users …</c>, through the same service.
/// </summary>
[Authorize(Policy = SecuritySetup.Admin)]
public sealed class AccountsModel(UserAccounts accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>What the last act did, shown above the table.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken ct) =>
        ActAsync(accounts.DisableAsync(User.ToPrincipal(), userName, ct), "is disabled: its sessions and tokens no longer work", ct);

    public Task<IActionResult> OnPostEnableAsync(string userName, CancellationToken ct) =>
        ActAsync(accounts.EnableAsync(User.ToPrincipal(), userName, ct), "may sign in again", ct);

    public Task<IActionResult> OnPostSignOutEverywhereAsync(string userName, CancellationToken ct) =>
        ActAsync(accounts.SignOutEverywhereAsync(User.ToPrincipal(), userName, ct), "is signed out of every session", ct);

    public Task<IActionResult> OnPostResetPasswordAsync(string userName, string? password, CancellationToken ct) =>
        ActAsync(accounts.ResetPasswordAsync(User.ToPrincipal(), userName, password ?? string.Empty, ct), "has a new password; its sessions ended", ct);

    private async Task<IActionResult> ActAsync(Task<Outcome<AccountView>> act, string what, CancellationToken ct)
    {
        var outcome = await act;
        if (!this.Refused(outcome))
        {
            Done = $"'{outcome.Value.UserName}' {what}.";

            // An admin who ended their own sessions is signed out by it: say so on the sign-in page.
            if (outcome.Value.UserName == User.Identity?.Name)
            {
                return LocalRedirect("/account/sign-in");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var listed = await accounts.AccountsAsync(User.ToPrincipal(), ct);
        Accounts = listed.IsDone ? listed.Value : [];
    }
}
