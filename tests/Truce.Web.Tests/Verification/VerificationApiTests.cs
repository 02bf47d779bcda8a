using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Storage.Verification;
using Truce.Testing;
using Truce.Web.Tests.Monitoring;

namespace Truce.Web.Tests.Verification;

/// <summary>Incidents over HTTP: made of chosen reports, acted on at the version read (If-Match), refusals as problems naming the field.</summary>
public sealed class VerificationApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task An_analyst_makes_an_incident_grows_it_and_moves_it_at_the_version_read()
    {
        await app.Seed(Observations.Strike("api-team", "v1"), Observations.Strike("api-camera", "v2", at: "2025-03-20T02:03:00Z"));
        var (first, second) = (await app.IdOf("api-team", "v1"), await app.IdOf("api-camera", "v2"));
        var analyst = app.Api("analyst");

        var proposals = await analyst.GetFromJsonAsync<List<Proposal>>("/api/v1/incidents/proposals?from=2025-03-20T00:00:00Z&to=2025-03-21T00:00:00Z", TruceJson.Options);
        var made = await analyst.PostAsJsonAsync("/api/v1/incidents", new { observations = new[] { first }, reason = "The team's report.", claim = true });
        var id = (await made.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var candidates = await analyst.GetFromJsonAsync<List<Candidate>>($"/api/v1/incidents/candidates?observation={second}", TruceJson.Options);
        var unconditional = await analyst.PostAsJsonAsync($"/api/v1/incidents/{id}/observations", new { observations = new[] { second }, reason = "Same strike." });
        var added = await Send(analyst, HttpMethod.Post, $"/api/v1/incidents/{id}/observations", "\"1\"", new { observations = new[] { second }, reason = "Same strike, two minutes on." });
        var stale = await Send(analyst, HttpMethod.Post, $"/api/v1/incidents/{id}/moves", "\"1\"", new { to = "under-review", reason = "Looking." });
        var badState = await Send(analyst, HttpMethod.Post, $"/api/v1/incidents/{id}/moves", "\"2\"", new { to = "done", reason = "Looking." });
        var moved = await Send(analyst, HttpMethod.Post, $"/api/v1/incidents/{id}/moves", "\"2\"", new { to = "under-review", reason = "Looking." });
        var viewer = await Send(app.Api("viewer"), HttpMethod.Post, $"/api/v1/incidents/{id}/moves", "\"3\"", new { to = "corroborated", reason = "Two sources." });
        var missing = await app.Api("viewer").GetAsync("/api/v1/incidents/999999");

        Assert.Contains(proposals!, p => p.ObservationIds.Order().SequenceEqual(new[] { first, second }.Order()));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Contains(candidates!, c => c.Id == id);
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("\"2\"", added.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("to", (await badState.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var view = await app.Api("viewer").GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{id}");
        Assert.Equal("under-review", view!["incident"]!["state"]!.GetValue<string>());
        Assert.Equal(2, view["independentSources"]!.GetValue<int>());
        Assert.Equal(2, view["observations"]!.AsArray().Count);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string etag, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
