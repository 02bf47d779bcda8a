using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary>Runs <c>truce</c> in-process on a test database (SQLite or PostgreSQL) and returns what a shell would see.</summary>
public static class Cli
{
    public static async Task<(int Code, string Output, string Error)> Run(TestLocation database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TruceCli.RunAsync([.. args, .. database.CliArguments], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>truce</c> with exactly these arguments (a command that names its own database, or needs none).</summary>
    public static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TruceCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
