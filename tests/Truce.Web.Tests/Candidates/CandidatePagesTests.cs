using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Truce.Core.Common;
using Truce.Testing;

namespace Truce.Web.Tests.Candidates;

/// <summary>The queue and the statements list as pages: a viewer reads without forms; an analyst's dismissal names a missing reason, then moves the candidate to the dismissed; statements filter by issue.</summary>
public sealed class CandidatePagesTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly HtmlParser Parser = new();

    private const string Article = "TITLE: On the pages\nOUTLET: Example Wire\nDATE: 2025-12-07\n\n"
        + "Russian President Vladimir Putin spoke in Moscow.\n\n"
        + "“Any foreign troops in Ukraine would be a legitimate target for us,” Putin said.";

    private async Task TakeInAsync() =>
        Assert.True((await app.Api("analyst").PostAsJsonAsync("/api/v1/documents", new { text = Article }, TruceJson.Options)).IsSuccessStatusCode);

    private static async Task<IHtmlDocument> Html(HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_viewer_reads_the_queue_without_forms_and_an_analyst_dismisses_with_a_reason()
    {
        await TakeInAsync();
        var viewer = await Html(await (await app.SignedIn("viewer")).GetAsync("/sources/candidates"));
        var analyst = await app.SignedIn("analyst");
        var queue = await Html(await analyst.GetAsync("/sources/candidates"));
        var section = queue.QuerySelectorAll("section.candidate").First(s => s.GetAttribute("data-party") == "RUS");
        var form = (IHtmlFormElement)section.QuerySelector("form.candidate-dismiss")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is not null).ToDictionary(i => i.Name!, i => i.Value);

        fields["Form.Reason"] = string.Empty;
        var refused = await analyst.PostAsync("/sources/candidates?handler=dismiss", new FormUrlEncodedContent(fields));
        fields["Form.Reason"] = "Said before, already recorded";
        var dismissed = await analyst.PostAsync("/sources/candidates?handler=dismiss", new FormUrlEncodedContent(fields));
        var list = await Html(await analyst.GetAsync("/sources/candidates?state=dismissed"));

        Assert.NotEmpty(viewer.QuerySelectorAll("section.candidate"));
        Assert.Empty(viewer.QuerySelectorAll("section.candidate form"));
        Assert.Contains("Putin", section.QuerySelector("mark.candidate-quote")!.ParentElement!.TextContent + section.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("reason", (await Html(refused)).QuerySelector("#candidates-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Contains(list.QuerySelectorAll("section.candidate[data-state=dismissed]"), s => s.TextContent.Contains("Said before, already recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_statements_list_filters_by_issue_and_links_to_the_statement()
    {
        await TakeInAsync();
        var client = await app.SignedIn("viewer");

        var page = await Html(await client.GetAsync("/sources/statements?issue=foreign-troops&actor=RUS"));
        var bad = await client.GetAsync("/sources/statements?from=yesterday");

        var row = Assert.Single(page.QuerySelectorAll("#statements tbody tr"));
        Assert.Equal("vladimir-putin", row.GetAttribute("data-actor"));
        Assert.Matches("^/sources/[0-9]+#at-[0-9]+$", row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
