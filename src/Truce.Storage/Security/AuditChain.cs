using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// Numbers and chains new audit entries from the head of the trail as they are saved. The head is read
/// inside the write transaction (on SQLite, BEGIN IMMEDIATE takes the write lock first), so two writers
/// cannot both append entry N; the unique index on <see cref="AuditEntry.Seq"/> catches any that would.
/// When the caller opened no transaction, one is opened here and committed with the save.
/// </summary>
public sealed class AuditChain : SaveChangesInterceptor
{
    // The transactions this interceptor opened, per context, to commit or roll back when the save ends.
    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> Opened = [];

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
            Opened.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken));
        }

        var head = await context.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var seq = head?.Seq ?? 0;
        var previous = head?.Hash ?? AuditEntry.Genesis;
        foreach (var entry in pending)
        {
            entry.Seq = ++seq;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Opened.TryGetValue(context, out var transaction))
        {
            Opened.Remove(context);
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await EndAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await EndAsync(eventData.Context);

    // A failed or cancelled save leaves nothing behind: the transaction opened for it is rolled back.
    private static async Task EndAsync(DbContext? context)
    {
        if (context is not null && Opened.TryGetValue(context, out var transaction))
        {
            Opened.Remove(context);
            await transaction.DisposeAsync();
        }
    }

    private static List<AuditEntry> Pending(DbContext? context) =>
        context?.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.PendingOrder).ToList() ?? [];
}
