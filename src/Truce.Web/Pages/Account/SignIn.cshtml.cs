using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Storage.Security;
using Truce.Web.Security;

namespace Truce.Web.Pages.Account;

public sealed class SignInModel(UserAccounts accounts, SignInThrottle throttle, TimeProvider clock) : PageModel
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
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.BlockedUntilAsync(address, ct) is { } until)
        {
            accounts.Refused(userName, address, "throttled");
            Error = $"Too many failed sign-ins from this address. Try again after {until:HH:mm} UTC.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        await throttle.AttemptAsync(address, ct);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            accounts.Refused(userName, address, "user name or password left empty");
            return Refuse("That user name and password do not match an account.");
        }

        var signedIn = await accounts.SignInAsync(userName, password, address, ct);
        if (!signedIn.IsDone)
        {
            // One message for an unknown name and a wrong password, so the page does not confirm which names exist.
            return Refuse(signedIn.Message!);
        }

        var user = signedIn.Value;
        await throttle.SucceededAsync(address, ct);
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            SecuritySetup.ToClaims(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Refuse(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
