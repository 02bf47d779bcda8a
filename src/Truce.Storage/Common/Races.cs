using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Truce.Storage.Common;

/// <summary>What a failed save says about the writers around it.</summary>
internal static class Races
{
    // SQLite's extended result codes for a unique index or a primary key refusing a row.
    private const int UniqueViolation = 2067, PrimaryKeyViolation = 1555;

    // PostgreSQL's SQLSTATE for the same (a primary key is a unique index there).
    private const string PostgresUniqueViolation = "23505";

    /// <summary>
    /// True when the save failed because another writer got there first: a concurrency token that no longer
    /// matched, or a unique key taken between the check and the save. Anything else (a full disk, a broken
    /// file) is not a conflict to tell the user about and is left to fail.
    /// </summary>
    public static bool LostRace(this DbUpdateException e) =>
        e is DbUpdateConcurrencyException
        || e.InnerException is SqliteException { SqliteExtendedErrorCode: UniqueViolation or PrimaryKeyViolation }
        || e.InnerException is PostgresException { SqlState: PostgresUniqueViolation };
}
