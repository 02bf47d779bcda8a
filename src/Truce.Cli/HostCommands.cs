using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Truce.Storage;
using Truce.Web.Startup;

namespace Truce.Cli;

/// <summary><c>serve</c>, <c>migrate</c>, <c>demo load</c> and <c>db copy</c>: running Truce and preparing or moving its database.</summary>
public static class HostCommands
{
    public static Command Serve(TextWriter output)
    {
        var command = new Command("serve", "Run the Truce server (pages and API). Other options go to ASP.NET Core, e.g. --urls http://127.0.0.1:5000.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, ct) =>
        {
            string[] args = [.. parse.UnmatchedTokens, .. TruceCli.Overrides(parse).Select(o => $"--{o.Key}={o.Value}")];
            var app = Truce.Web.Program.Build(args, contentRoot: AppContext.BaseDirectory);
            await DatabaseStartup.PrepareDatabaseAsync(app.Services, app.Configuration, output, ct);
            Truce.Web.Program.AnnounceWhenReady(app, output);
            await app.RunAsync();
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Migrate(TextWriter output)
    {
        var command = new Command("migrate", "Create the database or bring its schema up to date.");
        command.SetAction(async (parse, ct) =>
        {
            // Migrating makes no demo data: a database prepared for a mission starts empty.
            await using var session = await TruceCli.OpenAsync(parse, ct, demoWhenEmpty: false);
            output.WriteLine($"Database is up to date: {TruceServices.StorageOptionsFrom(TruceCli.Settings(parse)).Describe()}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Demo(TextWriter output, TextWriter error)
    {
        var path = new Option<string?>("--path") { Description = "The demo data folder (default: the demo data shipped with Truce)." };
        var load = new Command("load", "Load the demo data (or another folder of the same shape) into the database; changed pledges get a new version.") { path };
        load.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct, demoWhenEmpty: false);
            var loaded = await session.Get<DemoData>().LoadAsync(session.Acting, parse.GetValue(path) ?? DemoData.DefaultPath, ct);
            if (!loaded.IsDone)
            {
                return TruceCli.Refusal(loaded, error, what: "nothing was loaded");
            }

            var summary = loaded.Value;
            output.WriteLine($"Loaded {summary.Actors} actors, {summary.Members} members, {summary.Meetings} meetings; pledges: {summary.PledgesCreated} new, {summary.PledgesChanged} changed, {summary.PledgesUnchanged} unchanged.");
            return ExitCodes.Ok;
        });
        return new Command("demo", "The demo data: the coalition of the willing, March 2025.") { load };
    }

    public static Command Db(TextWriter output, TextWriter error)
    {
        var from = new Option<string>("--from") { Description = "The database to copy: a SQLite file (its audit key beside it).", Required = true };
        var to = new Option<string>("--to") { Description = "An empty PostgreSQL database: postgresql://user:password@host:port/database or Host=…;Database=…", Required = true };
        var copy = new Command("copy", "Copy a whole database (every table, version, revision, the audit chain, accounts, tokens) into an empty one, e.g. the embedded SQLite file into PostgreSQL. The audit key goes to --audit-key (default .truce/audit.key): give that file to every node of the target.") { from, to };
        copy.SetAction(async (parse, ct) =>
        {
            var settings = TruceCli.Settings(parse);
            var source = StorageFor(parse.GetValue(from)!, auditKey: null);
            var target = StorageFor(parse.GetValue(to)!, settings["Audit:KeyFile"]);
            if ((source.Problem() ?? target.Problem()) is { } problem)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, problem);
            }

            var progress = new CopyProgress(error);
            var copied = await StoreCopy.CopyAsync(source, target, progress, ct);
            progress.Done();
            if (!copied.IsDone)
            {
                return TruceCli.Refusal(copied, error, what: "nothing was copied");
            }

            var summary = copied.Value;
            var console = TruceCli.Console(output);
            var table = new Table().AddColumns("Table", "Rows in the source", "Rows copied");
            foreach (var t in summary.Tables)
            {
                table.AddRow(TruceCli.Cell(t.Table), t.Source.ToString("N0", CultureInfo.InvariantCulture), t.Copied.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            output.WriteLine($"Copied {source.Describe()} into {target.Describe()}: {(summary.CountsMatch ? "every table's count matches" : "COUNTS DIFFER")}.");
            output.WriteLine($"The audit trail of the copy: {(summary.Verification.Intact ? $"intact, {summary.Verification.Entries} entries" : $"BROKEN: {summary.Verification.Problem}")}. Its key is {summary.AuditKeyPath}; every node serving the copy needs that file (Audit:KeyFile).");
            return summary.CountsMatch && summary.Verification.Intact ? ExitCodes.Ok : ExitCodes.Broken;
        });
        return new Command("db", "The database as a whole.") { copy };
    }

    // A --from or --to value as storage options; the source's key stays beside its file.
    private static StorageOptions StorageFor(string database, string? auditKey)
    {
        var (provider, value) = StorageOptions.ParseDatabase(database);
        return provider == StorageOptions.PostgreSql
            ? new StorageOptions { Provider = provider, ConnectionString = value, AuditKeyPath = auditKey }
            : new StorageOptions { Provider = provider, SqlitePath = value, AuditKeyPath = auditKey };
    }

    /// <summary>A progress bar per table on a terminal; a line per table elsewhere (pipes, logs, tests).</summary>
    private sealed class CopyProgress(TextWriter error) : IProgress<(string Table, long Done, long Total)>
    {
        private readonly bool _terminal = error == System.Console.Error && !System.Console.IsErrorRedirected;
        private string? _table;
        private long _drawnAtMs;

        public void Report((string Table, long Done, long Total) value)
        {
            var finished = value.Done >= value.Total;
            if (_terminal)
            {
                if (finished || Environment.TickCount64 - _drawnAtMs > 100) // redrawn at most ten times a second
                {
                    var width = 30;
                    var filled = value.Total == 0 ? width : (int)(width * value.Done / value.Total);
                    error.Write($"\r{value.Table,-24} [{new string('#', filled)}{new string('.', width - filled)}] {value.Done:N0}/{value.Total:N0}{(finished ? "\n" : string.Empty)}");
                    _drawnAtMs = Environment.TickCount64;
                }
            }
            else if (finished && value.Table != _table)
            {
                error.WriteLine($"copied {value.Table}: {value.Done:N0} rows");
                _table = value.Table;
            }
        }

        public void Done() => error.Flush();
    }
}
