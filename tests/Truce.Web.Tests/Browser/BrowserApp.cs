using Microsoft.Playwright;
using Truce.Testing;

namespace Truce.Web.Tests.Browser;

/// <summary>Truce on a real loopback port, and Debian's Chromium (headless) to drive it.</summary>
public sealed class BrowserApp() : TruceApp(kestrel: true), IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRUCE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// A new page on Truce, watched: every request it makes (so a test can show none leaves Truce) and every
    /// script error or console error (so a test can show the page ran clean).
    /// </summary>
    /// <summary>
    /// What a person does first: opens <paramref name="path"/>, is sent to the sign-in form, signs in as
    /// <paramref name="user"/> and is brought back to the page asked for (waited for to the document, not every last
    /// resource: on a loaded two-core machine "load" can lag).
    /// </summary>
    public static async Task SignInAtAsync(IPage page, string path, string user)
    {
        await page.GotoAsync(path);
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", TruceApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith(path, StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public async Task<WatchedPage> OpenPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var watched = new WatchedPage(page);
        page.Request += (_, request) => watched.Requests.Enqueue(request.Url);
        page.PageError += (_, error) => watched.Errors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watched.Errors.Enqueue(message.Text);
            }
        };
        return watched;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>A browser page with what it requested and what went wrong in it, gathered as it ran.</summary>
public sealed record WatchedPage(IPage Page)
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

    public void Deconstruct(out IPage page, out System.Collections.Concurrent.ConcurrentQueue<string> requests, out System.Collections.Concurrent.ConcurrentQueue<string> errors) =>
        (page, requests, errors) = (Page, Requests, Errors);
}
