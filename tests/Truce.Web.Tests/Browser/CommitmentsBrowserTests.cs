using Microsoft.Playwright;
using Truce.Testing;

namespace Truce.Web.Tests.Browser;

/// <summary>A person in a real browser: signs in, reads the dashboard, filters the ledger, opens a pledge, plans without the US backstop, signs out.</summary>
[Trait("Category", "Browser")]
public sealed class CommitmentsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_person_signs_in_filters_to_troops_and_opens_the_UK_pledge()
    {
        var (page, requests, errors) = await app.OpenPageAsync();
        var context = page.Context;
        var responses = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += (_, response) => responses.Enqueue($"{response.Request.Method} {response.Url} → {response.Status}");

        // Anonymous: sent to the sign-in page.
        await page.GotoAsync("/commitments");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=userName]", "viewer");
        await page.FillAsync("input[name=password]", TruceApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/commitments", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        // The dashboard draws its chart from the figures.
        await page.ClickAsync("nav >> text=Dashboard");
        await page.WaitForSelectorAsync("[data-figure=troops]");
        // The figures are in the document before the chart scripts at its end have run: wait for the charts.
        await page.WaitForFunctionAsync("() => !!window.Chart && !!Chart.getChart('troops-chart') && !!Chart.getChart('stage-chart')", null, new PageWaitForFunctionOptions { PollingInterval = 100 });
        var troops = await page.TextContentAsync("[data-figure=troops]");
        Assert.NotEqual("0", troops);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-dashboard.png"), FullPage = true });

        // Filter the commitments table to troops.
        await page.ClickAsync("nav >> text=Commitments");
        await page.SelectOptionAsync("select[name=category]", "troops");
        await page.ClickAsync("#pledge-filters button[type=submit]");
        try
        {
            // Wait for the document, not for every last resource: on a loaded two-core machine "load" can lag.
            await page.WaitForURLAsync(url => url.Contains("category=troops", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.WaitForSelectorAsync("#pledge-count");
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-failure.png"), FullPage = true });
            throw new TimeoutException($"Still at {page.Url} after filtering.");
        }
        var categories = await page.Locator("#pledges tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(categories);
        Expect.All(categories, c => Assert.Equal("Troops", c.Trim()));

        // Open the UK pledge and read what it hangs on, where it comes from, and its history.
        await page.Locator("#pledges tbody tr", new PageLocatorOptions { HasText = "GBR" }).First.Locator("a").ClickAsync();
        await page.WaitForSelectorAsync("#pledge-conditions");
        var conditions = await page.TextContentAsync("#pledge-conditions");
        Assert.Contains("US backstop", conditions, StringComparison.Ordinal);
        Assert.Contains("After ceasefire", conditions, StringComparison.Ordinal);
        Assert.True(await page.Locator("#pledge-sources a").CountAsync() >= 1);
        Assert.Equal(1, await page.Locator("#pledge-history tbody tr").CountAsync());
        Assert.Contains("system:demo-data", await page.TextContentAsync("#pledge-history tbody tr") ?? string.Empty, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-pledge.png"), FullPage = true });

        // Plan the demo mission, turn the US backstop off and compare with the base case.
        await page.ClickAsync("nav >> text=Planning");
        await page.UncheckAsync("input[name=hold][value=us-backstop]");
        await page.ClickAsync("button[value=compare]");
        await page.WaitForSelectorAsync("#dropped-out");
        await page.WaitForFunctionAsync("() => !!window.Chart && !!Chart.getChart('shortfall-chart')", null, new PageWaitForFunctionOptions { PollingInterval = 100 });
        Assert.Contains("needs a US backstop", await page.TextContentAsync("#dropped-out") ?? string.Empty, StringComparison.Ordinal);
        Assert.True(await page.Locator("#plan-lines tr.lost-cover").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-planning.png"), FullPage = true });

        // Sign out with the button every page carries; the session is over, even for a saved copy of it.
        var session = (await context.CookiesAsync()).Single(c => c.Name == "truce.session");
        // The button's own click, not a pointer at its coordinates: on a loaded machine the planning page's chart
        // can still shift the layout when the pointer lands, and the press then hits the element beside it.
        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        try
        {
            await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException e)
        {
            // Seen once under the full PostgreSQL pass (with a pointer click): say where the page was, what the
            // server answered last, and what the database was doing, so a next look starts from facts.
            throw new TimeoutException($"Signing out did not arrive at /account/sign-out: the page is at {page.Url}; last responses: {string.Join("; ", responses.TakeLast(5))}; database: {await app.Location.ActivityAsync()}", e);
        }

        Assert.Equal("Signed out", (await page.TextContentAsync("h1"))?.Trim());
        await page.GotoAsync("/commitments");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        await context.AddCookiesAsync([new Cookie { Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path }]);
        await page.GotoAsync("/commitments");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);

        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await context.CloseAsync();
    }
}
