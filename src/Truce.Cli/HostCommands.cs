using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Truce.Storage;
using Truce.Storage.Scenario;
using Truce.Web.Startup;

namespace Truce.Cli;

/// <summary><c>serve</c>, <c>migrate</c> and <c>scenario load</c>: running Truce and preparing its database.</summary>
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
            var storage = TruceCli.StorageFor(parse);
            string[] args = [.. parse.UnmatchedTokens, $"--Storage:SqlitePath={storage.SqlitePath}"];
            var app = Truce.Web.Program.Build(args, contentRoot: AppContext.BaseDirectory);
            await StorageStartup.PrepareDatabaseAsync(app.Services, app.Configuration, output, ct);
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
            await using var scope = await TruceCli.OpenAsync(parse, ct);
            output.WriteLine($"Database is up to date: {Path.GetFullPath(TruceCli.StorageFor(parse).SqlitePath)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Scenario(TextWriter output, TextWriter error)
    {
        var path = new Option<string?>("--path") { Description = "The scenario folder (default: the demo scenario shipped with Truce)." };
        var load = new Command("load", "Load the demo scenario (or another folder) into the database; changed pledges get a new version.") { path };
        load.SetAction(async (parse, ct) =>
        {
            await using var scope = await TruceCli.OpenAsync(parse, ct);
            try
            {
                var summary = await scope.ServiceProvider.GetRequiredService<ScenarioLoader>().LoadAsync(parse.GetValue(path) ?? ScenarioLoader.DefaultPath, ct);
                output.WriteLine($"Loaded {summary.Actors} actors, {summary.Members} members, {summary.Meetings} meetings; pledges: {summary.PledgesCreated} new, {summary.PledgesChanged} changed, {summary.PledgesUnchanged} unchanged.");
                return ExitCodes.Ok;
            }
            catch (ScenarioException e)
            {
                return TruceCli.Fail(error, ExitCodes.Invalid, $"nothing was loaded: {e.Message}");
            }
        });
        return new Command("scenario", "The demo scenario.") { load };
    }
}
