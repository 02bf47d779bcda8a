using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Truce.Storage;
using Truce.Testing;
using Truce.Web.Startup;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// An analyst works the candidate queue of the seed article: signs in, opens the queue from the sources list, accepts
/// a statement as the source of a pledge, follows it to the pledge and sees the statement cited there with a link back
/// to its place in the document; then signs out.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CandidatesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly PageWaitForURLOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task An_analyst_accepts_a_candidate_and_sees_the_cited_source_on_the_pledge()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await DatabaseStartup.LoadDemoDocumentsAsync(scope.ServiceProvider, DemoData.DefaultPath, TestContext.Current.CancellationToken));
        }

        var (page, requests, errors) = await app.OpenPageAsync();
        await BrowserApp.SignInAtAsync(page, "/sources", "analyst");

        await page.ClickAsync("#candidates-link");
        await page.WaitForURLAsync(url => url.EndsWith("/sources/candidates", StringComparison.Ordinal), Loaded);
        var source = page.Locator("section.candidate[data-kind='pledge-source']").First;
        var quote = (await source.Locator("mark.candidate-quote").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(quote));
        await source.Locator("button.accept").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sources/candidates?state=accepted", StringComparison.Ordinal), Loaded);

        var accepted = page.Locator("section.candidate[data-state='accepted']").First;
        Assert.Contains("Accepted by analyst", await accepted.Locator(".candidate-decision").InnerTextAsync(), StringComparison.Ordinal);
        await accepted.Locator("a.made").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/commitments/[0-9]+$"), Loaded);
        var cited = page.Locator("#pledge-sources li", new PageLocatorOptions { Has = page.Locator("a.cited-statement") }).Last;
        Assert.Contains(quote[..Math.Min(60, quote.Length)], await cited.InnerTextAsync(), StringComparison.Ordinal);
        await cited.Locator("a.cited-statement").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/sources/[0-9]+#at-[0-9]+$"), Loaded);
        var anchor = new Uri(page.Url).Fragment.TrimStart('#');
        Assert.Equal(1, await page.Locator($"#document-body mark#{anchor}").CountAsync());

        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), Loaded);
        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await page.Context.CloseAsync();
    }
}
