using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Truce.Testing;

namespace Truce.Web.Tests.Pages;

/// <summary>
/// Truce must work with no internet: no page, script or stylesheet may load anything from outside the
/// server (no CDN, no web font, no tile server). Links to a pledge's sources are the one exception: they
/// are citations a person may choose to follow, never loaded by the page.
/// </summary>
public sealed partial class NoExternalReferencesTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly string[] Pages =
    [
        "/", "/coalition", "/commitments", "/commitments?category=troops", "/commitments/1", "/commitments/1/edit",
        "/commitments/new", "/api-docs", "/agreements", "/planning", "/monitoring/list", "/planning?run=compare&hold=after-ceasefire", "/audit", "/account/sign-in", "/account/denied",
        "/reports", "/reports/weekly?end=2015-03-01", "/public", // the daily report draws with Leaflet: its browser test watches its requests
    ];

    [Fact]
    public async Task No_page_script_or_stylesheet_refers_outside_the_server()
    {
        var client = await app.SignedIn("admin");
        var parser = new HtmlParser();
        var assets = new HashSet<string>(StringComparer.Ordinal);
        var offences = new List<string>();

        foreach (var path in Pages)
        {
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            var page = parser.ParseDocument(html);
            foreach (var element in page.QuerySelectorAll("[src], [href], [action], [data], [poster], [srcset]"))
            {
                foreach (var attribute in new[] { "src", "href", "action", "data", "poster", "srcset" })
                {
                    var value = element.GetAttribute(attribute);
                    if (value is null || IsLocal(value))
                    {
                        if (value is not null && element.LocalName is "script" or "link")
                        {
                            assets.Add(value.Split('?')[0]);
                        }

                        continue;
                    }

                    var isCitation = element.LocalName == "a" && element.Closest(".sources, #pledge-sources, .meeting") is not null;
                    if (!isCitation)
                    {
                        offences.Add($"{path}: <{element.LocalName} {attribute}=\"{value}\">");
                    }
                }
            }

            foreach (var style in page.QuerySelectorAll("style, [style]"))
            {
                offences.AddRange(ExternalUrls(style.LocalName == "style" ? style.TextContent : style.GetAttribute("style")!).Select(u => $"{path}: inline style {u}"));
            }
        }

        Assert.Contains("/css/site.css", assets);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", assets);
        foreach (var asset in assets)
        {
            var text = await client.GetStringAsync(asset);

            // Licence headers name their project's home page; that is text, not a reference.
            var code = BlockComment().Replace(text, string.Empty);
            offences.AddRange(ExternalUrls(code).Where(u => !InMessages.Contains((asset, u))).Select(u => $"{asset}: {u}"));
        }

        Assert.Empty(offences);
    }

    /// <summary>
    /// Addresses a library only writes into its error messages, never fetches: the SignalR client's advice when
    /// it meets an old ASP.NET SignalR server or a background tab that stops its timers (read in signalr.js, 10.0.11).
    /// </summary>
    private static readonly HashSet<(string Asset, string Url)> InMessages =
    [
        ("/lib/signalr/signalr.min.js", "https://aka.ms/signalr-core-differences"),
        ("/lib/signalr/signalr.min.js", "https://learn.microsoft.com/aspnet/core/signalr/javascript-client#bsleep"),
    ];

    private static bool IsLocal(string url) =>
        !url.Contains("//", StringComparison.Ordinal) || url.StartsWith("http://localhost", StringComparison.Ordinal);

    private static IEnumerable<string> ExternalUrls(string text) =>
        AbsoluteUrl().Matches(text).Select(m => m.Value).Where(u => !u.StartsWith("http://localhost", StringComparison.Ordinal) && !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal));

    [GeneratedRegex(@"/\*[\s\S]*?\*/")]
    private static partial Regex BlockComment();

    // Absolute (http:, https:) and protocol-relative (//host) addresses in code or CSS.
    [GeneratedRegex(@"(https?:)?//[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}[^\s""')]*")]
    private static partial Regex AbsoluteUrl();
}
