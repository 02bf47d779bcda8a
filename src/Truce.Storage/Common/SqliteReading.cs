using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Truce.Storage.Common;

/// <summary>
/// Every SQLite connection reads its file through memory mapping (up to 1 GiB of it): a map query that
/// fetches 5,000 rows scattered over a million-row file then costs a third of what it does through SQLite's
/// default 2 MB page cache and a read call per page (docs/benchmarks.md, issue 11). The mapping shares the
/// operating system's page cache, so it costs address space, not memory, per connection.
/// </summary>
internal sealed class SqliteReading : DbConnectionInterceptor
{
    public static readonly SqliteReading Instance = new();

    private const string Pragmas = "PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
