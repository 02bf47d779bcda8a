using System.Text.Json;
using Microsoft.Playwright;
using Truce.Testing;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// A person in a real browser reads Minsk II, opens its withdrawal zones on the map and sees the line of
/// contact, the oblasts and the security zones drawn over the offline basemap — with nothing fetched from
/// outside Truce — then signs out.
/// </summary>
[Trait("Category", "Browser")]
public sealed class GeographyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_person_reads_Minsk_II_and_sees_its_security_zones_on_the_map()
    {
        var (page, requests, errors) = await app.OpenPageAsync();
        var context = page.Context;

        await BrowserApp.SignInAtAsync(page, "/agreements", "viewer");

        // The list says where each agreement stands; Minsk II collapsed, the Jeddah proposal never came into force.
        Assert.Contains("Collapsed", await page.TextContentAsync("#agreements tr[data-key=minsk-ii]") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Accepted in principle", await page.TextContentAsync("#agreements tr[data-key=jeddah-interim-ceasefire]") ?? string.Empty, StringComparison.Ordinal);

        // Minsk II's provisions in words: each side's distance from its own line.
        await page.ClickAsync("#agreements tr[data-key=minsk-ii] a");
        await page.WaitForSelectorAsync("#agreement-provisions");
        var provisions = await page.TextContentAsync("#agreement-provisions") ?? string.Empty;
        Assert.Contains("Ukraine keeps artillery of 100 mm calibre and more at least 25 km back from the line of contact as of 15 Feb 2015", provisions, StringComparison.Ordinal);
        Assert.Contains("at least 70 km back from the minsk memorandum line as of 19 Sep 2014", provisions, StringComparison.Ordinal);
        Assert.Contains("Collapsed", await page.TextContentAsync("#agreement-timeline") ?? string.Empty, StringComparison.Ordinal);

        // Its zones on the map, on the first whole day it was in effect.
        await page.Locator("#agreement-provisions li[data-kind=weapon-withdrawal] a.zones-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/geography", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var drawn = await Drawn(page, "zones");
        Assert.True(drawn["basemap"] > 100, $"basemap: {drawn["basemap"]} countries");
        Assert.Equal(25, drawn["oblasts"]);
        Assert.Equal(1, drawn["line-of-contact"]);
        Assert.Equal(1, drawn["minsk-memorandum-line"]);
        Assert.Equal(6, drawn["zones"]); // three weapon classes for each of the two sides
        Assert.True(await page.Locator(".leaflet-overlay-pane path").CountAsync() > 30);
        Assert.Contains("OpenStreetMap contributors", await page.TextContentAsync(".leaflet-control-attribution") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Line of contact, February 2015", await page.TextContentAsync("#map-layers") ?? string.Empty, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-map-minsk.png"), FullPage = true });

        // The same map in March 2025: the line and control area of then, and no zone in force.
        await page.FillAsync("#map-at", "2025-03-20");
        await page.SelectOptionAsync("#map-provision", string.Empty);
        await page.ClickAsync("#map-controls button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("at=2025-03-20", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        drawn = await Drawn(page, "zones");
        Assert.Equal(1, drawn["control-area"]);
        Assert.Equal(0, drawn["zones"]);
        Assert.Contains("March 2025", await page.TextContentAsync("#map-layers") ?? string.Empty, StringComparison.Ordinal);

        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GotoAsync("/geography");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);

        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await context.CloseAsync();
    }

    // What the map's script says it drew, once it has drawn the named layer (or failed, which the test reports).
    private static async Task<Dictionary<string, int>> Drawn(IPage page, string last)
    {
        await page.WaitForFunctionAsync($"() => {{ const m = document.getElementById('map'); return m.dataset.error || (m.dataset.drawn && JSON.parse(m.dataset.drawn)['{last}'] !== undefined); }}");
        var error = await page.GetAttributeAsync("#map", "data-error");
        Assert.Null(error);
        return JsonSerializer.Deserialize<Dictionary<string, int>>(await page.GetAttributeAsync("#map", "data-drawn") ?? "{}")!;
    }
}
