using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// One error shape: every refusal the API writes, whoever writes it, is a problem document with type,
/// title, status, traceId and errors; bad input names its field, header or parameter.
/// </summary>
public sealed class ProblemTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static async Task<JsonObject> Complete(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Problem(status);
        foreach (var member in new[] { "type", "title", "status", "traceId", "errors" })
        {
            Assert.True(problem.ContainsKey(member), $"{(int)status}: the problem has no '{member}': {problem.ToJsonString()}");
        }

        Assert.False(string.IsNullOrWhiteSpace(problem["type"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["traceId"]!.GetValue<string>()));
        return problem;
    }

    private async Task<PledgeView> NewPledge(string title) =>
        await (await app.Api("planner").PostPledge(ApiClient.NewPledge(title: title))).Read<PledgeView>();

    [Fact]
    public async Task Every_kind_of_refusal_carries_the_whole_problem_shape()
    {
        var pledge = await NewPledge("Problem shapes");
        var unknownToken = app.Api(null);
        unknownToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "truce_not-a-real-token");

        await Complete(await app.Api(null).GetAsync("/api/v1/pledges"), HttpStatusCode.Unauthorized);
        await Complete(await unknownToken.GetAsync("/api/v1/pledges"), HttpStatusCode.Unauthorized);
        await Complete(await app.Api("viewer").PostPledge(ApiClient.NewPledge()), HttpStatusCode.Forbidden);
        await Complete(await app.Api("liaison-fra").PutPledge(pledge.Id, pledge.ToInput(), "\"1\""), HttpStatusCode.Forbidden);
        await Complete(await app.Api("viewer").GetAsync("/api/v1/pledges/99999"), HttpStatusCode.NotFound);
        await Complete(await app.Api("viewer").GetAsync("/api/v1/pledges?category=tanks"), HttpStatusCode.BadRequest);
        await Complete(await app.Api("planner").PutPledge(pledge.Id, pledge.ToInput(), "\"9\""), HttpStatusCode.PreconditionFailed);
        await Complete(await app.Api("planner").PutPledge(pledge.Id, pledge.ToInput(), ifMatch: null), HttpStatusCode.PreconditionRequired);
    }

    [Theory]
    [InlineData("/api/v1/pledges?limit=abc", "limit", "'abc' is not a whole number.")]
    [InlineData("/api/v1/audit?before=yesterday", "before", "'yesterday' is not a whole number.")]
    public async Task A_query_parameter_that_cannot_be_read_is_named(string path, string parameter, string message)
    {
        var problem = await Complete(await app.Api("admin").GetAsync(path), HttpStatusCode.BadRequest);

        Assert.Equal([message], problem["errors"]![parameter]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_with_the_type_expected()
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiClient.NewPledge(), TruceJson.Options))!.AsObject();
        body["value"] = new JsonObject { ["amount"] = "a lot", ["currency"] = "EUR" };

        var problem = await Complete(await app.Api("planner").PostAsync("/api/v1/pledges", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Contains("expected a number", problem["errors"]!["value.amount"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"7\", \"1\"")]
    [InlineData("*")]
    public async Task If_Match_takes_weak_and_strong_ETags_lists_and_a_star(string ifMatch)
    {
        var pledge = await NewPledge($"If-Match {ifMatch}");
        var change = pledge.ToInput();
        change.Quantity = 9;
        change.Reason = "Changed with If-Match " + ifMatch;

        var response = await app.Api("planner").PutPledge(pledge.Id, change, ifMatch);

        Assert.Equal(2, (await response.Read<PledgeView>()).Version);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("version one")]
    [InlineData("\"one\"")]
    [InlineData("1")]
    public async Task An_If_Match_that_cannot_be_read_is_a_400_naming_the_header_for_every_conditional_write(string ifMatch)
    {
        var pledge = await NewPledge($"Bad If-Match {ifMatch}");
        var release = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pledges/{pledge.Id}/release") { Content = JsonContent.Create(new { marking = new { level = "public" }, reason = "x" }) };
        release.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        var put = await Complete(await app.Api("planner").PutPledge(pledge.Id, pledge.ToInput(), ifMatch), HttpStatusCode.BadRequest);
        var post = await Complete(await app.Api("planner").SendAsync(release), HttpStatusCode.BadRequest);

        Assert.Equal(["If-Match"], put.ErrorFields());
        Assert.Equal(["If-Match"], post.ErrorFields());
    }
}
