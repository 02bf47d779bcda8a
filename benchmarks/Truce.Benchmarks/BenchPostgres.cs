using Npgsql;

namespace Truce.Benchmarks;

/// <summary>The PostgreSQL server benchmarks make their databases on: <c>TRUCE_BENCH_POSTGRES</c>, else the cluster of <c>scripts/postgres.sh start</c>.</summary>
internal static class BenchPostgres
{
    public static string Server() =>
        Environment.GetEnvironmentVariable("TRUCE_BENCH_POSTGRES") is { Length: > 0 } server ? server : File.ReadAllText("/tmp/truce-pg/connection").Trim();

    /// <summary>The server's connection string with <paramref name="database"/> in it.</summary>
    public static string To(string database) => new NpgsqlConnectionStringBuilder(Server()) { Database = database }.ConnectionString;

    /// <summary>Runs SQL on the maintenance database (CREATE and DROP DATABASE).</summary>
    public static void Administer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Whether the server has <paramref name="database"/>, so a store filled once is kept between runs.</summary>
    public static bool Exists(string database)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return command.ExecuteScalar() is not null;
    }
}
