using System.Collections.Concurrent;

namespace Truce.Storage.Security;

/// <summary>
/// The holders of recently used tokens, kept for <see cref="Lifetime"/> so that a feed reading many times a
/// second costs one lookup of its token, not one per request. Revoking a token forgets it at once on this
/// server; expiry is checked against the token's own expiry time at every use.
/// </summary>
/// <remarks>
/// REVIEW: on several servers, a token revoked on one stays usable on the others for at most
/// <see cref="Lifetime"/>, and a change to its user's role reaches its requests as late (a cookie's session
/// re-reads its user at every request). Accepted for a few seconds; the PostgreSQL issue may use
/// LISTEN/NOTIFY to forget at once everywhere.
/// </remarks>
public sealed class TokenHolders(TimeProvider clock, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    /// <summary>The holder of the token with <paramref name="hash"/>, if it was looked up within the lifetime and is still usable.</summary>
    public bool TryGet(string hash, out TokenHolder holder, out DateTime? lastRecordedUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_byHash.TryGetValue(hash, out var entry) && now - entry.CachedAtUtc < lifetime && (entry.ExpiresAtUtc is null || entry.ExpiresAtUtc > now))
        {
            (holder, lastRecordedUtc) = (entry.Holder, entry.LastRecordedUtc);
            return true;
        }

        (holder, lastRecordedUtc) = (null!, null);
        return false;
    }

    public void Keep(string hash, TokenHolder holder, DateTime? expiresAtUtc, DateTime? lastRecordedUtc)
    {
        if (_byHash.Count > 100_000)
        {
            _byHash.Clear(); // a flood of distinct valid tokens is not a workload to optimise; memory is
        }

        _byHash[hash] = new Entry(holder, expiresAtUtc, lastRecordedUtc, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Forgets a token at once (it was revoked).</summary>
    public void Forget(int tokenId)
    {
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Holder.TokenId == tokenId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(TokenHolder Holder, DateTime? ExpiresAtUtc, DateTime? LastRecordedUtc, DateTime CachedAtUtc);
}
