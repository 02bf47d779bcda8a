using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// Refuses any save that would change or delete an append-only record (<see cref="IAppendOnly"/>: audit
/// entries, pledge revisions): history is written once, in code as well as in intent.
/// </summary>
public sealed class AppendOnlyGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        var tampered = context?.ChangeTracker.Entries()
            .Where(e => e.Entity is IAppendOnly && e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.GetType().Name)
            .FirstOrDefault();
        if (tampered is not null)
        {
            throw new InvalidOperationException($"{tampered} rows are append-only: they are never changed or deleted.");
        }
    }
}
