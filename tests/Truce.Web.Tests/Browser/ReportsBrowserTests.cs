using Truce.Core.Common;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Verification;
using Truce.Testing;
using Truce.Web.Tests.Monitoring;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// An analyst in a real browser reads the daily report of a day with a verified incident — its figures, the
/// incident among the notable ones, its map drawn over the offline basemap — then the week's charts; and
/// someone who never signed in reads the public page. No script error, nothing fetched from outside Truce.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_analyst_reads_the_daily_report_and_the_week_and_anyone_the_public_page()
    {
        await app.Seed(Publicly(Observations.Strike("osce-smm", "report-1", at: "2025-04-08T01:00:00Z")), Publicly(Observations.Strike("osce-camera", "report-2", at: "2025-04-08T01:04:00Z")), Observations.Strike("osce-smm", "report-3", at: "2025-04-07T08:00:00Z"));
        var incident = await VerifiedIncidentAsync([await app.IdOf("osce-smm", "report-1"), await app.IdOf("osce-camera", "report-2")]);
        var (page, requests, errors) = await app.OpenPageAsync();

        await BrowserApp.SignInAtAsync(page, "/reports", "analyst");

        await page.ClickAsync("#daily-link");
        await page.WaitForURLAsync(url => url.Contains("/reports/daily", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.FillAsync("#report-date", "2025-04-08");
        await page.ClickAsync("#report-show");
        await page.WaitForURLAsync(url => url.Contains("date=2025-04-08", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var drawn = await Drawn(page, "report-map");
        Assert.True(drawn["basemap"] > 100, $"basemap: {drawn["basemap"]} countries");
        Assert.Equal(1, drawn["events"]); // two reports, one incident
        Assert.Equal("1", await page.TextContentAsync("[data-figure=violations]"));
        Assert.Contains("verified", await page.TextContentAsync($"#report-notable li[data-key='incident/{incident}']") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("(0 on the day before)", await page.TextContentAsync("#report-figures") ?? string.Empty, StringComparison.Ordinal); // one the day before too
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("#report-form"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-daily-report.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        await page.GotoAsync("/reports/weekly?end=2025-04-08");
        await page.WaitForFunctionAsync("() => document.getElementById('explosions-chart').dataset.drawn !== undefined");
        var chart = JsonSerializer.Deserialize<Dictionary<string, int>>(await page.GetAttributeAsync("#violations-chart", "data-drawn") ?? "{}")!;
        Assert.Equal(7, chart["days"]);
        Assert.True(chart["oblasts"] >= 1);
        Assert.Equal(7, await page.Locator("#weekly-table tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "truce-weekly.png"), FullPage = true });

        // Someone who never signed in: the public page, and the verified incident on it.
        var (open, openRequests, openErrors) = await app.OpenPageAsync();
        await open.GotoAsync("/public");
        Assert.EndsWith("/public", open.Url, StringComparison.Ordinal);
        Assert.Equal(1, await open.Locator($"#public-latest li[data-incident='{incident}']").CountAsync());
        Assert.Equal(1, await open.Locator("#public-latest li").CountAsync());

        Assert.Empty(errors);
        Assert.Empty(openErrors);
        Expect.All(requests.Concat(openRequests), url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await page.Context.CloseAsync();
        await open.Context.CloseAsync();
    }

    private static Core.Monitoring.ObservationInput Publicly(Core.Monitoring.ObservationInput input)
    {
        input.Marking = new Core.Security.MarkingInput { Level = "public" };
        return input;
    }

    private async Task<long> VerifiedIncidentAsync(List<long> ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writes = scope.ServiceProvider.GetRequiredService<IncidentWrites>();
        var id = Expect.Done(await writes.CreateAsync(new Principal("ana", Role.Analyst, null), ids, "A patrol and a camera: one strike."));
        Expect.Done(await writes.MoveAsync(new Principal("ana", Role.Analyst, null), id, VerificationState.UnderReview, "Taking it up.", ExpectedVersion.Of(1)));
        Expect.Done(await writes.MoveAsync(new Principal("vera", Role.Verifier, null), id, VerificationState.Corroborated, "Two sources.", ExpectedVersion.Of(2)));
        Expect.Done(await writes.MoveAsync(new Principal("victor", Role.Verifier, null), id, VerificationState.Verified, "Imagery confirms it.", ExpectedVersion.Of(3)));
        return id;
    }

    private static async Task<Dictionary<string, int>> Drawn(IPage page, string map)
    {
        await page.WaitForFunctionAsync($"() => {{ const m = document.getElementById('{map}'); return m.dataset.error || m.dataset.drawn; }}");
        Assert.Null(await page.GetAttributeAsync($"#{map}", "data-error"));
        return JsonSerializer.Deserialize<Dictionary<string, int>>(await page.GetAttributeAsync($"#{map}", "data-drawn") ?? "{}")!;
    }
}
