using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Planning;
using Truce.Storage;
using Truce.Storage.Security;

namespace Truce.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line itself is wrong: an unknown option, a missing or malformed argument.</summary>
    public const int Usage = 1;

    /// <summary>The data given was refused by validation; the message names each field.</summary>
    public const int Invalid = 2;

    public const int NotFound = 3;

    /// <summary>Refused for another reason: not allowed, or changed by someone else meanwhile.</summary>
    public const int Refused = 4;

    /// <summary><c>audit verify</c> found a broken link in the chain.</summary>
    public const int Broken = 5;
}

/// <summary>
/// The <c>truce</c> command. Each capability adds its commands here; they all share the database
/// option and write tables for people or JSON (<c>--json</c>) for scripts.
/// </summary>
public static class TruceCli
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "The SQLite database file (default: $Storage__SqlitePath, else .truce/truce.db under the current folder).",
        Recursive = true,
    };

    public static readonly Option<string?> As = new("--as")
    {
        Description = "Read and write as this user (their role and releasability) instead of as the operator, who sees everything.",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Truce: the common operating picture of a coalition that secures a ceasefire.")
        {
            HostCommands.Serve(output),
            HostCommands.Migrate(output),
            HostCommands.Scenario(output, error),
            CommitmentsCommands.Pledges(output, error),
            SecurityCommands.Users(output, error),
            SecurityCommands.Tokens(output, error),
            SecurityCommands.Audit(output, error),
            PlanningCommands.Plan(output, error),
        };
        root.Options.Add(Database);
        root.Options.Add(As);
        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UnknownUserException e)
        {
            return Fail(error, ExitCodes.Usage, e.Message);
        }
    }

    public static StorageOptions StorageFor(ParseResult parse) => new()
    {
        SqlitePath = parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("Storage__SqlitePath") ?? StorageOptions.DefaultSqlitePath,
    };

    /// <summary>
    /// The storage services for one command, on a migrated database, reading as the operator (an admin: who
    /// runs <c>truce</c> on the server has the database anyway) or as the user named by <c>--as</c>.
    /// </summary>
    public static async Task<AsyncServiceScope> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var services = new ServiceCollection().AddTruceStorage(StorageFor(parse)).AddSingleton<IPlanner, OrToolsPlanner>().BuildServiceProvider();
        var scope = services.CreateAsyncScope();
        var current = scope.ServiceProvider.GetRequiredService<CurrentPrincipal>();
        current.Principal = Principal.System;
        await StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<TruceDb>(), ct);
        if (parse.GetValue(As) is { } userName)
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindAsync(userName, ct);
            if (user is null)
            {
                await scope.DisposeAsync();
                throw new UnknownUserException($"--as: no user named '{userName}'.");
            }

            current.Principal = user.ToPrincipal();
        }
        else
        {
            current.Principal = Principal.Operator(Environment.UserName);
        }

        return scope;
    }

    /// <summary>Accounts, tokens and the audit trail are for admins, also when <c>--as</c> names someone else.</summary>
    public static int? RefuseUnlessAdmin(AsyncServiceScope scope, TextWriter error) =>
        Acting(scope).SeesAll ? null : Fail(error, ExitCodes.Refused, $"only admins may do this; {Acting(scope).Name} is a {Acting(scope).RoleName}.");

    /// <summary>Who the command acts as: the operator, or the user named by <c>--as</c>.</summary>
    public static Principal Acting(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Principal;

    private sealed class UnknownUserException(string message) : Exception(message);

    /// <summary>A console for tables that writes plain text to the given writer (no colour codes in pipes or tests).</summary>
    public static IAnsiConsole Console(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        // A pipe has no width; 80 columns would fold every title into a tower of fragments.
        if (System.Console.IsOutputRedirected || output != System.Console.Out)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    public static int Fail(TextWriter error, int code, string message)
    {
        error.WriteLine($"truce: {message}");
        return code;
    }
}
