using System.Net;
using System.Net.Http.Json;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>Every role against every endpoint: who may read, who may write, and what the others are told.</summary>
public sealed class AuthorizationTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static readonly string[] ReadPaths =
    [
        "/api/v1/actors", "/api/v1/actors/GBR", "/api/v1/members", "/api/v1/meetings", "/api/v1/meetings/1",
        "/api/v1/pledges", "/api/v1/pledges/1", "/api/v1/pledges/1/history", "/api/v1/pledges/totals", "/openapi/v1.json",
    ];

    public static readonly TheoryData<string> ReadEndpoints = new(ReadPaths);

    public static readonly TheoryData<string> Pages = ["/", "/coalition", "/commitments", "/commitments/1", "/commitments/new", "/commitments/1/edit", "/api-docs", "/capabilities/agreements", "/planning"];

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Anonymous_gets_401_from_every_API_endpoint(string path)
    {
        var problem = await (await app.Api(null).GetAsync(path)).Problem(HttpStatusCode.Unauthorized);

        Assert.Contains("Sign in", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_cannot_write()
    {
        var anonymous = app.Api(null);

        await (await anonymous.PostPledge(ApiClient.NewPledge())).Problem(HttpStatusCode.Unauthorized);
        await (await anonymous.PutPledge(1, ApiClient.NewPledge(), "\"1\"")).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_is_sent_to_the_sign_in_page(string path)
    {
        var response = await app.Api(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_may_see_the_sign_in_page_and_health()
    {
        var anonymous = app.Api(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/account/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_gets_401()
    {
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "truce_not-a-real-token");

        await (await client.GetAsync("/api/v1/pledges")).Problem(HttpStatusCode.Unauthorized);
    }

    public static readonly TheoryData<string, string> RolesAndReads = Cross(["admin", "planner", "liaison-gbr", "liaison-fra", "viewer"], ReadPaths);

    [Theory]
    [MemberData(nameof(RolesAndReads))]
    public async Task Every_role_may_read_every_endpoint(string user, string path)
    {
        var response = await app.Api(user).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Creating a pledge of GBR and of FRA: who may, and who is refused with a 403 that says why.
    [Theory]
    [InlineData("admin", "GBR", HttpStatusCode.Created)]
    [InlineData("planner", "GBR", HttpStatusCode.Created)]
    [InlineData("liaison-gbr", "GBR", HttpStatusCode.Created)]
    [InlineData("liaison-fra", "GBR", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "GBR", HttpStatusCode.Forbidden)]
    [InlineData("admin", "FRA", HttpStatusCode.Created)]
    [InlineData("planner", "FRA", HttpStatusCode.Created)]
    [InlineData("liaison-gbr", "FRA", HttpStatusCode.Forbidden)]
    [InlineData("liaison-fra", "FRA", HttpStatusCode.Created)]
    [InlineData("viewer", "FRA", HttpStatusCode.Forbidden)]
    public async Task Creating_a_pledge(string user, string member, HttpStatusCode expected)
    {
        var response = await app.Api(user).PostPledge(ApiClient.NewPledge(member, $"Created by {user}"));

        if (expected == HttpStatusCode.Created)
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal(user, (await response.Read<PledgeView>()).UpdatedBy);
        }
        else
        {
            var detail = (await response.Problem(expected))["detail"]!.GetValue<string>();
            Assert.Contains(user == "viewer" ? "viewer" : "only that member's pledges", detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("planner", HttpStatusCode.OK)]
    [InlineData("liaison-gbr", HttpStatusCode.OK)]
    [InlineData("liaison-fra", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Changing_a_pledge_of_GBR(string user, HttpStatusCode expected)
    {
        var pledge = await (await app.Api("admin").PostPledge(ApiClient.NewPledge("GBR", $"To be changed by {user}"))).Read<PledgeView>();
        var change = pledge.ToInput();
        change.Quantity = 5;
        change.Reason = "More ships";

        var response = await app.Api(user).PutPledge(pledge.Id, change, "\"1\"");

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(5, (await response.Read<PledgeView>()).Quantity);
        }
        else
        {
            var detail = (await response.Problem(expected))["detail"]!.GetValue<string>();
            Assert.Contains(user == "viewer" ? "viewer" : "GBR", detail, StringComparison.Ordinal);
            var unchanged = await (await app.Api("viewer").GetAsync($"/api/v1/pledges/{pledge.Id}")).Read<PledgeView>();
            Assert.Equal(1, unchanged.Version);
        }
    }

    [Fact]
    public async Task A_liaison_cannot_hand_their_pledge_to_another_member()
    {
        var pledge = await (await app.Api("liaison-gbr").PostPledge(ApiClient.NewPledge("GBR", "Not for France"))).Read<PledgeView>();
        var change = pledge.ToInput();
        change.Member = "FRA";
        change.Reason = "Move";

        var problem = await (await app.Api("liaison-gbr").PutPledge(pledge.Id, change, "\"1\"")).Problem(HttpStatusCode.Forbidden);

        Assert.Contains("FRA", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_browser_may_call_the_API_with_its_cookie()
    {
        var browser = await app.SignedIn("viewer");

        var page = await browser.GetFromJsonAsync<Page<PledgeView>>("/api/v1/pledges?limit=1", TruceJson.Options);

        Assert.Single(page!.Items);
    }

    private static TheoryData<string, string> Cross(string[] users, string[] paths)
    {
        var data = new TheoryData<string, string>();
        foreach (var user in users)
        {
            foreach (var path in paths)
            {
                data.Add(user, path);
            }
        }

        return data;
    }
}
