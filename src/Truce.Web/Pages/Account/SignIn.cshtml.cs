using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Storage.Security;
using Truce.Web.Security;

namespace Truce.Web.Pages.Account;

public sealed class SignInModel(UserAccounts accounts) : PageModel
{
    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, CancellationToken ct)
    {
        UserName = userName;
        var user = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? null
            : await accounts.SignInAsync(userName, password, ct);
        if (user is null)
        {
            // One message for an unknown name and a wrong password, so the page does not confirm which names exist.
            Error = "That user name and password do not match an account.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            SecuritySetup.ToClaims(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
