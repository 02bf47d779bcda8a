using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Truce.Testing;
using Truce.Web.Tests.Monitoring;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// A monitor in a real browser files a drone strike on energy infrastructure by clicking its place on the
/// report form's map, lands on the observation's page and reads its finding; then finds it on the monitoring
/// map, opens its popup from the keyboard, slides the window back to 2015 and sees Minsk II's era — with
/// nothing fetched from outside Truce — and signs out.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MonitoringBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_monitor_files_an_observation_from_the_map_and_finds_it_on_the_monitoring_map()
    {
        await app.Seed(Observations.Gun("osce-smm", "2015-gun"), Observations.Strike("osce-smm", "odesa-later", at: "2025-03-25T03:00:00Z"));
        var (page, requests, errors) = await app.OpenPageAsync();
        var context = page.Context;

        await BrowserApp.SignInAtAsync(page, "/monitoring/report", "monitor");

        // The place: a click in the middle of the form's map (central Ukraine, far from the line) sets it.
        await Drawn(page, "report-map", "basemap");
        await page.Locator("#report-map").ClickAsync();
        var lat = double.Parse(await page.InputValueAsync("#lat"), CultureInfo.InvariantCulture);
        var lon = double.Parse(await page.InputValueAsync("#lon"), CultureInfo.InvariantCulture);
        Assert.InRange(lat, 46.5, 50.5);
        Assert.InRange(lon, 29.5, 33.5);
        Assert.Equal(1, await page.Locator("#report-map .report-marker").CountAsync());

        await page.FillAsync("#source", "field-team-2");
        await page.FillAsync("#observedFrom", "2025-03-20T02:00");
        await page.SelectOptionAsync("#type", "drone-strike");
        await page.FillAsync("#radiusMetres", "250");
        await page.SelectOptionAsync("#weapon", "drone");
        await page.FillAsync("#target", "energy-infrastructure");
        await page.SelectOptionAsync("#grading", "B");
        await page.SelectOptionAsync("#credibility", "2");
        await page.FillAsync("#description", "Substation hit at night; fire seen from the road.");
        await page.ClickAsync("#report-submit");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/monitoring/[0-9]+$"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        // Its page: the finding in words, the grading spelled out, its small map.
        var finding = await page.TextContentAsync("#observation-findings li[data-agreement=energy-strike-moratorium]") ?? string.Empty;
        Assert.Contains("Violation", finding, StringComparison.Ordinal);
        Assert.Contains("Strike on energy infrastructure", finding, StringComparison.Ordinal);
        Assert.Equal("B2 — usually reliable, probably true", await page.TextContentAsync("#observation-grading"));
        Assert.Equal(1, (await Drawn(page, "observation-map", "observation"))["observation"]);

        // The monitoring map: the last 30 days of the data, with its marker; the popup opened from the keyboard.
        await page.ClickAsync("main a[href='/monitoring']");
        await page.WaitForURLAsync(url => url.Contains("/monitoring", StringComparison.Ordinal) && !url.Contains("/monitoring/", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var fetched = await Fetched(page, 0);
        var drawn = await Drawn(page, "monitoring-map", "observations");
        Assert.True(drawn["basemap"] > 100, $"basemap: {drawn["basemap"]} countries");
        Assert.Equal(1, drawn["line-of-contact"]);
        Assert.Equal(25, drawn["oblasts"]);
        Assert.Contains("OpenStreetMap contributors", await page.TextContentAsync(".leaflet-control-attribution") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(2, drawn["observations"]);
        Assert.True(await page.Locator("#monitoring-map .obs-marker, #monitoring-map .marker-cluster").CountAsync() > 0);
        Assert.Contains("2 observations", await page.TextContentAsync("#map-status") ?? string.Empty, StringComparison.Ordinal);
        var mine = page.Locator("#monitoring-map .obs-marker[title*='20 Mar 2025']");
        await mine.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('.leaflet-popup-content .popup-place'); return p && p.textContent !== 'Loading…'; }");
        var popup = await page.TextContentAsync(".leaflet-popup-content") ?? string.Empty;
        Assert.Contains("Drone strike", popup, StringComparison.Ordinal);
        Assert.Contains("Violation", popup, StringComparison.Ordinal);
        Assert.Contains("UKR side", popup, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-monitoring.png"), FullPage = true });

        // The window slides to the start of the data: April 2015, Minsk II's artillery sighting and that year's line.
        await page.Locator("#map-slider").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        fetched = await Fetched(page, fetched);
        Assert.Contains("2015", await page.TextContentAsync("#map-window") ?? string.Empty, StringComparison.Ordinal);
        drawn = await Drawn(page, "monitoring-map", "observations");
        Assert.Equal(1, drawn["observations"]);
        Assert.Equal(1, await page.Locator("#monitoring-map .obs-marker[title^='Weapon sighting']").CountAsync());
        Assert.Contains("1 observation from", await page.TextContentAsync("#map-status") ?? string.Empty, StringComparison.Ordinal);

        // A filter narrows it: no undetermined finding in that window.
        await page.SelectOptionAsync("#map-verdict", "undetermined");
        await Fetched(page, fetched);
        Assert.Equal(0, (await Drawn(page, "monitoring-map", "observations"))["observations"]);

        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GotoAsync("/monitoring");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);

        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await context.CloseAsync();
    }

    // Waits until the monitoring map has answered more requests than before, and says how many.
    private static async Task<int> Fetched(IPage page, int before)
    {
        await page.WaitForFunctionAsync($"() => {{ const m = document.getElementById('monitoring-map'); return m.dataset.error || (Number(m.dataset.fetches || 0) > {before} && m.dataset.loading === 'false'); }}");
        Assert.Null(await page.GetAttributeAsync("#monitoring-map", "data-error"));
        return int.Parse(await page.GetAttributeAsync("#monitoring-map", "data-fetches") ?? "0", CultureInfo.InvariantCulture);
    }

    // What a map's script says it drew, once it has drawn the named layer (or failed, which the test reports).
    private static async Task<Dictionary<string, int>> Drawn(IPage page, string map, string last)
    {
        await page.WaitForFunctionAsync($"() => {{ const m = document.getElementById('{map}'); return m.dataset.error || (m.dataset.drawn && JSON.parse(m.dataset.drawn)['{last}'] !== undefined); }}");
        Assert.Null(await page.GetAttributeAsync($"#{map}", "data-error"));
        return JsonSerializer.Deserialize<Dictionary<string, int>>(await page.GetAttributeAsync($"#{map}", "data-drawn") ?? "{}")!;
    }
}
