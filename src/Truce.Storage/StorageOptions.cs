using Microsoft.Data.Sqlite;
using Npgsql;

namespace Truce.Storage;

/// <summary>
/// Where Truce keeps its data: an embedded SQLite file (the default, nothing to install) or a PostgreSQL
/// database with PostGIS (production, several nodes; docs/scale-out.md).
/// </summary>
public sealed record StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
    public const string DefaultSqlitePath = ".truce/truce.db";

    public string Provider { get; init; } = Sqlite;

    /// <summary>The SQLite file; relative paths are taken from the working directory. On PostgreSQL, its folder is still where the audit key lives by default.</summary>
    public string SqlitePath { get; init; } = DefaultSqlitePath;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords: <c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The audit trail's key (<see cref="Security.AuditKey"/>); null: <c>audit.key</c> in the SQLite file's folder.</summary>
    public string? AuditKeyPath { get; init; }

    /// <summary>The log of the audit chain's head; null: <c>audit-anchor.log</c> beside the key.</summary>
    public string? AuditAnchorPath { get; init; }

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The options a <c>--db</c> value names: a PostgreSQL URI (<c>postgresql://user:password@host:5432/truce</c>)
    /// or connection string (<c>Host=…</c>), else a SQLite file.
    /// </summary>
    public static (string Provider, string Value) ParseDatabase(string value)
    {
        if (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return (PostgreSql, FromUri(value));
        }

        return value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? (PostgreSql, value)
            : (Sqlite, value);
    }

    /// <summary>What is wrong with these options, in words that never include the password; null when nothing is.</summary>
    public string? Problem()
    {
        if (!IsPostgreSql)
        {
            return string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"Storage:Provider '{Provider}' is not supported; expected 'sqlite' or 'postgresql'.";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return "Storage:Provider is 'postgresql' but Storage:ConnectionString is empty; expected e.g. 'Host=db;Database=truce;Username=truce;Password=…' (or --db postgresql://…).";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return string.IsNullOrEmpty(builder.Host) ? "Storage:ConnectionString names no Host; expected 'Host=…'." : null;
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it did not understand, never a value.
            return $"Storage:ConnectionString is not a PostgreSQL connection string: {e.Message}";
        }
    }

    /// <summary>These options, or an exception with <see cref="Problem"/>.</summary>
    public StorageOptions Checked() => Problem() is { } problem ? throw new InvalidOperationException(problem) : this;

    /// <summary>Where the data is, for people and logs: the file, or the database and server without the password.</summary>
    public string Describe()
    {
        if (!IsPostgreSql)
        {
            return Path.GetFullPath(SqlitePath);
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";
    }

    /// <summary>The connection string of <see cref="SqlitePath"/>, whose folder is made if missing.</summary>
    public string SqliteConnectionString()
    {
        var full = Path.GetFullPath(SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, ForeignKeys = true }.ToString();
    }

    // postgresql://user:password@host:port/database?key=value → Npgsql's keywords. Query keys pass through
    // (Npgsql reads 'sslmode' as 'SSL Mode'); a key it does not know is named by Problem().
    private static string FromUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "Host=";
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        var connection = builder.ConnectionString;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            connection += $";{Uri.UnescapeDataString(parts[0])}={(parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty)}";
        }

        return connection;
    }
}
