using System.Net;
using System.Net.Http.Json;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// What the services refuse beyond the endpoints' rules (AuthorizationMatrixTests): a liaison writes for their
/// own member only, and is told so.
/// </summary>
public sealed class AuthorizationTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task An_unknown_token_gets_401()
    {
        var client = app.Api(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "truce_not-a-real-token");

        await (await client.GetAsync("/api/v1/pledges")).Problem(HttpStatusCode.Unauthorized);
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
}
