using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage;
using Truce.Storage.Security;
using Truce.Web.Startup;

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

    /// <summary>The one mapping of a service's outcome onto an exit code.</summary>
    public static int Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done or OutcomeKind.Created => Ok,
        OutcomeKind.Invalid => Invalid,
        OutcomeKind.NotFound => NotFound,
        _ => Refused,
    };
}

/// <summary>
/// The <c>truce</c> command. Each module adds its commands here (<c>&lt;Module&gt;Commands.cs</c>); they all
/// share the database option, act as the operator or the user named by <c>--as</c>, and write tables for
/// people or JSON (<c>--json</c>) for scripts.
/// </summary>
public static class TruceCli
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "The database: a SQLite file (default: $Storage__SqlitePath, else .truce/truce.db under the current folder), or PostgreSQL as postgresql://user:password@host:port/database or Host=…;Database=…",
        Recursive = true,
    };

    public static readonly Option<string?> AuditKey = new("--audit-key")
    {
        Description = "The audit trail's key file (default: $Audit__KeyFile, else audit.key in the SQLite file's folder). On PostgreSQL, the same file on every node.",
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
            HostCommands.Demo(output, error),
            HostCommands.Db(output, error),
            CommitmentsCommands.Pledges(output, error),
            SecurityCommands.Users(output, error),
            SecurityCommands.Tokens(output, error),
            SecurityCommands.Audit(output, error),
            PlanningCommands.Plan(output, error),
            GeographyCommands.Geo(output, error),
            AgreementsCommands.Agreements(output, error),
            MonitoringCommands.Import(output, error),
            ReportsCommands.Report(output, error),
            AlertsCommands.Alerts(output, error),
            SourcesCommands.Sources(output, error),
            PositionsCommands.Positions(output, error),
        };
        root.Options.Add(Database);
        root.Options.Add(AuditKey);
        root.Options.Add(As);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            return Fail(error, ExitCodes.Usage, e.Message);
        }
        catch (StartupException e)
        {
            return Fail(error, ExitCodes.Invalid, e.Message);
        }
    }

    /// <summary>A command line that names something that is not there (<c>--as nobody</c>).</summary>
    private sealed class UsageException(string message) : Exception(message);

    /// <summary>The settings a command runs with: the environment (<c>Storage__SqlitePath</c> …), and <c>--db</c>, <c>--audit-key</c> over it.</summary>
    public static IConfiguration Settings(ParseResult parse) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(Overrides(parse)).Build();

    /// <summary>The settings <c>--db</c> and <c>--audit-key</c> give: a file is SQLite, a URI or <c>Host=…</c> PostgreSQL.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Database) is { } db)
        {
            var (provider, value) = StorageOptions.ParseDatabase(db);
            overrides["Storage:Provider"] = provider;
            overrides[provider == StorageOptions.PostgreSql ? "Storage:ConnectionString" : "Storage:SqlitePath"] = value;
        }

        if (parse.GetValue(AuditKey) is { } key)
        {
            overrides["Audit:KeyFile"] = key;
        }

        return overrides;
    }

    /// <summary>
    /// Truce's services for one command (the same composition root as the server's), on a database prepared
    /// as the server prepares it — migrated and, when new, given the demo data and its first admin (said on
    /// the error stream, so that --json output stays clean) — acting as the operator (an admin: who runs
    /// <c>truce</c> on the server has the database anyway) or as the user named by <c>--as</c>.
    /// </summary>
    /// <param name="demoWhenEmpty">False for <c>migrate</c> (a mission's database starts empty) and <c>demo load</c> (which says what it loaded).</param>
    public static async Task<Session> OpenAsync(ParseResult parse, CancellationToken ct, bool demoWhenEmpty = true)
    {
        var settings = demoWhenEmpty ? Settings(parse) : new ConfigurationBuilder().AddConfiguration(Settings(parse)).AddInMemoryCollection([new("Demo:LoadWhenEmpty", "false")]).Build();
        var services = new ServiceCollection().AddTruce(settings).BuildServiceProvider();
        var scope = services.CreateAsyncScope();
        await DatabaseStartup.PrepareDatabaseAsync(services, settings, parse.InvocationConfiguration.Error, ct);
        var acting = Principal.Operator(Environment.UserName);
        if (parse.GetValue(As) is { } userName)
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindAsync(userName, ct);
            if (user is null)
            {
                await scope.DisposeAsync();
                await services.DisposeAsync();
                throw new UsageException($"--as: no user named '{userName}'.");
            }

            acting = user.ToPrincipal();
        }

        return new Session(services, scope, acting);
    }

    /// <summary>One command's services and the principal it acts as.</summary>
    public sealed class Session(ServiceProvider services, AsyncServiceScope scope, Principal acting) : IAsyncDisposable
    {
        public Principal Acting { get; } = acting;

        public T Get<T>()
            where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    /// <summary>
    /// The one way a command ends on an outcome: refused, said on the error stream with its exit code; done,
    /// printed as the API's JSON (<c>--json</c>) or as people read it.
    /// </summary>
    public static int Finish<T>(Outcome<T> outcome, bool json, TextWriter output, TextWriter error, Action<IAnsiConsole, T> forPeople, Func<string, string>? option = null, string? what = null)
    {
        if (!outcome.IsDone)
        {
            return Refusal(outcome, error, option, what);
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(outcome.Value, TruceJson.Indented));
        }
        else
        {
            forPeople(Console(output), outcome.Value);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// A refused outcome, said on the error stream with each field named as the option a person typed
    /// (<paramref name="option"/>), and its exit code.
    /// </summary>
    public static int Refusal<T>(Outcome<T> outcome, TextWriter error, Func<string, string>? option = null, string? what = null)
    {
        var message = outcome.Kind == OutcomeKind.Invalid
            ? $"{what ?? "refused"}:\n" + string.Join('\n', outcome.Errors!.ToDictionary().Select(e => $"  {(option ?? Option)(e.Key)}: {string.Join(" ", e.Value)}"))
            : outcome.Message!;
        return Fail(error, ExitCodes.Of(outcome.Kind), message);
    }

    /// <summary>
    /// Text as a table cell: markup escaped, and control characters (an escape sequence in a user name typed
    /// at the sign-in page can recolour or rewrite a terminal) shown as <c>\u001B</c> rather than sent.
    /// </summary>
    public static string Cell(string? text) =>
        Markup.Escape(string.Concat((text ?? string.Empty).Select(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? $"\\u{(int)c:X4}" : c.ToString())));

    /// <summary>A field as an option: <c>userName</c> → <c>--user-name</c>.</summary>
    public static string Option(string field) =>
        "--" + string.Concat(field.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

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
