namespace Truce.Storage.Planning;

/// <summary>How many plans run at once and how many may wait (<c>Planning:MaxRunningPlans</c>, <c>Planning:MaxWaitingPlans</c>).</summary>
public sealed record PlanSlotsOptions(int MaxRunning = 1, int MaxWaiting = 4)
{
    /// <summary>How long a caller turned away is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Plans run off the request threads, a bounded number at a time, with a bounded queue behind them: a solver
/// may hold its cores for up to 30 seconds, and six of them at once would starve every other request. A
/// plan beyond the queue is turned away at once (503 with Retry-After) rather than left to pile up.
/// </summary>
/// <remarks>REVIEW: per node. With several nodes each has its own queue; the load balancer spreads plans.</remarks>
public sealed class PlanSlots(PlanSlotsOptions options) : IDisposable
{
    private readonly SemaphoreSlim _running = new(options.MaxRunning, options.MaxRunning);
    private int _admitted;

    /// <summary>Runs <paramref name="solve"/> on a thread of its own when a place is free; null when the queue is full.</summary>
    public async Task<T?> RunAsync<T>(Func<T> solve, CancellationToken ct)
        where T : class
    {
        if (Interlocked.Increment(ref _admitted) > options.MaxRunning + options.MaxWaiting)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }

        try
        {
            await _running.WaitAsync(ct);
            try
            {
                return await Task.Factory.StartNew(() => Yielding(solve), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    public void Dispose() => _running.Dispose();

    /// <summary>
    /// Runs the solver on this thread at the lowest scheduling priority (Linux: nice 19 for the thread, which
    /// the solver's own worker threads inherit), so that a plan uses the cores requests leave idle and a read
    /// is not kept waiting behind it. The thread is the plan's own and ends with it.
    /// </summary>
    private static T Yielding<T>(Func<T> solve)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = Native.setpriority(Native.PrioProcess, Native.gettid(), 19); // best effort: a failure leaves the default priority
        }

        return solve();
    }

    private static class Native
    {
        public const int PrioProcess = 0;

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int setpriority(int which, int who, int priority);

        [System.Runtime.InteropServices.DllImport("libc")]
        public static extern int gettid();
    }

    public static string Full => $"Truce is computing as many plans as it may at once and more are waiting; try again in {PlanSlotsOptions.RetryAfter.TotalSeconds:0} seconds.";
}
