using System.Net;
using AngleSharp.Html.Parser;
using Truce.Testing;

namespace Truce.Web.Tests.Planning;

/// <summary>The planning page as a planner reads it: coverage and shortfalls, then the case without a US backstop.</summary>
public sealed class PlanningPageTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly string[] AllHold = ["after-ceasefire", "us-backstop", "un-mandate", "parliamentary-approval", "on-request", "us-involvement", "political-framework"];

    [Fact]
    public async Task The_planning_page_shows_coverage_and_shortfalls_of_the_demo_mission()
    {
        var client = await app.SignedIn("planner");

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/planning?run=plan&seconds=30&" + string.Join('&', AllHold.Select(h => $"hold={h}"))));

        Assert.Equal("Optimal", page.QuerySelector("[data-figure=status]")!.TextContent);
        var lines = page.QuerySelectorAll("#plan-lines tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(lines, l => l.Contains("M1", StringComparison.Ordinal) && l.Contains("maritime-patrol-vessel", StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("#plan-lines td.short"));
        Assert.NotEmpty(page.QuerySelectorAll("#allocations tbody tr"));
        Assert.NotNull(page.QuerySelector("canvas#shortfall-chart"));
        Assert.Contains("Illustrative mission", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_off_the_US_backstop_shows_the_lines_that_lose_cover_and_the_pledges_that_drop_out_with_reasons()
    {
        var client = await app.SignedIn("planner");
        var hold = string.Join('&', AllHold.Where(h => h != "us-backstop").Select(h => $"hold={h}"));

        var response = await client.GetAsync($"/planning?run=compare&{hold}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=hold][value=us-backstop]")!).IsChecked);
        var lost = page.QuerySelectorAll("#plan-lines tr.lost-cover").Select(r => r.Children[0].TextContent).ToList();
        Assert.Contains("A1", lost);
        Assert.Contains("L1", lost);
        var dropped = page.QuerySelectorAll("#dropped-out tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(dropped);
        Expect.All(dropped, d => Assert.Contains("needs a US backstop", d, StringComparison.Ordinal));
        Assert.Contains("proven optimal", page.QuerySelector("#optimality")!.TextContent, StringComparison.Ordinal);
    }
}
