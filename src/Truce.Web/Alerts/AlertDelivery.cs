using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Alerts;
using Truce.Storage.Security;

namespace Truce.Web.Alerts;

/// <summary>
/// Brings each alert raised anywhere to the browsers connected to this node that may read it. On PostgreSQL
/// it listens on <see cref="AlertSignal.Channel"/> with a connection of its own (reconnecting, and catching up
/// from the store on what it missed meanwhile), so an alert raised on any node reaches every node (decision 30);
/// on SQLite it hears the ids the process announces. Only an id travels: the alert is read here, and sent to each
/// connection whose reader may read its marking and whose session still stands — never broadcast.
/// </summary>
public sealed class AlertDelivery(
    IServiceScopeFactory scopes, StorageOptions storage, AlertSignal signal, AlertConnections connections, IHubContext<AlertsHub> hub, TimeProvider clock, ILogger<AlertDelivery> log)
    : BackgroundService
{
    /// <summary>How long to wait before listening again after the connection to PostgreSQL was lost.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private static readonly Principal Delivery = Principal.System("alert delivery");

    private readonly Channel<long> _raised = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The ids sent lately, so an alert heard twice (a notification and a catch-up after reconnecting) is sent once.
    private readonly Queue<long> _recent = new();
    private readonly HashSet<long> _sent = [];

    /// <summary>Done once this node hears alerts (on PostgreSQL: once it is listening), for tests and start-up checks.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delivering = DeliverAllAsync(stoppingToken);
        if (storage.IsPostgreSql)
        {
            await ListenAsync(stoppingToken);
        }
        else
        {
            signal.Raised += Hear;
            _listening.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            finally
            {
                signal.Raised -= Hear;
            }
        }

        _raised.Writer.TryComplete();
        await delivering;
    }

    private void Hear(long id) => _raised.Writer.TryWrite(id);

    private async Task ListenAsync(CancellationToken stop)
    {
        DateTimeOffset? lostAt = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // A connection of its own, outside the pool: it stays open and idle, waiting; keep-alives find a dead one.
                var connectionString = new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stop);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        Hear(id);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {AlertSignal.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                if (lostAt is { } since)
                {
                    // Raised while this node was not listening: read from the store (a minute earlier, for clocks that differ between nodes).
                    await using var scope = scopes.CreateAsyncScope();
                    foreach (var id in await scope.ServiceProvider.GetRequiredService<AlertReads>().RaisedSinceAsync(Delivery, since - TimeSpan.FromMinutes(1), stop))
                    {
                        Hear(id);
                    }

                    log.LogInformation("Listening for alerts again, after losing the connection at {LostAt:u}.", since);
                }

                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException or TimeoutException)
            {
                lostAt ??= clock.GetUtcNow();
                log.LogWarning(e, "Not listening for alerts on PostgreSQL; trying again in {Retry}.", Retry);
                try
                {
                    await Task.Delay(Retry, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }
        }
    }

    private async Task DeliverAllAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var id in _raised.Reader.ReadAllAsync(stop))
            {
                if (!_sent.Add(id))
                {
                    continue;
                }

                _recent.Enqueue(id);
                if (_recent.Count > 10_000)
                {
                    _sent.Remove(_recent.Dequeue());
                }

                try
                {
                    await DeliverAsync(id, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Alert {Alert} was not delivered to this node's browsers.", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Sends one alert to each connection whose reader may read it, after checking the reader's session still stands.</summary>
    private async Task DeliverAsync(long id, CancellationToken ct)
    {
        var viewers = connections.Snapshot();
        if (viewers.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AlertReads>().MarkedAsync(Delivery, id, ct) is not { } alert)
        {
            return;
        }

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var to = new List<string>();
        foreach (var user in viewers.GroupBy(v => v.Principal.Name, StringComparer.Ordinal))
        {
            // The account is read again, as at every request: a session that ended (signed out, disabled, a new
            // role or member) since the connection opened gets nothing more, and its connections are closed.
            var account = await accounts.FindAsync(user.Key, ct);
            foreach (var viewer in user)
            {
                if (account is null || account.IsDisabled || account.SecurityStamp != viewer.Stamp || account.Role != viewer.Principal.Role || account.MemberCode != viewer.Principal.MemberCode)
                {
                    viewer.Context.Abort();
                    connections.Remove(viewer.Context.ConnectionId);
                }
                else if (viewer.Principal.MaySee(alert.Marking))
                {
                    to.Add(viewer.Context.ConnectionId);
                }
            }
        }

        if (to.Count > 0)
        {
            await hub.Clients.Clients(to).SendAsync(AlertsHub.Method, alert.View, ct);
        }

        log.LogDebug("Alert {Alert} ({Marking}) sent to {Sent} of {Open} connections on this node.", id, alert.Marking, to.Count, viewers.Count);
    }
}
