using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Alerts;

/// <summary>
/// A person's browser on the live feed, played by the .NET SignalR client: signed in through the form (the feed
/// takes a session cookie), connected to one node, gathering every alert it is sent.
/// </summary>
public sealed class LiveAlerts : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();

    private LiveAlerts(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonObject>("alert", alert => _received.Writer.TryWrite(alert));
    }

    /// <summary>Connects <paramref name="user"/> to <paramref name="node"/>'s feed, and returns once the node has registered the connection.</summary>
    public static async Task<LiveAlerts> ConnectAsync(TruceApp node, string user)
    {
        var cookie = await SessionCookieAsync(node, user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "/hubs/alerts"), o =>
            {
                // The test server speaks HTTP in memory: long polling, each poll with the session cookie.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.Headers["Cookie"] = cookie;
            })
            .AddJsonProtocol(json => TruceJson.CopyTo(json.PayloadSerializerOptions))
            .Build();
        var live = new LiveAlerts(connection);
        await connection.StartAsync();
        Assert.StartsWith("Live: alerts " + user, await connection.InvokeAsync<string>("Ready"), StringComparison.Ordinal);
        return live;
    }

    /// <summary>The next alert sent to this browser, or a failure after <paramref name="seconds"/>.</summary>
    public async Task<JsonObject> NextAsync(int seconds = 30)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No alert reached the browser within {seconds} s.");
            throw;
        }
    }

    /// <summary>The next alert of <paramref name="ruleId"/> sent to this browser, passing over those of other rules (other tests' rules share the server).</summary>
    public async Task<JsonObject> NextOfAsync(long ruleId, int seconds = 30)
    {
        while (true)
        {
            var alert = await NextAsync(seconds);
            if (alert["ruleId"]!.GetValue<long>() == ruleId)
            {
                return alert;
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>The session cookie a browser gets from the sign-in form (anti-forgery included), as a Cookie header.</summary>
    public static async Task<string> SessionCookieAsync(TruceApp node, string user)
    {
        var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/account/sign-in");
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = user,
                ["password"] = user == "admin" ? TruceApp.AdminPassword : TruceApp.Password,
                ["__RequestVerificationToken"] = TruceApp.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            }),
        };
        signIn.Headers.Add("Cookie", Cookies(form));
        var signedIn = await client.SendAsync(signIn);
        var session = Cookies(signedIn);
        Assert.Contains("truce.session=", session, StringComparison.Ordinal);
        return session;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);

    /// <summary>Makes a rule through the API as <paramref name="user"/> (an analyst or admin), returning its id.</summary>
    public static async Task<long> RuleAsync(TruceApp node, AlertRuleInput rule, string user = "analyst") =>
        (await (await node.Api(user).PostAsJsonAsync("/api/v1/alert-rules", rule, TruceJson.Options)).Read<JsonObject>())["id"]!.GetValue<long>();

    /// <summary>A threshold rule for every sector: N drone strikes within an hour (the demo has no sector layer, so they count outside every sector).</summary>
    public static AlertRuleInput Strikes(int n, string name = "Drone strikes", MarkingInputs? marking = null) => new()
    {
        Name = name, Kind = "threshold", Type = "drone-strike", Threshold = n, WindowMinutes = 60, Marking = marking?.Input,
    };

    /// <summary>A batch of <paramref name="n"/> drone strikes in Odesa a minute apart, submitted through the API by the monitor's feed.</summary>
    public static async Task SubmitStrikesAsync(TruceApp node, string prefix, int n, string at = "2025-03-20T02:00:00Z")
    {
        var start = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(0, n).Select(i => new ObservationInput
        {
            Source = "field-team-7", ExternalId = $"{prefix}-{i}", ObservedFrom = start.AddMinutes(i), Type = "drone-strike", Lat = 46.48, Lon = 30.72,
            Marking = new Core.Security.MarkingInput { Level = "coalition" },
        }).ToList();
        var response = await node.Api("monitor").PostAsJsonAsync("/api/v1/observations", rows, TruceJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A marking for a rule in tests, by name.</summary>
public sealed record MarkingInputs(Core.Security.MarkingInput Input)
{
    public static MarkingInputs RelTo(params string[] members) => new(new Core.Security.MarkingInput { Level = "rel-to", RelTo = [.. members] });
}
