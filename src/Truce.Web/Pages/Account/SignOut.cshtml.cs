using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Storage.Security;
using Truce.Web.Security;

namespace Truce.Web.Pages.Account;

/// <summary>
/// Signing out: a post (with its anti-forgery token) ends the session for good, by giving the account a new
/// security stamp, so that a saved copy of the cookie is refused too. A get only asks.
/// </summary>
public sealed class SignOutModel(UserAccounts accounts) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignedIn)
        {
            await accounts.SignedOutAsync(User.ToPrincipal(), ct);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage();
    }
}
