using Npgsql;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary>
/// A PostgreSQL database that cannot be opened is said in words with exit 2 — where, and what failed — and
/// never with the connection string's password.
/// </summary>
public sealed class PostgreSqlSettingsTests
{
    // What a person sees: both streams.
    private static async Task<(int Code, string Error)> Truce(params string[] args)
    {
        var (code, output, error) = await Cli.Run(args);
        return (code, output + error);
    }

    [Fact]
    public async Task A_server_that_refuses_the_connection_is_named_without_the_password()
    {
        var (code, said) = await Truce("migrate", "--db", "postgresql://truce:not-said-anywhere-42@127.0.0.1:1/truce");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("Cannot open the PostgreSQL database 'truce' on 127.0.0.1:1", said, StringComparison.Ordinal);
        Assert.DoesNotContain("not-said-anywhere-42", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_keyword_is_named_without_any_value()
    {
        var (code, said) = await Truce("users", "list", "--db", "Host=127.0.0.1;Pasword=not-said-anywhere-43;Database=truce");

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("Storage:ConnectionString is not a PostgreSQL connection string", said, StringComparison.Ordinal);
        Assert.Contains("pasword", said, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-said-anywhere-43", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_said_as_such_and_not_repeated()
    {
        Assert.SkipUnless(TestStore.IsPostgreSql, "Needs the PostgreSQL server of the PostgreSQL pass.");
        var wrong = new NpgsqlConnectionStringBuilder(TestStore.ConnectionTo("postgres")) { Password = "not-said-anywhere-44" }.ConnectionString;

        var (code, said) = await Truce("audit", "verify", "--db", wrong);

        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Contains("password authentication failed", said, StringComparison.Ordinal);
        Assert.DoesNotContain("not-said-anywhere-44", said, StringComparison.Ordinal);
    }
}
