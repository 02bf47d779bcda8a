using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage.Alerts;
using Truce.Testing;
using Truce.Web.Tests.Alerts;
using Truce.Web.Tests.Monitoring;

namespace Truce.Web.Tests.Browser;

/// <summary>
/// An analyst keeps /alerts open in a real browser; a feed's batch reaches the threshold of a rule; the alert
/// appears at the top of the list and the header's count goes up, without a reload — over a WebSocket to the
/// server itself, allowed by the Content-Security-Policy, with no script error.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AlertsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_open_alerts_page_shows_a_new_alert_live_without_a_reload()
    {
        long rule;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            rule = Expect.Done(await scope.ServiceProvider.GetRequiredService<AlertRuleWrites>().CreateAsync(new Principal("analyst", Role.Analyst, null), LiveAlerts.Strikes(4, "Four drone strikes within an hour"))).Id;
        }

        var (page, requests, errors) = await app.OpenPageAsync();
        var sockets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.WebSocket += (_, socket) => sockets.Enqueue(socket.Url);

        await BrowserApp.SignInAtAsync(page, "/alerts", "analyst");
        await page.WaitForFunctionAsync("() => document.getElementById('alerts-live').dataset.state === 'live'");
        Assert.Contains("Four drone strikes within an hour", await page.TextContentAsync("#alert-rules") ?? string.Empty, StringComparison.Ordinal);
        var before = await page.Locator("#alert-list li").CountAsync();

        // The feed's batch, straight into the intake (this server listens on a real port, not the test client's).
        await app.Seed([.. Enumerable.Range(0, 4).Select(i => Observations.Strike("field-team-8", $"browser-{i}", at: $"2025-03-26T02:0{i}:00Z", target: null))]);

        var item = page.Locator($"#alert-list li[data-rule='{rule}']");
        await item.WaitForAsync();
        Assert.Equal(before + 1, await page.Locator("#alert-list li").CountAsync());
        Assert.Contains("4 drone strike events outside every sector within 1 hour", await item.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("1", await page.GetAttributeAsync("#alert-indicator", "data-unseen"));
        Assert.Equal(4, await item.Locator("a[href^='/monitoring/']").CountAsync());
        Assert.Contains(sockets, url => url.StartsWith(app.Address.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "hubs/alerts", StringComparison.Ordinal));
        Assert.Empty(errors);
        Assert.DoesNotContain(requests, url => !url.StartsWith(app.Address.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
    }
}
