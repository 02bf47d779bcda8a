using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Commitments;
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
public sealed class AuditTrail(TruceDb db, TimeProvider clock, AuditKey auditKey)
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
    /// contents no longer match its hash (changed, inserted without the chain, or hashed without the audit
    /// key), one that does not follow its predecessor, or a gap where an entry was removed. Then checks the
    /// chain against its anchor (<paramref name="head"/>, or the last head in the anchor file), so that
    /// removing the last entries is seen, and the guarded records against the state their audited history
    /// vouches for: each pledge against its last revision and each revision against its audit entry, each
    /// account and token against its last audited change.
    /// </summary>
    public async Task<Outcome<AuditVerification>> VerifyAsync(Principal who, (long Seq, string Hash)? head = null, CancellationToken ct = default)
    {
        if (Refusal(who) is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(who);
        var key = auditKey.Existing();
        var anchor = head ?? auditKey.LastAnchor();
        var afterHashes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
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

            if (entry.ComputeHash(key is { } k && entry.Seq > k.KeyedAfter ? k.Key : null) != entry.Hash)
            {
                return Outcome.Done(new AuditVerification(expected - 1, entry.Seq, $"entry {entry.Seq} ({entry.Action} {entry.Target} by {entry.Actor}) does not match its hash: it was changed or inserted by hand, or the audit key ({auditKey.KeyPath}) is missing or not this trail's"));
            }

            if (anchor is { } a && a.Seq == entry.Seq && a.Hash != entry.Hash)
            {
                return Outcome.Done(new AuditVerification(expected - 1, entry.Seq, $"entry {entry.Seq} is not the entry the anchor recorded (hash {a.Hash[..12]}…): the trail was rewritten from there"));
            }

            if (entry.AfterHash is { } after)
            {
                if (!afterHashes.TryGetValue(entry.Target, out var hashes))
                {
                    afterHashes[entry.Target] = hashes = [];
                }

                hashes.Add(after);
            }

            previous = entry.Hash;
            expected++;
        }

        var entries = expected - 1;
        if (anchor is { } last && last.Seq > entries)
        {
            return Outcome.Done(new AuditVerification(entries, entries + 1, $"the trail ends at entry {entries} but its anchor recorded entry {last.Seq}: the last {last.Seq - entries} entries were removed"));
        }

        var mismatches = await GuardedRecordsAsync(afterHashes, ct);
        return Outcome.Done(mismatches.Count == 0
            ? new AuditVerification(entries, null, null, anchor?.Seq)
            : new AuditVerification(entries, null, $"{mismatches.Count} record(s) differ from their audited history: {string.Join("; ", mismatches.Take(10))}", anchor?.Seq));
    }

    /// <summary>
    /// Why this node must not append to the trail, or null: the chain's last entries are hashed with a key this
    /// node does not have (no key file, or another one). Appending anyway would chain new entries with a
    /// second key and leave a trail no one can verify; with several nodes, every node needs the same key. One
    /// matching entry among the last few is enough, so that a forged head (which verification names) does not
    /// stop the node that must report it.
    /// </summary>
    public async Task<string?> KeyProblemAsync(CancellationToken ct = default)
    {
        var recent = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).Take(20).ToListAsync(ct);
        var key = auditKey.Existing();
        if (key is null)
        {
            return recent.Count == 0 || recent.Exists(e => e.ComputeHash(null) == e.Hash)
                ? null
                : $"The audit trail's entries are hashed with a key, but there is no key at {auditKey.KeyPath}. Give this node the key file the trail was written with (Audit:KeyFile, or --audit-key).";
        }

        var keyed = recent.Where(e => e.Seq > key.Value.KeyedAfter).ToList();
        return keyed.Count == 0 || keyed.Exists(e => e.ComputeHash(key.Value.Key) == e.Hash)
            ? null
            : $"The audit key at {auditKey.KeyPath} is not the key the trail was written with (none of its last {keyed.Count} entries matches). Give this node the trail's key file (Audit:KeyFile, or --audit-key).";
    }

    /// <summary>The guarded records that differ from what their audited history vouches for, each named.</summary>
    private async Task<List<string>> GuardedRecordsAsync(Dictionary<string, List<string>> afterHashes, CancellationToken ct)
    {
        var found = new List<string>();
        string? Last(string target) => afterHashes.TryGetValue(target, out var hashes) ? hashes[^1] : null;

        // Each revision is the one its audit entry hashed; each pledge reads as its last revision.
        var revisions = await db.PledgeRevisions.AsNoTracking().Select(r => new { r.PledgeId, r.Version, r.SnapshotJson }).ToListAsync(ct);
        foreach (var r in revisions.Where(r => !(afterHashes.TryGetValue($"pledge/{r.PledgeId}", out var h) && h.Contains(AuditEntry.HashOf(r.SnapshotJson)))))
        {
            found.Add($"pledge {r.PledgeId} version {r.Version}: its revision is not the one the audit trail recorded");
        }

        var current = revisions.GroupBy(r => r.PledgeId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);
        foreach (var pledge in await db.Pledges.AsNoTracking().ToListAsync(ct))
        {
            if (!current.TryGetValue(pledge.Id, out var revision) || revision.Version != pledge.Version)
            {
                found.Add($"pledge {pledge.Id}: version {pledge.Version} has no revision");
                continue;
            }

            var recorded = JsonSerializer.Deserialize<PledgeView>(revision.SnapshotJson, TruceJson.Options)!;
            var now = PledgeView.From(pledge, recorded.MemberName);
            if (JsonSerializer.Serialize(now, TruceJson.Options) != JsonSerializer.Serialize(recorded, TruceJson.Options))
            {
                found.Add($"pledge {pledge.Id}: its row differs from its last revision (version {pledge.Version})");
            }
        }

        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        found.AddRange(users.Where(u => Last($"user/{u.UserName}") != AuditEntry.HashOf(AccountState.Of(u))).Select(u => $"account '{u.UserName}': differs from its last audited change"));
        var names = users.ToDictionary(u => u.Id, u => u.UserName);
        foreach (var t in await db.ApiTokens.AsNoTracking().ToListAsync(ct))
        {
            if (Last($"token/{t.Id}") != AuditEntry.HashOf(AccountState.Of(t, names.GetValueOrDefault(t.UserId) ?? "?")))
            {
                found.Add($"token {t.Id}: differs from its last audited change");
            }
        }

        return found;
    }
}
