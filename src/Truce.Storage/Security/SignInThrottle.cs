using Microsoft.EntityFrameworkCore;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// Slows password spraying from one address across many accounts: after <see cref="AddressThrottle.MaxFailures"/>
/// failed sign-ins within <see cref="AddressThrottle.Window"/>, that address is refused until the window
/// passes. Per-account lockout (<see cref="UserAccounts"/>) covers guessing one account's password from many
/// addresses. The counts are rows of the database, so every node behind a load balancer counts together
/// and a restart forgets nothing.
/// </summary>
public sealed class SignInThrottle(TruceDb db, TimeProvider clock)
{
    /// <summary>When the address may try again, or null if it may now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(string address, CancellationToken ct = default)
    {
        var row = await db.SignInThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Address == address, ct);
        if (row is null || row.Failures < AddressThrottle.MaxFailures)
        {
            return null;
        }

        var until = new DateTimeOffset(row.WindowStartedTicks, TimeSpan.Zero) + AddressThrottle.Window;
        return clock.GetUtcNow() < until ? until : null;
    }

    /// <summary>
    /// Counts an attempt before the password is checked, so parallel guesses cannot slip past the check: one
    /// statement that both stores run atomically (an upsert), whichever node the guesses reach. Windows long
    /// past are removed on the way.
    /// </summary>
    public async Task AttemptAsync(string address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var window = AddressThrottle.Window.Ticks;
        var stale = now - (2 * window);
        await db.SignInThrottles.Where(t => t.WindowStartedTicks < stale).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SignInThrottles" ("Address", "Failures", "WindowStartedTicks") VALUES ({address}, 1, {now})
            ON CONFLICT ("Address") DO UPDATE SET
                "Failures" = CASE WHEN {now} - "SignInThrottles"."WindowStartedTicks" >= {window} THEN 1 ELSE "SignInThrottles"."Failures" + 1 END,
                "WindowStartedTicks" = CASE WHEN {now} - "SignInThrottles"."WindowStartedTicks" >= {window} THEN {now} ELSE "SignInThrottles"."WindowStartedTicks" END
            """, ct);
    }

    /// <summary>A successful sign-in takes its attempt back.</summary>
    public Task SucceededAsync(string address, CancellationToken ct = default) =>
        db.SignInThrottles.Where(t => t.Address == address && t.Failures > 0)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Failures, x => x.Failures - 1), ct);
}
