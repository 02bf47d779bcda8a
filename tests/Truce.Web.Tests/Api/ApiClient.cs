using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Web.Tests.Api;

/// <summary>Small helpers so API tests read as requests and expectations.</summary>
public static class ApiClient
{
    public static async Task<T> Read<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, TruceJson.Options)!;
    }

    /// <summary>The problem document of a refused request, checked to be RFC 9457 problem details.</summary>
    public static async Task<JsonObject> Problem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static IEnumerable<string> ErrorFields(this JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key);

    public static Task<HttpResponseMessage> PostPledge(this HttpClient client, PledgeInput input) =>
        client.PostAsJsonAsync("/api/v1/pledges", input, TruceJson.Options);

    public static Task<HttpResponseMessage> PutPledge(this HttpClient client, int id, PledgeInput input, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/pledges/{id}") { Content = JsonContent.Create(input, options: TruceJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static PledgeInput NewPledge(string member = "GBR", string title = "Mine-countermeasures vessel") => new()
    {
        Member = member,
        Title = title,
        Category = "maritime",
        Capability = "mine countermeasures",
        Quantity = 1,
        Unit = "ships",
        Conditions = [new ConditionInput { Kind = "after-ceasefire" }],
        Sources = [new CitationInput { Url = "https://example.org/announcement", Publisher = "Ministry of Defence", Date = new DateOnly(2025, 3, 20) }],
        Confidence = "medium",
        Reason = "Offered at the planning meeting",
    };
}
