using System.Collections.Concurrent;

namespace Truce.Web.Security;

/// <summary>
/// Slows password spraying from one address across many accounts: after <see cref="MaxFailures"/> failed
/// sign-ins within <see cref="Window"/>, that address is refused until the window passes. Per-account
/// lockout (in <c>UserAccounts</c>) covers guessing one account's password from many addresses.
/// </summary>
/// <remarks>REVIEW: kept in memory, so it resets on restart and is per server node; enough for one node.</remarks>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);

    /// <summary>When the address may try again, or null if it may now.</summary>
    public DateTimeOffset? BlockedUntil(string address) =>
        _failures.TryGetValue(address, out var f) && f.Failures >= MaxFailures && clock.GetUtcNow() - f.Since < Window ? f.Since + Window : null;

    /// <summary>Counts an attempt before the password is checked, so parallel guesses cannot slip past the check.</summary>
    public void Attempt(string address)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(address, (1, now), (_, f) => now - f.Since >= Window ? (1, now) : (f.Failures + 1, f.Since));
    }

    /// <summary>A successful sign-in takes its attempt back.</summary>
    public void Succeeded(string address) =>
        _failures.AddOrUpdate(address, (0, clock.GetUtcNow()), (_, f) => (Math.Max(0, f.Failures - 1), f.Since));
}
