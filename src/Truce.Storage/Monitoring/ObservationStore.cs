using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Truce.Core.Common;
using Truce.Core.Monitoring;

namespace Truce.Storage.Monitoring;

/// <summary>The latest version held of a report: what a new row is compared with.</summary>
internal sealed record Latest(long Id, int Version, string ContentHash, bool IsCurrent);

/// <summary>
/// The bulk path of intake, one per store, inside the intake's transaction: the latest version of the reports a
/// chunk names, new ids, and the chunk's rows written. EF Core's change tracker adds ~30 µs a row and a round
/// trip per insert; a million observations need neither (decision 28). The columns are the ones EF maps
/// (<see cref="ObservationConfiguration"/>), written here in the same representation EF reads back.
/// </summary>
internal abstract class ObservationStore(DbConnection connection, DbTransaction transaction)
{
    protected DbConnection Connection { get; } = connection;

    protected DbTransaction Transaction { get; } = transaction;

    public static ObservationStore For(TruceDb db)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The bulk path writes inside the intake's transaction.");
        return db.Database.IsNpgsql() ? new PostgresObservations((NpgsqlConnection)connection, (NpgsqlTransaction)transaction) : new SqliteObservations((SqliteConnection)connection, (SqliteTransaction)transaction);
    }

    /// <summary>The latest version of each report named, current or withdrawn, by (source, external id).</summary>
    public abstract Task<Dictionary<(string Source, string ExternalId), Latest>> LatestAsync(IReadOnlyCollection<(string Source, string ExternalId)> keys, CancellationToken ct);

    /// <summary>New ids for <paramref name="count"/> observations, so findings can name theirs before either is written.</summary>
    public abstract Task<long[]> IdsAsync(int count, CancellationToken ct);

    /// <summary>Marks stored versions as no longer current, then writes the new rows and their findings.</summary>
    public abstract Task WriteAsync(IReadOnlyList<Observation> added, IReadOnlyList<long> retired, CancellationToken ct);

    // One list of the stored columns, shared by both stores, with the value each takes from an observation.
    protected static readonly (string Name, NpgsqlDbType Type, Func<Observation, object?> Value)[] Columns =
    [
        ("Id", NpgsqlDbType.Bigint, o => o.Id),
        ("Source", NpgsqlDbType.Varchar, o => o.Source),
        ("ExternalId", NpgsqlDbType.Varchar, o => o.ExternalId),
        ("Version", NpgsqlDbType.Integer, o => o.Version),
        ("ObservedFrom", NpgsqlDbType.Bigint, o => o.ObservedFrom.UtcTicks),
        ("ObservedTo", NpgsqlDbType.Bigint, o => o.ObservedTo.UtcTicks),
        ("Type", NpgsqlDbType.Varchar, o => o.Type.ToString()),
        ("Count", NpgsqlDbType.Integer, o => o.Count),
        ("Lat", NpgsqlDbType.Double, o => o.Lat),
        ("Lon", NpgsqlDbType.Double, o => o.Lon),
        ("RadiusMetres", NpgsqlDbType.Double, o => o.RadiusMetres),
        ("SectorFromBearing", NpgsqlDbType.Double, o => o.Sector?.FromBearing),
        ("SectorToBearing", NpgsqlDbType.Double, o => o.Sector?.ToBearing),
        ("SectorMinMetres", NpgsqlDbType.Double, o => o.Sector?.MinMetres),
        ("SectorMaxMetres", NpgsqlDbType.Double, o => o.Sector?.MaxMetres),
        ("Weapon", NpgsqlDbType.Varchar, o => o.Weapon),
        ("CalibreMm", NpgsqlDbType.Integer, o => o.CalibreMm),
        ("Target", NpgsqlDbType.Varchar, o => o.Target),
        ("Direction", NpgsqlDbType.Varchar, o => o.Direction.ToString()),
        ("ClaimedBy", NpgsqlDbType.Varchar, o => o.ClaimedBy),
        ("CasualtiesBest", NpgsqlDbType.Integer, o => o.Casualties?.Best),
        ("CasualtiesLow", NpgsqlDbType.Integer, o => o.Casualties?.Low),
        ("CasualtiesHigh", NpgsqlDbType.Integer, o => o.Casualties?.High),
        ("Attachments", NpgsqlDbType.Varchar, o => string.Join('|', o.Attachments)),
        ("Grading", NpgsqlDbType.Varchar, o => o.Grading.ToString()),
        ("Description", NpgsqlDbType.Text, o => o.Description),
        ("Origin", NpgsqlDbType.Varchar, o => o.Origin),
        ("IsCurrent", NpgsqlDbType.Boolean, o => o.IsCurrent),
        ("ContentHash", NpgsqlDbType.Varchar, o => o.ContentHash),
        ("ReceivedAtUtc", NpgsqlDbType.TimestampTz, o => DateTime.SpecifyKind(o.ReceivedAtUtc, DateTimeKind.Utc)),
        ("ReceivedBy", NpgsqlDbType.Varchar, o => o.ReceivedBy),
        ("Oblast", NpgsqlDbType.Varchar, o => o.Oblast),
        ("Raion", NpgsqlDbType.Varchar, o => o.Raion),
        ("SectorCode", NpgsqlDbType.Varchar, o => o.SectorCode),
        ("Side", NpgsqlDbType.Varchar, o => o.Side),
        ("LineDistanceKm", NpgsqlDbType.Double, o => o.LineDistanceKm),
        ("Worst", NpgsqlDbType.Varchar, o => o.Worst.ToString()),
        ("MarkingLevel", NpgsqlDbType.Varchar, o => o.Marking.Level.ToString()),
        ("MarkingOwner", NpgsqlDbType.Varchar, o => o.Marking.Owner),
        ("MarkingRelTo", NpgsqlDbType.Varchar, o => o.Marking.RelToList),
    ];

    protected static readonly (string Name, NpgsqlDbType Type, Func<(long ObservationId, ObservationFinding Finding), object?> Value)[] FindingColumns =
    [
        ("ObservationId", NpgsqlDbType.Bigint, f => f.ObservationId),
        ("Agreement", NpgsqlDbType.Varchar, f => f.Finding.Agreement),
        ("Provision", NpgsqlDbType.Integer, f => f.Finding.Provision),
        ("Verdict", NpgsqlDbType.Varchar, f => f.Finding.Verdict.ToString()),
        ("Reason", NpgsqlDbType.Varchar, f => f.Finding.Reason),
    ];
}

