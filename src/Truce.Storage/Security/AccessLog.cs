using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>How long one entry of the access log covers.</summary>
/// <param name="Window">A token's use is written at most once per window; refusals from one address are summed per window.</param>
public sealed record AccessLogOptions(TimeSpan Window)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(15);

    /// <summary>How many addresses are counted apart in one window; beyond it, the rest are summed as one, so a flood of addresses cannot fill memory.</summary>
    public const int MaxAddresses = 10_000;

    public AccessLogOptions()
        : this(DefaultWindow)
    {
    }
}

/// <summary>
/// Keeps reads from writing. Using a token is not an act: its first use in a window is recorded (an audit
/// entry and the token's last-used time) and the rest only counted. Refused tokens and failed sign-ins are
/// counted per address and window and written as one entry per window. Nothing here touches the database
/// on the request path: <see cref="FlushAsync"/>, run by a background writer (and at shutdown), does.
/// </summary>
/// <remarks>
/// REVIEW: counts live in memory, per server node. A crash loses the counts of the open window (at most one
/// window of token uses and refusals); a token's first use after a restart is recorded again unless its
/// stored last-used time is within the window.
/// </remarks>
public sealed class AccessLog(TimeProvider clock, AccessLogOptions options)
{
    private readonly ConcurrentDictionary<int, TokenWindow> _tokens = new();
    private readonly ConcurrentDictionary<(RefusalKind Kind, string Address), RefusalWindow> _refusals = new();
    private readonly ConcurrentQueue<TokenUse> _uses = new();

    public TimeSpan Window => options.Window;

    /// <summary>Counts a token's use; the first in a window (and not already stored as such) is queued to be written.</summary>
    /// <param name="lastRecordedUtc">The token's stored last-used time: a use within the window of it was recorded already, before a restart or by another node.</param>
    public void TokenUsed(int tokenId, Principal holder, DateTime? lastRecordedUtc, string request)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var window = _tokens.GetOrAdd(tokenId, _ => new TokenWindow());

        // Within the window (nearly every use): one atomic count, no lock, so a feed's parallel requests do
        // not queue behind each other here.
        if (now.Ticks - Volatile.Read(ref window.StartTicks) < options.Window.Ticks)
        {
            Interlocked.Increment(ref window.Uses);
            return;
        }

        lock (window)
        {
            if (now.Ticks - window.StartTicks < options.Window.Ticks)
            {
                Interlocked.Increment(ref window.Uses);
                return;
            }

            var previous = window.StartTicks == 0 ? (long?)null : window.Uses;
            Volatile.Write(ref window.Uses, 1);
            Volatile.Write(ref window.StartTicks, now.Ticks);
            if (lastRecordedUtc is { } last && now - last < options.Window)
            {
                return;
            }

            _uses.Enqueue(new TokenUse(tokenId, holder, now, request, previous));
        }
    }

    /// <summary>Counts a refused token or a failed sign-in from <paramref name="address"/>.</summary>
    /// <param name="tried">What was tried: a user name, or the request a token was refused for.</param>
    public void Refused(RefusalKind kind, string address, string tried, string reason)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = (kind, address);
        if (!_refusals.ContainsKey(key) && _refusals.Count >= AccessLogOptions.MaxAddresses)
        {
            key = (kind, "(other addresses)");
        }

        // A window taken here may be closed by a flush before the lock is ours; the refusal then goes to the
        // next window, not into one already written.
        while (true)
        {
            var window = _refusals.GetOrAdd(key, _ => new RefusalWindow(now));
            lock (window)
            {
                if (window.Closed)
                {
                    continue;
                }

                window.Count++;
                window.Last = now;
                window.Reasons[reason] = window.Reasons.GetValueOrDefault(reason) + 1;
                if (window.Tried.Count < 5 && !window.Tried.Contains(tried))
                {
                    window.Tried.Add(tried);
                }

                return;
            }
        }
    }

    /// <summary>
    /// Writes what is due: the queued first uses of tokens, and the refusal windows that have closed (all of
    /// them when <paramref name="closeAll"/>, at shutdown). One save, so the entries chain in one go.
    /// </summary>
    /// <returns>How many audit entries were written.</returns>
    public async Task<int> FlushAsync(TruceDb db, AuditTrail audit, bool closeAll = false, CancellationToken ct = default)
    {
        var written = 0;
        var lastUsed = new Dictionary<int, DateTime>();
        while (_uses.TryDequeue(out var use))
        {
            var detail = $"first use in this window: {use.Request}" + (use.PreviousWindowUses is { } n ? $" ({n.ToString(CultureInfo.InvariantCulture)} uses in its previous window)" : string.Empty);
            audit.Append(use.Holder, "token.used", $"token/{use.TokenId.ToString(CultureInfo.InvariantCulture)}", detail: detail);
            lastUsed[use.TokenId] = use.AtUtc;
            written++;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, window) in _refusals)
        {
            if ((closeAll || now - window.Start >= options.Window) && _refusals.TryRemove(key, out _))
            {
                lock (window)
                {
                    window.Closed = true;
                    audit.Append(Principal.Anonymous, key.Kind == RefusalKind.Token ? "token.refused" : "sign-in.failed", $"address/{key.Address}", detail: window.Describe(key.Kind, key.Address));
                }

                written++;
            }
        }

        if (written > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        foreach (var (id, at) in lastUsed)
        {
            await db.ApiTokens.Where(t => t.Id == id && (t.LastUsedAtUtc == null || t.LastUsedAtUtc < at)).ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAtUtc, at), ct);
        }

        return written;
    }

    // Fields, not properties: the uses are counted with Interlocked and the start read with Volatile.
    private sealed class TokenWindow
    {
        public long StartTicks;
        public long Uses;
    }

    private sealed record TokenUse(int TokenId, Principal Holder, DateTime AtUtc, string Request, long? PreviousWindowUses);

    private sealed class RefusalWindow(DateTime start)
    {
        public DateTime Start { get; } = start;

        public DateTime Last { get; set; } = start;

        /// <summary>Written by a flush: later refusals count in a new window.</summary>
        public bool Closed { get; set; }

        public long Count { get; set; }

        public Dictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

        public List<string> Tried { get; } = [];

        public string Describe(RefusalKind kind, string address)
        {
            var what = kind == RefusalKind.Token ? "refused tokens" : "failed sign-ins";
            var reasons = string.Join(", ", Reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ×{r.Value.ToString(CultureInfo.InvariantCulture)}"));
            var tried = kind == RefusalKind.Token ? "requests" : "user names";
            return $"{Count.ToString(CultureInfo.InvariantCulture)} {what} from {address}, {Start:yyyy-MM-dd HH:mm:ss}–{Last:HH:mm:ss} UTC: {reasons}; {tried} tried: {string.Join(", ", Tried)}";
        }
    }
}

/// <summary>What the access log counts per address.</summary>
public enum RefusalKind
{
    /// <summary>A bearer token that is unknown, expired or revoked.</summary>
    Token,

    /// <summary>A sign-in with a wrong name or password, a locked account, empty fields, or a throttled address.</summary>
    SignIn,
}
