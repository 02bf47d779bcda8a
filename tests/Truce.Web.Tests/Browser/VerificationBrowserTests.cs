using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Testing;
using Truce.Web.Startup;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// The demo's drone strike on Odesa's energy, as a new analyst meets it: the worklist proposes the monitors'
/// report with a camera, a channel's post and a party's complaint as one event; the analyst takes it,
/// merges the camera's report, moves it to corroborated with reasons and releases it for the public; a
/// verifier — a second person — verifies it; it is then among the day's notable incidents in the daily report,
/// and on the public page, open without signing in.
/// </summary>
[Trait("Category", "Browser")]
public sealed class VerificationBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly PageWaitForURLOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task A_new_analyst_takes_a_proposal_merges_a_report_and_a_verifier_verifies_it()
    {
        var (monitors, camera) = await DemoAsync();
        var (page, requests, errors) = await app.OpenPageAsync();

        await BrowserApp.SignInAtAsync(page, "/verification", "analyst");
        var proposal = page.Locator($"#worklist-proposals tr.proposal[data-observations^='{monitors},'], #worklist-proposals tr.proposal[data-observations*=',{monitors},'], #worklist-proposals tr.proposal[data-observations$=',{monitors}']");
        Assert.Equal(1, await proposal.CountAsync());
        var why = await proposal.TextContentAsync() ?? string.Empty;
        Assert.True(why.Contains("same type (drone strike)", StringComparison.Ordinal) && why.Contains("independent sources", StringComparison.Ordinal), why);
        await proposal.Locator("button.take").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/verification/[0-9]+$"), Loaded);
        var incident = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.Equal("Reported", await page.TextContentAsync("#incident-state"));
        Assert.Contains("analyst", await page.TextContentAsync("#incident-claim") ?? string.Empty, StringComparison.Ordinal);

        // The proposal's other reports wait as candidates with the reasons; the analyst merges the camera's.
        Assert.True(await page.Locator("#incident-candidates tr[data-id]").CountAsync() >= 3);
        await page.Locator($"#incident-candidates tr[data-id='{camera}'] input[type=checkbox]").CheckAsync();
        await page.FillAsync("#add-reason", "The geolocated video shows the same strike on the same substation two minutes later.");
        await page.ClickAsync("#add-submit");
        await page.WaitForURLAsync(url => url.EndsWith($"/verification/{incident}", StringComparison.Ordinal), Loaded);
        Assert.Equal(2, await page.Locator("#incident-observations tbody tr").CountAsync());
        Assert.Equal("2", (await page.TextContentAsync("#incident-sources"))?.Split(' ')[0]);

        await MoveAsync(page, incident, "under-review", "Checking the video against the monitors' report.");
        await MoveAsync(page, incident, "corroborated", "A monitoring team and a geolocated video agree on place, time and target.");
        Assert.Equal("Corroborated", await page.TextContentAsync("#incident-state"));
        await page.SelectOptionAsync("#release-level", "public");
        await page.FillAsync("#release-reason", "Cleared for the public record: nothing in it names a source at risk.");
        await page.ClickAsync("#release-submit");
        await page.WaitForURLAsync(url => url.EndsWith($"/verification/{incident}", StringComparison.Ordinal), Loaded);
        Assert.Equal("PUBLIC", await page.TextContentAsync("#incident-marking"));
        Assert.Equal(0, await page.Locator("#move-to option[value=verified]").CountAsync()); // an analyst does not verify
        await SignOutAsync(page);

        // A verifier finds it ready for review and verifies it, with the explanation kept in the history.
        await BrowserApp.SignInAtAsync(page, "/verification", "verifier");
        await page.ClickAsync($"#worklist-ready a[href='/verification/{incident}']");
        await page.WaitForURLAsync(url => url.EndsWith($"/verification/{incident}", StringComparison.Ordinal), Loaded);
        await MoveAsync(page, incident, "verified", "Two independent sources and the imagery agree; the moratorium was in force.");
        Assert.Equal("Verified", await page.TextContentAsync("#incident-state"));
        var history = await page.TextContentAsync("#incident-history") ?? string.Empty;
        Assert.Contains("Corroborated → Verified", history, StringComparison.Ordinal);
        Assert.Contains("the moratorium was in force", history, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#incident-map[data-drawn='2']").CountAsync());

        // The day's report counts it once, among the notable incidents, as verified.
        await page.GotoAsync("/reports/daily?date=2025-03-20");
        var notable = await page.TextContentAsync("#report-notable") ?? string.Empty;
        Assert.Contains("Drone strike", notable, StringComparison.Ordinal);
        Assert.Contains("verified", notable, StringComparison.Ordinal);
        await SignOutAsync(page);

        // The public page, open without signing in: the verified violation on its day, and only that.
        await page.GotoAsync("/public");
        Assert.DoesNotContain("/account/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"#public-latest li[data-incident='{incident}']").CountAsync());
        Assert.Equal(1, await page.Locator("#public-latest li").CountAsync());
        Assert.Equal("1", (await page.TextContentAsync("#public-days tr[data-day='2025-03-20'] td.num"))?.Trim());

        Assert.Empty(errors);
        Expect.All(requests, url => Assert.Equal(app.Address.Host, new Uri(url).Host));
        await page.Context.CloseAsync();
    }

    /// <summary>Loads the demo's observations as a fresh start does; returns the ids of the monitors' report and the camera's.</summary>
    private async Task<(long Monitors, long Camera)> DemoAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (await DatabaseStartup.LoadDemoObservationsAsync(scope.ServiceProvider, DemoData.DefaultPath, TestContext.Current.CancellationToken) == 0)
        {
            Assert.Fail("No demo observations beside the program.");
        }

        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        using var reading = db.ReadAs(Principal.System("test"));
        var ids = await db.Observations.AsNoTracking().Where(o => o.ExternalId.StartsWith("case-moratorium-odesa-energy"))
            .ToDictionaryAsync(o => o.ExternalId, o => o.Id, TestContext.Current.CancellationToken);
        return (ids["case-moratorium-odesa-energy"], ids["case-moratorium-odesa-energy-video"]);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.Locator("#sign-out-form button[type=submit]").DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.EndsWith("/account/sign-out", StringComparison.Ordinal), Loaded);
    }

    private static async Task MoveAsync(IPage page, string incident, string to, string reason)
    {
        await page.SelectOptionAsync("#move-to", to);
        await page.FillAsync("#move-reason", reason);
        await page.ClickAsync("#move-submit");
        await page.WaitForURLAsync(url => url.EndsWith($"/verification/{incident}", StringComparison.Ordinal), Loaded);
        Assert.Null(await page.QuerySelectorAsync("#incident-errors"));
        Assert.Null(await page.QuerySelectorAsync("#incident-error"));
    }
}
