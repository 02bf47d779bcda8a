using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Truce.Core.Security;
using Truce.Web.Security;

namespace Truce.Web.Alerts;

/// <summary>
/// The live feed of alerts at <c>/hubs/alerts</c>, for signed-in people in a browser (a session cookie; tokens
/// open the API only, where <c>GET /api/v1/alerts</c> serves feeds). Clients only listen: each connection is
/// sent, as <c>alert</c>, the alerts its reader may read (<see cref="AlertDelivery"/>), never a broadcast.
/// </summary>
public sealed class AlertsHub(AlertConnections connections) : Hub
{
    public const string Path = "/hubs/alerts";

    /// <summary>The client method each alert is sent to.</summary>
    public const string Method = "alert";

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Whom the feed is for, in words. A client that has this answer is registered (calls are handled only after
    /// the connection is), so the page says "live" only once alerts can reach it.
    /// </summary>
    public string Ready() => $"Live: alerts {Context.User!.ToPrincipal().Name} may read";
}

/// <summary>The open connections of this node, each with its reader as it signed in and its session's stamp.</summary>
public sealed class AlertConnections
{
    private readonly ConcurrentDictionary<string, Viewer> _open = new(StringComparer.Ordinal);

    /// <summary>A connection, the principal it reads as, and the security stamp of the session that opened it.</summary>
    public sealed record Viewer(HubCallerContext Context, Principal Principal, string? Stamp);

    public int Count => _open.Count;

    public void Add(HubCallerContext context) =>
        _open[context.ConnectionId] = new Viewer(context, context.User!.ToPrincipal(), context.User!.FindFirstValue(SecuritySetup.StampClaim));

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyList<Viewer> Snapshot() => [.. _open.Values];
}
