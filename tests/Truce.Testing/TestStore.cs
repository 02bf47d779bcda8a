using Microsoft.Data.Sqlite;
using Npgsql;
using Truce.Storage;

namespace Truce.Testing;

/// <summary>
/// The store every storage, server and CLI test runs on: SQLite by default, PostgreSQL when
/// <c>TRUCE_TEST_STORE=postgresql</c> (scripts/test.sh runs the whole suite once on each). The PostgreSQL
/// server is named by <c>TRUCE_TEST_POSTGRES</c> (a connection string with a role that may create
/// databases and the postgis extension), else the throwaway cluster of <c>scripts/postgres.sh start</c>.
/// </summary>
public static class TestStore
{
    public static bool IsPostgreSql { get; } = string.Equals(Environment.GetEnvironmentVariable("TRUCE_TEST_STORE"), StorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase);

    public static string Name => IsPostgreSql ? StorageOptions.PostgreSql : StorageOptions.Sqlite;

    private static readonly Lazy<string> Server = new(() =>
        Environment.GetEnvironmentVariable("TRUCE_TEST_POSTGRES") is { Length: > 0 } server ? server
        : File.Exists("/tmp/truce-pg/connection") ? File.ReadAllText("/tmp/truce-pg/connection").Trim()
        : throw new InvalidOperationException("TRUCE_TEST_STORE is postgresql but no server is named: set TRUCE_TEST_POSTGRES or run scripts/postgres.sh start."));

    /// <summary>The test server's connection string with <paramref name="database"/> in it.</summary>
    public static string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(Server.Value)
    {
        Database = database,

        // Each test class has its own database, dropped at its end: idle connections are closed soon, and
        // no class holds many.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
    }.ConnectionString;

    /// <summary>Runs SQL on the test server's maintenance database (creating and dropping databases).</summary>
    public static async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.Value) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A new place for a database on the test store: a folder (for SQLite's file and the audit key) and, on PostgreSQL, a database name.</summary>
    public static TestLocation NewLocation(string purpose) => new(
        Path.Combine(Path.GetTempPath(), "truce-tests", purpose + "-" + Guid.NewGuid().ToString("N")),
        IsPostgreSql ? "truce_" + purpose.Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")[..12] : null);
}

/// <summary>
/// Where one test's database lives: a folder that holds the SQLite file (or, on PostgreSQL, only the audit
/// key and anchor) and, on PostgreSQL, the database's name. Made empty; <see cref="CreateAsync"/> or
/// <see cref="CopyFromAsync"/> bring it into being.
/// </summary>
public sealed record TestLocation(string Folder, string? PostgresDatabase)
{
    public string SqlitePath => Path.Combine(Folder, "truce.db");

    public string AuditKeyPath => Path.Combine(Folder, "audit.key");

    public string? ConnectionString => PostgresDatabase is { } name ? TestStore.ConnectionTo(name) : null;

    /// <summary>What <c>truce --db</c> takes: the file, or the connection string.</summary>
    public string DatabaseArgument => ConnectionString ?? SqlitePath;

    /// <summary>The command-line options that point <c>truce</c> at this database and its audit key.</summary>
    public string[] CliArguments => ["--db", DatabaseArgument, "--audit-key", AuditKeyPath];

    public StorageOptions Options => new()
    {
        Provider = PostgresDatabase is null ? StorageOptions.Sqlite : StorageOptions.PostgreSql,
        SqlitePath = SqlitePath,
        ConnectionString = ConnectionString,
    };

    /// <summary>The settings that point a host at this database.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = SqlitePath };
        if (ConnectionString is { } connection)
        {
            settings["Storage:Provider"] = StorageOptions.PostgreSql;
            settings["Storage:ConnectionString"] = connection;
        }

        return settings;
    }

    /// <summary>Creates the folder and, on PostgreSQL, an empty database.</summary>
    public async Task<TestLocation> CreateAsync()
    {
        Directory.CreateDirectory(Folder);
        if (PostgresDatabase is { } name)
        {
            await TestStore.AdministerAsync($"CREATE DATABASE \"{name}\"");
        }

        return this;
    }

    /// <summary>Makes this a copy of <paramref name="template"/>, with the audit key and anchor its chain is hashed with.</summary>
    public async Task<TestLocation> CopyFromAsync(TestLocation template)
    {
        Directory.CreateDirectory(Folder);
        foreach (var file in new[] { "truce.db", "audit.key", "audit-anchor.log" })
        {
            var source = Path.Combine(template.Folder, file);
            if (File.Exists(source) && (file != "truce.db" || PostgresDatabase is null))
            {
                File.Copy(source, Path.Combine(Folder, file), overwrite: true);
            }
        }

        if (PostgresDatabase is { } name)
        {
            // A template must have no session open while it is copied. (CREATE DATABASE runs alone: not in a batch.)
            await TestStore.AdministerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template.PostgresDatabase}' AND pid <> pg_backend_pid()");
            await TestStore.AdministerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template.PostgresDatabase}\" STRATEGY FILE_COPY");
        }

        return this;
    }

    /// <summary>
    /// Runs SQL as the owner of the database can, behind Truce's back: the append-only triggers out of the
    /// way (SQLite: dropped; PostgreSQL: not fired for this session, as a superuser may ask). Returns the rows changed.
    /// </summary>
    public async Task<int> SqlAsOwnerAsync(string sql)
    {
        System.Data.Common.DbConnection connection = ConnectionString is { } pg ? new NpgsqlConnection(pg) : new SqliteConnection($"Data Source={SqlitePath}");
        await using (connection)
        {
            await connection.OpenAsync();
            await using var bypass = connection.CreateCommand();
            bypass.CommandText = PostgresDatabase is null
                ? "DROP TRIGGER IF EXISTS AuditEntries_no_update; DROP TRIGGER IF EXISTS AuditEntries_no_delete; DROP TRIGGER IF EXISTS PledgeRevisions_no_update; DROP TRIGGER IF EXISTS PledgeRevisions_no_delete;"
                : "SET session_replication_role = replica";
            await bypass.ExecuteNonQueryAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>On PostgreSQL, what each session on this database is doing and waiting for (for a failing test's message).</summary>
    public async Task<string> ActivityAsync()
    {
        if (PostgresDatabase is null)
        {
            return "(SQLite)";
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(format('[%s %s %s/%s %ss: %s]', pid, state, wait_event_type, wait_event, round(extract(epoch FROM now() - xact_start)), left(query, 80)), ' ')
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """, connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "no other session";
    }

    /// <summary>Closes what is left open on this database and removes it, with its folder.</summary>
    public async Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        if (PostgresDatabase is { } name)
        {
            NpgsqlConnection.ClearAllPools();
            await TestStore.AdministerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown only leaves litter in the temp folder (or it is gone already).
        }
    }
}
