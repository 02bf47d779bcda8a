using System.CommandLine;
using Truce.Storage;
using Truce.Web.Startup;

namespace Truce.Cli;

/// <summary><c>serve</c>, <c>migrate</c> and <c>demo load</c>: running Truce and preparing its database.</summary>
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
}
