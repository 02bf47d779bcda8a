using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// Numbers and chains new audit entries from the head of the trail as they are saved. The head is read
/// inside the save's transaction after a lock that every writer takes — on SQLite the file's write lock
/// (BEGIN IMMEDIATE), on PostgreSQL a transaction-scoped advisory lock (decision 19) — so two writers, on one
/// node or several, cannot both append entry N; the unique index on <see cref="AuditEntry.Seq"/> catches any
/// that would. <see cref="TruceDb.SaveChangesAsync(bool, CancellationToken)"/> opens that transaction when the
/// caller has none.
/// </summary>
public sealed class AuditChain(AuditKey key, ILogger<AuditChain> log) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The advisory lock's key on PostgreSQL: any fixed number no other lock in the database uses.</summary>
    public const long ChainLock = 0x7472_7563_6561_7564; // "truceaud"

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        Pending(eventData.Context).Count > 0
            ? throw new InvalidOperationException("Audit entries are chained by asynchronous saves only (SaveChangesAsync).")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context!;
        var pending = Pending(context);
        if (pending.Count == 0)
        {
            return result;
        }

        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are chained inside a transaction, so that the head read is the head written after.");
        }

        if (context.Database.IsNpgsql())
        {
            // Held until the transaction ends, so the next writer reads the head this one writes. Taken only
            // by saves that append entries, just before their rows are written, so it is held for one save.
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        }

        var head = await context.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var seq = head?.Seq ?? 0;
        var previous = head?.Hash ?? AuditEntry.Genesis;
        var (secret, _) = key.GetOrCreate(seq);
        foreach (var entry in pending)
        {
            entry.Seq = ++seq;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash(secret);
            previous = entry.Hash;
        }

        return result;
    }

    /// <summary>
    /// Once a transaction that chained entries commits (every save of an entry runs in one), the new head goes
    /// to the anchor, outside the database. Not before: a head that was never committed would read as removed.
    /// </summary>
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var head = eventData.Context?.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Unchanged).Select(e => e.Entity).MaxBy(e => e.Seq);
        if (head is not null)
        {
            AnchorAt(head);
        }

        return Task.CompletedTask;
    }

    private void AnchorAt(AuditEntry head)
    {
        try
        {
            key.Anchor(head.Seq, head.Hash);
        }
        catch (IOException e)
        {
            log.LogWarning(e, "The audit head {Seq} could not be written to the anchor {Path}; verification will check an older head.", head.Seq, key.AnchorPath);
        }
    }

    /// <summary>The audit entries a save would add, in the order they were appended.</summary>
    internal static List<AuditEntry> Pending(DbContext? context) =>
        context?.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.PendingOrder).ToList() ?? [];
}
