using Microsoft.Playwright;
using Truce.Testing;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// A viewer reads the positions matrix: the conflict on foreign troops named, cells coloured by overlap and conflict;
/// moves the date slider one step back and sees Russia's position as it stood then; opens a timeline; signs out.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PositionsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly PageWaitForURLOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    private const string RussiaOnTroops = "#positions-matrix tr[data-issue=foreign-troops] td[data-party=RUS]";

    [Fact]
    public async Task The_matrix_shows_the_conflict_and_the_date_slider_moves_a_position()
    {
        var (page, requests, errors) = await app.OpenPageAsync();
        await BrowserApp.SignInAtAsync(page, "/positions?at=2025-10-01", "viewer");
        await page.WaitForSelectorAsync("#positions-matrix");

        Assert.Equal("conflict", await page.GetAttributeAsync("#positions-matrix tr[data-issue=foreign-troops]", "data-state"));
        Assert.Contains("Russia's red line: no foreign troops", await page.TextContentAsync("#positions-matrix tr[data-issue=foreign-troops] td.zone") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(("conflict", "2025-09-17"), (await page.GetAttributeAsync(RussiaOnTroops, "data-relation"), await page.GetAttributeAsync(RussiaOnTroops, "data-as-of")));
        Assert.Equal("overlap", await page.GetAttributeAsync("#positions-matrix tr[data-issue=foreign-troops] td[data-party=USA]", "data-relation"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-positions.png"), FullPage = true });

        // One step back on the slider is the day before Russia's September statement: its March one holds.
        await page.FocusAsync("#at-slider");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForURLAsync(url => url.Contains("at=2025-09-04", StringComparison.Ordinal), Loaded);
        Assert.Equal("2025-09-04", await page.GetAttributeAsync("#positions-matrix", "data-at"));
        Assert.Equal("2025-03-06", await page.GetAttributeAsync(RussiaOnTroops, "data-as-of"));

        // Russia's timeline on the issue, from its cell.
        await page.ClickAsync($"{RussiaOnTroops} a");
        await page.WaitForSelectorAsync("#timeline-steps");
        Assert.Equal(2, await page.Locator("#timeline-steps tbody tr").CountAsync());

        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), Loaded);
        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await page.Context.CloseAsync();
    }
}