/// <summary>SQLite: prepared statements in the one write transaction the file already holds.</summary>
internal sealed class SqliteObservations : ObservationStore
{
    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _finding;
    private readonly SqliteCommand _retire;
    private long _nextId = -1;

    public SqliteObservations(SqliteConnection connection, SqliteTransaction transaction)
        : base(connection, transaction)
    {
        _latest = Command("SELECT Id, Version, ContentHash, IsCurrent FROM Observations WHERE Source = $p0 AND ExternalId = $p1 ORDER BY Version DESC LIMIT 1", 2);
        _insert = Command($"INSERT INTO Observations ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})", Columns.Length);
        _finding = Command($"INSERT INTO ObservationFindings ({string.Join(", ", FindingColumns.Select(c => c.Name))}) VALUES ({string.Join(", ", FindingColumns.Select((_, i) => $"$p{i}"))})", FindingColumns.Length);
        _retire = Command("UPDATE Observations SET IsCurrent = 0 WHERE Id = $p0", 1);

        // A large import touches more index pages than SQLite's default 2 MB cache holds; spilling them to the
        // log mid-transaction and reading them back costs more than the inserts. 64 MB for this connection.
        using var cache = connection.CreateCommand();
        cache.Transaction = transaction;
        cache.CommandText = "PRAGMA cache_size = -65536";
        cache.ExecuteNonQuery();

        SqliteCommand Command(string sql, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            command.Prepare();
            return command;
        }
    }

    public override Task<Dictionary<(string Source, string ExternalId), Latest>> LatestAsync(IReadOnlyCollection<(string Source, string ExternalId)> keys, CancellationToken ct)
    {
        // One indexed seek a report: in-process, so cheaper than building a query over a list.
        var found = new Dictionary<(string, string), Latest>();
        foreach (var key in keys)
        {
            _latest.Parameters[0].Value = key.Source;
            _latest.Parameters[1].Value = key.ExternalId;
            using var reader = _latest.ExecuteReader();
            if (reader.Read())
            {
                found[key] = new Latest(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetBoolean(3));
            }
        }

        return Task.FromResult(found);
    }

