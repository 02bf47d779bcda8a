using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Candidates;

/// <summary>The queue over HTTP: a document taken in brings its candidates; one is accepted at its version into a cited source, another dismissed; the statements list filters by actor, issue and date.</summary>
public sealed class CandidatesApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Article = "TITLE: Over the wire\nOUTLET: Example Wire\nDATE: 2025-12-06\n\n"
        + "British Prime Minister Keir Starmer spoke after the call.\n\n"
        + "“We are ready to put troops on the ground after a ceasefire, provided there is a US backstop,” Starmer said.\n\n"
        + "Russian President Vladimir Putin answered the same day.\n\n"
        + "“Any foreign troops in Ukraine would be a legitimate target for us,” Putin said.";

    private async Task<long> TakeInAsync()
    {
        var added = await app.Api("analyst").PostAsJsonAsync("/api/v1/documents", new { text = Article }, TruceJson.Options);
        return (await added.Read<JsonObject>())["id"]!.GetValue<long>();
    }

    private static HttpRequestMessage Post(string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: TruceJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Fact]
    public async Task A_source_is_accepted_at_its_version_and_the_pledge_cites_the_statements_span()
    {
        var document = await TakeInAsync();
        var analyst = app.Api("analyst");
        var queue = (await analyst.GetFromJsonAsync<JsonArray>($"/api/v1/candidates?document={document}"))!.Select(c => c!.AsObject()).ToList();
        var source = Assert.Single(queue, c => c["kind"]!.GetValue<string>() == "pledge-source");
        var id = source["id"]!.GetValue<long>();
        var pledge = source["pledgeId"]!.GetValue<int>();

        var one = await analyst.GetAsync($"/api/v1/candidates/{id}");
        var unconditional = await analyst.SendAsync(Post($"/api/v1/candidates/{id}/accept", new { }, null));
        var stale = await analyst.SendAsync(Post($"/api/v1/candidates/{id}/accept", new { }, "\"7\""));
        var viewer = await app.Api("viewer").SendAsync(Post($"/api/v1/candidates/{id}/accept", new { }, "\"1\""));
        var accepted = await analyst.SendAsync(Post($"/api/v1/candidates/{id}/accept", new { note = "Over HTTP" }, one.Headers.ETag!.Tag));
        var decided = await accepted.Read<JsonObject>();
        var cited = (await analyst.GetFromJsonAsync<JsonObject>($"/api/v1/pledges/{pledge}"))!["sources"]!.AsArray().Select(s => s!.AsObject()).Last();
        var body = (await analyst.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{document}"))!["body"]!.GetValue<string>();

        Assert.Equal("\"1\"", one.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        await stale.Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(("\"2\"", "accepted", pledge), (accepted.Headers.ETag!.Tag, decided["state"]!.GetValue<string>(), decided["madePledgeId"]!.GetValue<int>()));
        var (start, end) = (source["start"]!.GetValue<int>(), source["end"]!.GetValue<int>());
        Assert.Equal((document, start, end), (cited["documentId"]!.GetValue<long>(), cited["start"]!.GetValue<int>(), cited["end"]!.GetValue<int>()));
        Assert.Equal(body[start..end], cited["quote"]!.GetValue<string>());
        var accepted2 = await (await analyst.GetAsync("/api/v1/candidates?state=accepted")).Read<JsonArray>();
        Assert.Contains(accepted2, c => c!["id"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task A_position_needs_its_fields_named_and_a_dismissal_its_reason()
    {
        var document = await TakeInAsync();
        var analyst = app.Api("analyst");
        var queue = (await analyst.GetFromJsonAsync<JsonArray>($"/api/v1/candidates?document={document}&kind=position"))!.Select(c => c!.AsObject()).ToList();
        var russia = Assert.Single(queue, c => c["issue"]?.GetValue<string>() == "foreign-troops" && c["party"]?.GetValue<string>() == "RUS");
        var other = queue.First(c => c != russia)["id"]!.GetValue<long>();
        var id = russia["id"]!.GetValue<long>();

        var invalid = await analyst.SendAsync(Post($"/api/v1/candidates/{id}/accept", new { position = new { preferred = "none", acceptable = new[] { "none" } } }, "\"1\""));
        var accepted = await analyst.SendAsync(Post($"/api/v1/candidates/{id}/accept", new { position = new { stance = "Foreign troops would be targets.", preferred = "none", acceptable = new[] { "none" }, redLine = new[] { "reassurance-force" } } }, "\"1\""));
        var noReason = await analyst.SendAsync(Post($"/api/v1/candidates/{other}/dismiss", new { }, "\"1\""));
        var dismissed = await analyst.SendAsync(Post($"/api/v1/candidates/{other}/dismiss", new { reason = "Not a position" }, "\"1\""));
        var badState = await analyst.GetAsync("/api/v1/candidates?state=maybe&kind=rumour");

        Assert.Contains("position.stance", (await invalid.Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.NotNull((await accepted.Read<JsonObject>())["madePositionId"]);
        Assert.Equal(["reason"], (await noReason.Problem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("dismissed", (await dismissed.Read<JsonObject>())["state"]!.GetValue<string>());
        Assert.Equal(["kind", "state"], (await badState.Problem(HttpStatusCode.BadRequest)).ErrorFields().Order());
    }

    [Fact]
    public async Task Statements_are_listed_by_actor_issue_and_date_and_a_bad_date_is_named()
    {
        var document = await TakeInAsync();
        var viewer = app.Api("viewer");

        var russia = await viewer.GetFromJsonAsync<JsonArray>("/api/v1/statements?actor=RUS&issue=foreign-troops&from=2025-12-06&to=2025-12-06");
        var later = await viewer.GetFromJsonAsync<JsonArray>("/api/v1/statements?actor=RUS&from=2025-12-07");
        var bad = await viewer.GetAsync("/api/v1/statements?from=6 December");

        var putin = Assert.Single(russia!)!.AsObject();
        Assert.Equal(("vladimir-putin", document), (putin["actor"]!.GetValue<string>(), putin["documentId"]!.GetValue<long>()));
        Assert.Contains("foreign-troops", putin["issues"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(later!);
        Assert.Equal(["from"], (await bad.Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
