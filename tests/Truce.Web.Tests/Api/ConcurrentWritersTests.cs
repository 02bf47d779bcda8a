using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// Eight writers change one pledge at once, each with the version it read: every write either wins (200)
/// or is told the pledge changed (412) — never a 5xx — no acknowledged update is lost, the versions are
/// contiguous, and the audit chain still verifies.
/// </summary>
public sealed class ConcurrentWritersTests(ConcurrentWritersTests.LoopbackApp app) : IClassFixture<ConcurrentWritersTests.LoopbackApp>
{
    private HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.TokenOf(user));
        return client;
    }

    /// <summary>Truce on a real loopback port: requests arrive on sockets, in parallel, as they do in production.</summary>
    public sealed class LoopbackApp() : TruceApp(kestrel: true);

    [Fact]
    public async Task Writers_racing_on_one_pledge_get_200_or_412_and_nothing_is_lost()
    {
        const int Writers = 8, Rounds = 30;
        var created = await (await Client("planner").PostPledge(ApiClient.NewPledge(title: "Raced pledge"))).Read<JsonObject>();
        var id = created["id"]!.GetValue<int>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var won = new ConcurrentBag<(int Version, string Title)>();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var client = Client("planner");
            for (var round = 0; round < Rounds; round++)
            {
                var read = await client.GetAsync($"/api/v1/pledges/{id}");
                var etag = read.Headers.ETag!.Tag;
                var input = ApiClient.NewPledge(title: $"Writer {w} round {round}");
                var response = await client.PutPledge(id, input, etag);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    won.Add(((await response.Read<JsonObject>())["version"]!.GetValue<int>(), input.Title!));
                }
            }
        })));

        var history = JsonNode.Parse(await Client("planner").GetStringAsync($"/api/v1/pledges/{id}/history"))!.AsArray();
        var verify = JsonNode.Parse(await Client("admin").GetStringAsync("/api/v1/audit/verify"))!;

        Expect.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, $"A racing writer got {(int)s}."));
        Assert.Equal(Enumerable.Range(1, won.Count + 1), history.Select(r => r!["version"]!.GetValue<int>()).Order());
        var last = await (await Client("planner").GetAsync($"/api/v1/pledges/{id}")).Read<JsonObject>();
        Assert.Equal(won.MaxBy(w => w.Version).Title, last["title"]!.GetValue<string>());
        Assert.Equal(won.Count, won.Select(w => w.Version).Distinct().Count());
        Assert.True(verify["intact"]!.GetValue<bool>());
    }
}

/// <summary>Plans run a few at a time behind a bounded queue; beyond it a plan is turned away at once with 503 and Retry-After.</summary>
public sealed class PlanSlotsTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task A_plan_beyond_the_queue_is_a_503_with_Retry_After_and_the_next_one_runs_when_a_place_frees()
    {
        var slots = app.Services.GetRequiredService<Truce.Storage.Planning.PlanSlots>();
        var options = app.Services.GetRequiredService<Truce.Storage.Planning.PlanSlotsOptions>();
        var release = new TaskCompletionSource();
        var holders = Enumerable.Range(0, options.MaxRunning + options.MaxWaiting)
            .Select(_ => slots.RunAsync(() => { release.Task.Wait(); return "held"; }, CancellationToken.None)).ToList();

        var refused = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force" });
        release.SetResult();
        await Task.WhenAll(holders);
        var served = await app.Api("planner").PostAsJsonAsync("/api/v1/planning/plans", new { mission = "reassurance-force" });

        var problem = await refused.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("try again", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