    public override Task<long[]> IdsAsync(int count, CancellationToken ct)
    {
        // The transaction holds the file's write lock (BEGIN IMMEDIATE), so nobody else takes an id meanwhile.
        if (_nextId < 0)
        {
            using var max = Connection.CreateCommand();
            max.Transaction = Transaction;
            max.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Observations";
            _nextId = Convert.ToInt64(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = _nextId++;
        }

        return Task.FromResult(ids);
    }

    public override Task WriteAsync(IReadOnlyList<Observation> added, IReadOnlyList<long> retired, CancellationToken ct)
    {
        foreach (var id in retired)
        {
            _retire.Parameters[0].Value = id;
            _retire.ExecuteNonQuery();
        }

        foreach (var o in added)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                _insert.Parameters[i].Value = Columns[i].Value(o) ?? DBNull.Value;
            }

            _insert.ExecuteNonQuery();
            foreach (var finding in o.Findings)
            {
                for (var i = 0; i < FindingColumns.Length; i++)
                {
                    _finding.Parameters[i].Value = FindingColumns[i].Value((o.Id, finding)) ?? DBNull.Value;
                }

                _finding.ExecuteNonQuery();
            }
        }

        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL: one query a chunk to find what is held, and binary COPY for the rows.</summary>
internal sealed class PostgresObservations(NpgsqlConnection connection, NpgsqlTransaction transaction) : ObservationStore(connection, transaction)
{
    public override async Task<Dictionary<(string Source, string ExternalId), Latest>> LatestAsync(IReadOnlyCollection<(string Source, string ExternalId)> keys, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), Latest>();
        if (keys.Count == 0)
        {
            return found;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (o."Source", o."ExternalId") o."Source", o."ExternalId", o."Id", o."Version", o."ContentHash", o."IsCurrent"
            FROM "Observations" o JOIN unnest(@sources, @ids) AS k(s, e) ON o."Source" = k.s AND o."ExternalId" = k.e
            ORDER BY o."Source", o."ExternalId", o."Version" DESC
            """, (NpgsqlConnection)Connection, (NpgsqlTransaction)Transaction);
        command.Parameters.Add(new NpgsqlParameter("sources", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Source).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.ExternalId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[(reader.GetString(0), reader.GetString(1))] = new Latest(reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4), reader.GetBoolean(5));
        }

        return found;
    }

    public override async Task<long[]> IdsAsync(int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """SELECT nextval(pg_get_serial_sequence('"Observations"', 'Id')) FROM generate_series(1, @n)""",
            (NpgsqlConnection)Connection, (NpgsqlTransaction)Transaction);
        command.Parameters.AddWithValue("n", count);
        var ids = new long[count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
        {
            ids[i] = reader.GetInt64(0);
        }

        return ids;
    }

    public override async Task WriteAsync(IReadOnlyList<Observation> added, IReadOnlyList<long> retired, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Connection;
        if (retired.Count > 0)
        {
            await using var retire = new NpgsqlCommand("""UPDATE "Observations" SET "IsCurrent" = false WHERE "Id" = ANY(@ids)""", connection, (NpgsqlTransaction)Transaction);
            retire.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = retired.ToArray() });
            await retire.ExecuteNonQueryAsync(ct);
        }

        if (added.Count == 0)
        {
            return;
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"""COPY "Observations" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var o in added)
            {
                await copy.StartRowAsync(ct);
                foreach (var (_, type, value) in Columns)
                {
                    await WriteAsync(copy, value(o), type, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"""COPY "ObservationFindings" ({string.Join(", ", FindingColumns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var o in added)
            {
                foreach (var finding in o.Findings)
                {
                    await copy.StartRowAsync(ct);
                    foreach (var (_, type, value) in FindingColumns)
                    {
                        await WriteAsync(copy, value((o.Id, finding)), type, ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
