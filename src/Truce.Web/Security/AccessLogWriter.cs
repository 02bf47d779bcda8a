using Truce.Storage;
using Truce.Storage.Security;

namespace Truce.Web.Security;

/// <summary>
/// Writes the access log off the request path: every <c>Security:AccessLogWriteEvery</c> (half a minute),
/// the first uses of tokens and the refusal windows that have closed; at shutdown, everything counted so far.
/// </summary>
public sealed class AccessLogWriter(IServiceScopeFactory scopes, AccessLog access, IConfiguration configuration, ILogger<AccessLogWriter> log) : BackgroundService
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Security:AccessLogWriteEvery", DefaultEvery));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(closeAll: false, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(closeAll: true, cancellationToken);
    }

    private async Task FlushAsync(bool closeAll, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await access.FlushAsync(scope.ServiceProvider.GetRequiredService<TruceDb>(), scope.ServiceProvider.GetRequiredService<AuditTrail>(), closeAll, ct);
        }
        catch (ObjectDisposedException)
        {
            // The host was torn down without stopping first (a test server): there is no database to write to.
            log.LogWarning("The access log could not be written: the server's services were already disposed.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request path never waits for this. A failed write loses that batch of counts, and says so here.
            log.LogError(e, "Could not write the access log to the audit trail.");
        }
    }
}
