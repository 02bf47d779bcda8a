using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Security;

namespace Truce.Storage;

/// <summary>One table of a copy: rows in the source, rows in the copy.</summary>
public sealed record TableCopy(string Table, long Source, long Copied);

/// <summary>What <c>truce db copy</c> did: each table's counts, where the audit key went, and the copy's verification.</summary>
public sealed record StoreCopySummary(IReadOnlyList<TableCopy> Tables, string AuditKeyPath, AuditVerification Verification)
{
    public bool CountsMatch => Tables.All(t => t.Source == t.Copied);
}

/// <summary>
/// Moves a whole database to another store — the embedded SQLite file to PostgreSQL, as a mission moves up —
/// table by table in the order their keys need, with every key, version, revision, audit entry (its number
/// and hash unchanged), account and token as they are. The target must be empty; it is migrated first. The
/// audit key goes with the trail (its entries are hashed with it): to the target's key path, which every
/// node of the target then uses. Afterwards the counts are compared table by table and the copy's trail is
/// verified with that key.
/// </summary>
public static class StoreCopy
{
    private const int Batch = 1000;
    private static readonly Principal Copier = Principal.System("db copy");
    private static readonly MethodInfo CopyTableMethod = typeof(StoreCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <param name="progress">Told, after each batch, the table, the rows copied so far and the table's rows.</param>
    public static async Task<Outcome<StoreCopySummary>> CopyAsync(StorageOptions from, StorageOptions to, IProgress<(string Table, long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        if (!File.Exists(Path.GetFullPath(from.SqlitePath)) && !from.IsPostgreSql)
        {
            return Outcome.Invalid("from", $"There is no database file at {Path.GetFullPath(from.SqlitePath)}.");
        }

        var fromKey = new AuditKey(from);
        var toKey = new AuditKey(to);
        await using var source = Open(from);
        await using var target = Open(to);
        using var reading = source.ReadAs(Copier);
        using var writing = target.ReadAs(Copier);
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            return Outcome.Invalid("from", $"The source ({from.Describe()}) is not at this version's schema; run 'truce migrate --db' on it first.");
        }

        // Instants finer than a microsecond (written before Truce's clock kept microseconds) would be rounded
        // by PostgreSQL, and the audit entries holding them would no longer match their hashes.
        var fine = (await source.AuditEntries.AsNoTracking().Select(e => e.AtUtc).ToListAsync(ct)).Count(t => t.Ticks % TimeSpan.TicksPerMicrosecond != 0);
        if (fine > 0 && to.IsPostgreSql)
        {
            return Outcome.Invalid("from", $"{fine} audit entries carry instants finer than a microsecond, which PostgreSQL cannot keep: their hashes would no longer verify. They were written by a Truce older than this one; the trail cannot move as it is.");
        }

        await target.Database.MigrateAsync(ct);
        var tables = Ordered(target.Model);
        foreach (var type in tables)
        {
            if (await Count(target, type, ct) is > 0 and var rows)
            {
                return Outcome.Conflict($"The target ({to.Describe()}) is not empty: {type.GetTableName()} holds {rows} rows. Copy into an empty database; nothing was copied.");
            }
        }

        var keyProblem = CarryKey(fromKey, toKey);
        if (keyProblem is not null)
        {
            return Outcome.Conflict(keyProblem);
        }

        var copied = new List<TableCopy>();
        await using (var transaction = await target.Database.BeginTransactionAsync(ct))
        {
            foreach (var type in tables)
            {
                var total = await Count(source, type, ct);
                await (Task)CopyTableMethod.MakeGenericMethod(type.ClrType).Invoke(null, [source, target, type, total, progress, ct])!;
                copied.Add(new TableCopy(type.GetTableName()!, total, 0));
            }

            await RestartIdentitiesAsync(target, tables, ct);
            await transaction.CommitAsync(ct);
        }

        target.ChangeTracker.Clear();
        for (var i = 0; i < copied.Count; i++)
        {
            copied[i] = copied[i] with { Copied = await Count(target, tables[i], ct) };
        }

        // The owned lists (conditions, sources, roles) travelled with their owners; their tables are counted too.
        foreach (var table in OwnedTables(target.Model))
        {
            copied.Add(new TableCopy(table, await RowsAsync(source, table, ct), await RowsAsync(target, table, ct)));
        }

        if (await target.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct) is { } head)
        {
            toKey.Anchor(head.Seq, head.Hash);
        }

        var verification = await new AuditTrail(target, TimeProvider.System, toKey).VerifyAsync(Copier, ct: ct);
        return Outcome.Done(new StoreCopySummary(copied, toKey.KeyPath, verification.Value));
    }

