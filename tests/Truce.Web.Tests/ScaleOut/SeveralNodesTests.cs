using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.ScaleOut;

/// <summary>
/// Two Truce servers on one database, as two nodes behind a load balancer without sticky sessions: each
/// has its own memory; whatever one writes or signs, the other reads and honours at once. (On PostgreSQL the
/// nodes' writes meet in the database; scripts/test.sh runs this on both stores.)
/// </summary>
public sealed class SeveralNodesTests(SeveralNodesTests.TwoNodes nodes) : IClassFixture<SeveralNodesTests.TwoNodes>
{
    /// <summary>Node A (a server on a copy of the template) and node B (another server on A's database).</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        public TruceApp A { get; } = new();

        public TruceApp B { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await A.InitializeAsync();
            B = A.OtherNode();
            await B.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_session_signed_in_on_one_node_is_honoured_by_the_other()
    {
        // The browser's part, by hand: the sign-in form's anti-forgery cookie and token, then the session cookie.
        var a = nodes.A.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await a.GetAsync("/account/sign-in");
        var antiforgery = Cookies(form);
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "planner",
                ["password"] = TruceApp.Password,
                ["__RequestVerificationToken"] = TruceApp.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        var signedIn = await a.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.Contains("truce.session=", session, StringComparison.Ordinal);

        var b = nodes.B.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var onB = new HttpRequestMessage(HttpMethod.Get, "/commitments");
        onB.Headers.Add("Cookie", session);
        var page = await b.SendAsync(onB);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("planner", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pledge_written_on_one_node_is_read_on_the_other_at_once()
    {
        var created = await (await nodes.A.Api("planner").PostPledge(ApiClient.NewPledge(title: "Written on node A"))).Read<JsonObject>();

        var read = await nodes.B.Api("viewer").GetAsync($"/api/v1/pledges/{created["id"]}");

        Assert.Equal("Written on node A", (await read.Read<JsonObject>())["title"]!.GetValue<string>());
        Assert.Equal(created["version"]!.GetValue<int>(), (await read.Read<JsonObject>())["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_If_Match_on_both_nodes_wins_once_and_loses_once()
    {
        var created = await (await nodes.A.Api("planner").PostPledge(ApiClient.NewPledge(title: "Changed on both nodes"))).Read<JsonObject>();
        var id = created["id"]!.GetValue<int>();
        var etag = (await nodes.A.Api("planner").GetAsync($"/api/v1/pledges/{id}")).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(
            nodes.A.Api("planner").PutPledge(id, ApiClient.NewPledge(title: "A's change"), etag),
            nodes.B.Api("planner").PutPledge(id, ApiClient.NewPledge(title: "B's change"), etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "A's change" : "B's change";
        var history = JsonNode.Parse(await nodes.B.Api("planner").GetStringAsync($"/api/v1/pledges/{id}/history"))!.AsArray();
        Assert.Equal([1, 2], history.Select(r => r!["version"]!.GetValue<int>()).Order());
        Assert.Equal(winner, (await (await nodes.B.Api("planner").GetAsync($"/api/v1/pledges/{id}")).Read<JsonObject>())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_thousand_writes_from_sixteen_clients_over_both_nodes_lose_nothing_and_keep_the_chain()
    {
        const int Clients = 16, Writes = 1000, Pledges = 8;
        var ids = new List<int>();
        for (var i = 0; i < Pledges; i++)
        {
            ids.Add((await (await nodes.A.Api("planner").PostPledge(ApiClient.NewPledge(title: $"Busy pledge {i}"))).Read<JsonObject>())["id"]!.GetValue<int>());
        }

        var acknowledged = new ConcurrentBag<(int Id, int Version, string Reason)>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            // Each client alternates between the nodes, as a load balancer without sticky sessions would send it.
            var onNodes = new[] { nodes.A.Api("planner"), nodes.B.Api("planner") };
            int n;
            while ((n = Interlocked.Increment(ref next)) < Writes)
            {
                var client = onNodes[n % 2];
                var id = ids[n % Pledges];
                var etag = (await client.GetAsync($"/api/v1/pledges/{id}")).Headers.ETag!.Tag;
                var change = ApiClient.NewPledge(title: $"Busy pledge {n % Pledges}");
                change.Quantity = n + 2; // a change every time (the pledges start at 1): a PUT that changes nothing makes no version
                change.Reason = $"write {n} by client {c}";
                var response = await client.PutPledge(id, change, etag);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add((id, (await response.Read<JsonObject>())["version"]!.GetValue<int>(), change.Reason));
                }
            }
        })));

        Expect.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, $"A write got {(int)s}."));
        Assert.Equal(Writes, statuses.Count);
        Assert.True(acknowledged.Count >= Writes / 4, $"Only {acknowledged.Count} of {Writes} writes won; the test proves little.");
        foreach (var id in ids)
        {
            var history = JsonNode.Parse(await nodes.B.Api("planner").GetStringAsync($"/api/v1/pledges/{id}/history"))!.AsArray()
                .Select(r => (Version: r!["version"]!.GetValue<int>(), Reason: r["reason"]?.GetValue<string>())).ToList();
            var mine = acknowledged.Where(w => w.Id == id).ToList();
            Assert.Equal(Enumerable.Range(1, mine.Count + 1), history.Select(h => h.Version).Order());
            Expect.All(mine, w => Assert.Contains((w.Version, (string?)w.Reason), history));
        }

        var verify = JsonNode.Parse(await nodes.B.Api("admin").GetStringAsync("/api/v1/audit/verify"))!;
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
    }

    // The Cookie header a browser would send back: each Set-Cookie's name=value.
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
}

/// <summary>The sign-in throttle counts per address across nodes (its own pair of nodes: it leaves the address throttled).</summary>
public sealed class ThrottleOverNodesTests(SeveralNodesTests.TwoNodes nodes) : IClassFixture<SeveralNodesTests.TwoNodes>
{
    [Fact]
    public async Task Password_spraying_spread_over_both_nodes_meets_one_count()
    {
        var (a, b) = (nodes.A.Api(null), nodes.B.Api(null));
        HttpResponseMessage? last = null;
        for (var i = 0; i <= Truce.Core.Security.AddressThrottle.MaxFailures; i++)
        {
            last = await TruceApp.SignIn(i % 2 == 0 ? a : b, $"sprayed-{i}", "spring2025-password");
        }

        Assert.Equal((HttpStatusCode)429, last!.StatusCode);
    }
}

/// <summary>
/// Behind a known load balancer the throttle counts the client's address (X-Forwarded-For from that
/// balancer), not the balancer's; from anyone else the header is ignored.
/// </summary>
public sealed class BehindALoadBalancerTests(BehindALoadBalancerTests.BalancedApp app) : IClassFixture<BehindALoadBalancerTests.BalancedApp>
{
    /// <summary>Truce on a loopback port, with the loopback address named as its load balancer.</summary>
    public sealed class BalancedApp() : TruceApp(kestrel: true)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Network:KnownProxies", "127.0.0.1");
        }
    }

    [Fact]
    public async Task The_throttle_counts_each_forwarded_client_on_its_own()
    {
        async Task<HttpStatusCode> SignInFrom(string client)
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = app.Address };
            http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            return (await TruceApp.SignIn(http, "someone", "spring2025-password")).StatusCode;
        }

        var sprayer = new List<HttpStatusCode>();
        for (var i = 0; i <= Truce.Core.Security.AddressThrottle.MaxFailures; i++)
        {
            sprayer.Add(await SignInFrom("203.0.113.7"));
        }

        Assert.Equal((HttpStatusCode)429, sprayer[^1]);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFrom("203.0.113.8"));
    }
}
