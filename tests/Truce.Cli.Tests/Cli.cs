namespace Truce.Cli.Tests;

/// <summary>Runs <c>truce</c> in-process on a database file and returns what a shell would see.</summary>
public static class Cli
{
    public static async Task<(int Code, string Output, string Error)> Run(string database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TruceCli.RunAsync([.. args, "--db", database], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
