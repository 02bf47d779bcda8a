using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Truce.Storage;
using Truce.Testing;
using Truce.Web.Startup;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// The seed article as a fresh start takes it in: a viewer opens it from the sources list and sees its statements
/// marked in the text, with Starmer, Macron, von der Leyen, Zelensky and Trump as speakers linked to their actors;
/// then signs out.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SourcesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly PageWaitForURLOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task The_seed_article_shows_its_statements_marked_and_linked_to_their_speakers()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await DatabaseStartup.LoadDemoDocumentsAsync(scope.ServiceProvider, DemoData.DefaultPath, TestContext.Current.CancellationToken));
        }

        var (page, requests, errors) = await app.OpenPageAsync();
        await BrowserApp.SignInAtAsync(page, "/sources", "viewer");

        await page.ClickAsync("#documents a");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/sources/[0-9]+$"), Loaded);
        foreach (var actor in new[] { "keir-starmer", "emmanuel-macron", "ursula-von-der-leyen", "volodymyr-zelensky", "donald-trump" })
        {
            Assert.True(await page.Locator($"#document-body mark.statement[data-actor='{actor}']").CountAsync() > 0, $"no statement of {actor} marked");
        }

        var starmer = page.Locator("#document-body mark.statement[data-actor='keir-starmer']").First;
        Assert.Contains("Keir Starmer", await starmer.GetAttributeAsync("title") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#document-body mark.statement", new PageLocatorOptions { HasTextString = "coalition of the willing" }).Locator("xpath=self::*[normalize-space(.)='coalition of the willing']").CountAsync());

        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), Loaded);
        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await page.Context.CloseAsync();
    }
}