    /// <summary>A context on the store with none of the interceptors: entries keep their numbers and hashes.</summary>
    private static TruceDb Open(StorageOptions options) =>
        new((DbContextOptions<TruceDb>)StorageSetup.Use(new DbContextOptionsBuilder<TruceDb>(), options.Checked()).Options);

    /// <summary>The tables (owned collections travel with their owners), each after the tables its keys point to.</summary>
    private static List<IEntityType> Ordered(IModel model)
    {
        var roots = model.GetEntityTypes().Where(e => !e.IsOwned()).OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        void Visit(IEntityType type, HashSet<IEntityType> path)
        {
            if (ordered.Contains(type) || !path.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(f => f.PrincipalEntityType).Where(p => p != type && !p.IsOwned()))
            {
                Visit(principal, path);
            }

            ordered.Add(type);
        }

        foreach (var type in roots)
        {
            Visit(type, []);
        }

        return ordered;
    }

    private static IEnumerable<string> OwnedTables(IModel model) =>
        model.GetEntityTypes().Where(e => e.IsOwned() && e.GetTableName() is { } t && t != e.FindOwnership()!.PrincipalEntityType.GetTableName())
            .Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal);

#pragma warning disable EF1002 // Table names from the model, not from input.
    private static Task<long> RowsAsync(TruceDb db, string table, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(ct);
#pragma warning restore EF1002

    private static Task<long> Count(TruceDb db, IEntityType type, CancellationToken ct) =>
        ((Task<long>)typeof(StoreCopy).GetMethod(nameof(CountOf), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type.ClrType).Invoke(null, [db, ct])!);

    private static Task<long> CountOf<T>(TruceDb db, CancellationToken ct)
        where T : class => db.Set<T>().LongCountAsync(ct);

    private static async Task CopyTableAsync<T>(TruceDb source, TruceDb target, IEntityType type, long total, IProgress<(string, long, long)>? progress, CancellationToken ct)
        where T : class
    {
        var key = type.FindPrimaryKey()!.Properties;
        IQueryable<T> rows = source.Set<T>().AsNoTracking();
        IOrderedQueryable<T> ordered = rows.OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var part in key.Skip(1))
        {
            ordered = ordered.ThenBy(e => EF.Property<object>(e, part.Name));
        }

        long done = 0;
        progress?.Report((type.GetTableName()!, 0, total));
        while (done < total)
        {
            var batch = await ordered.Skip((int)done).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            target.Set<T>().AddRange(batch);
            foreach (var entry in target.ChangeTracker.Entries())
            {
                // SQLite hands instants back without a kind; they were written as UTC. (Set on the object itself:
                // EF Core sees an instant of another kind as the same value and would keep the old one.)
                foreach (var property in entry.Properties.Where(p => p.Metadata.PropertyInfo is not null && (p.Metadata.ClrType == typeof(DateTime) || p.Metadata.ClrType == typeof(DateTime?))))
                {
                    if (property.CurrentValue is DateTime { Kind: not DateTimeKind.Utc } instant)
                    {
                        property.Metadata.PropertyInfo!.SetValue(entry.Entity, DateTime.SpecifyKind(instant, DateTimeKind.Utc));
                    }
                }
            }

            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
            done += batch.Count;
            progress?.Report((type.GetTableName()!, done, total));
        }
    }

    /// <summary>Rows came with their ids: each identity column of the target continues after the highest.</summary>
    private static async Task RestartIdentitiesAsync(TruceDb target, List<IEntityType> tables, CancellationToken ct)
    {
        if (!target.Database.IsNpgsql())
        {
            return;
        }

        foreach (var type in tables)
        {
            var key = type.FindPrimaryKey()!.Properties;
            if (key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd && (key[0].ClrType == typeof(int) || key[0].ClrType == typeof(long)))
            {
                var table = type.GetTableName()!;
                var column = key[0].GetColumnName();
#pragma warning disable EF1002 // Names from the model, not from input.
                await target.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false) WHERE pg_get_serial_sequence('\"{table}\"', '{column}') IS NOT NULL",
                    ct);
#pragma warning restore EF1002
            }
        }
    }

    /// <summary>Puts the source's audit key where the target's nodes read theirs; refuses to replace another key.</summary>
    private static string? CarryKey(AuditKey from, AuditKey to)
    {
        if (!File.Exists(from.KeyPath))
        {
            return null; // a trail never keyed: the target's first write makes a key
        }

        if (Path.GetFullPath(from.KeyPath) == Path.GetFullPath(to.KeyPath))
        {
            return null;
        }

        if (File.Exists(to.KeyPath))
        {
            return File.ReadAllText(to.KeyPath) == File.ReadAllText(from.KeyPath)
                ? null
                : $"There is already another audit key at {to.KeyPath}; give the target its own key path (--audit-key) or move that file away. Nothing was copied.";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to.KeyPath))!);
        File.Copy(from.KeyPath, to.KeyPath);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return null;
    }
}
