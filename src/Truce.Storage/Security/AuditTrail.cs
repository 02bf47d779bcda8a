using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// The append-only, hash-chained audit trail of acts: writes, releases, exports, sign-ins, token changes.
/// Reads are not acts and write nothing here (token uses and refusals are summarised by
/// <see cref="AccessLog"/>). Callers add entries with <see cref="Append"/> next to the change they record;
/// <see cref="AuditChain"/> numbers and chains them in the same transaction, and
/// <see cref="AppendOnlyGuard"/> refuses to update or delete any. Only admins may read the trail.
/// </summary>
public sealed class AuditTrail(TruceDb db, TimeProvider clock)
{
    /// <summary>Adds an entry to be saved with the caller's next <c>SaveChangesAsync</c>.</summary>
    public AuditEntry Append(Principal who, string action, string target, string? before = null, string? after = null, string? detail = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = who.Name,
            Action = action,
            Target = target,
            BeforeHash = before is null ? null : AuditEntry.HashOf(before),
            AfterHash = after is null ? null : AuditEntry.HashOf(after),
            Detail = detail,
            PendingOrder = Interlocked.Increment(ref _order),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Appends and saves at once, for events that change nothing else (a sign-in, an export).</summary>
    public async Task RecordAsync(Principal who, string action, string target, string? detail = null, CancellationToken ct = default)
    {
        Append(who, action, target, detail: detail);
        await db.SaveChangesAsync(ct);
    }

    private static long _order;

    public async Task<Outcome<IReadOnlyList<AuditEntryView>>> ListAsync(Principal who, AuditQuery query, CancellationToken ct = default)
    {
        if (Refusal(who) is { } refused)
        {
            return refused;
        }

        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            return Outcome.Invalid("limit", $"Must be between 1 and {AuditQuery.MaxLimit}; got {query.Limit}.");
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action.StartsWith(query.Action));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor);
        }

        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            entries = entries.Where(e => e.Target == query.Target);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Seq < before);
        }

        var found = await entries.OrderByDescending(e => e.Seq).Take(query.Limit).ToListAsync(ct);
        return Outcome.Done<IReadOnlyList<AuditEntryView>>(found.Select(AuditEntryView.From).ToList());
    }

    /// <summary>Only admins read the trail: it names every record and every person.</summary>
    private static Outcome.Refusal? Refusal(Principal who) =>
        AllowedRoles.Administer.Check(who, "read the audit trail");

    /// <summary>
    /// Recomputes the chain from the first entry and names the first entry that does not hold: one whose
    /// contents no longer match its hash (changed, or inserted without the chain), one that does not follow
    /// its predecessor, or a gap where an entry was removed.
    /// </summary>
    public async Task<Outcome<AuditVerification>> VerifyAsync(Principal who, CancellationToken ct = default)
    {
        if (Refusal(who) is { } refused)
        {
            return refused;
        }

        long expected = 1;
        var previous = AuditEntry.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Seq != expected)
            {
                return Outcome.Done(entry.Seq > expected
                    ? new AuditVerification(expected - 1, expected, $"entry {expected} is missing: the trail jumps from entry {expected - 1} to entry {entry.Seq} (removed?)")
                    : new AuditVerification(expected - 1, entry.Seq, $"entry {entry.Seq} appears out of order after entry {expected - 1} (inserted?)"));
            }

            if (entry.PreviousHash != previous)
            {
                return Outcome.Done(new AuditVerification(expected - 1, entry.Seq, $"entry {entry.Seq} ({entry.Action} {entry.Target}) does not follow entry {entry.Seq - 1}: its previous hash does not match (an entry before it was changed, removed or inserted)"));
            }

            if (entry.ComputeHash() != entry.Hash)
            {
                return Outcome.Done(new AuditVerification(expected - 1, entry.Seq, $"entry {entry.Seq} ({entry.Action} {entry.Target} by {entry.Actor}) does not match its hash: it was changed or inserted by hand"));
            }

            previous = entry.Hash;
            expected++;
        }

        return Outcome.Done(new AuditVerification(expected - 1, null, null));
    }
}
