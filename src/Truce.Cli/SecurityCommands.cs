using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Security;

namespace Truce.Cli;

/// <summary><c>truce users add</c> and <c>truce tokens create</c>: accounts and API tokens.</summary>
public static class SecurityCommands
{
    public static Command Users(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("user-name") { Description = "The name to sign in with." };
        var role = new Option<string>("--role") { Description = $"One of: {Kebab.Choices<Role>()}.", Required = true };
        var member = new Option<string?>("--member") { Description = "The coalition member a liaison speaks for, e.g. GBR." };
        var password = new Option<string?>("--password") { Description = $"At least {PasswordPolicy.MinLength} characters; omit it to have one generated and printed once." };
        var display = new Option<string?>("--display-name") { Description = "The person's name as shown on pages." };
        var add = new Command("add", "Create a local account.") { name, role, member, password, display };
        add.SetAction(async (parse, ct) =>
        {
            if (!Kebab.TryParse(parse.GetValue(role), out Role r))
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--role '{parse.GetValue(role)}' is not a role; expected one of {Kebab.Choices<Role>()}.");
            }

            var generated = parse.GetValue(password) is null;
            var secret = parse.GetValue(password) ?? PasswordHash.Generate();
            await using var scope = await TruceCli.OpenAsync(parse, ct);
            var (user, field, problem) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .CreateAsync(new NewUser(parse.GetValue(name)!, r, parse.GetValue(member), secret, parse.GetValue(display)), ct);
            if (user is null)
            {
                return TruceCli.Fail(error, ExitCodes.Invalid, $"--{(field == "userName" ? "user-name" : field)}: {problem}");
            }

            output.WriteLine($"Created {Kebab.Of(user.Role)} '{user.UserName}'{(user.MemberCode is null ? string.Empty : $" for {user.MemberCode}")}.");
            if (generated)
            {
                output.WriteLine($"Password (shown once): {secret}");
            }

            return ExitCodes.Ok;
        });
        return new Command("users", "Local accounts.") { add };
    }

    public static Command Tokens(TextWriter output, TextWriter error)
    {
        var user = new Option<string>("--user") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'monitoring feed'.", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Days until the token stops working (default: 90)." };
        var create = new Command("create", "Create an API bearer token; it is printed once and stored only as a hash.") { user, name, days };
        create.SetAction(async (parse, ct) =>
        {
            var lifetime = parse.GetValue(days) ?? 90;
            if (lifetime is < 1 or > 3650)
            {
                return TruceCli.Fail(error, ExitCodes.Usage, $"--expires-in-days must be between 1 and 3650; got {lifetime}.");
            }

            await using var scope = await TruceCli.OpenAsync(parse, ct);
            var (secret, problem) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .CreateTokenAsync(parse.GetValue(user)!, parse.GetValue(name)!, TimeSpan.FromDays(lifetime), ct);
            if (secret is null)
            {
                return TruceCli.Fail(error, ExitCodes.NotFound, $"--user: {problem}");
            }

            output.WriteLine(secret);
            return ExitCodes.Ok;
        });
        return new Command("tokens", "API bearer tokens.") { create };
    }
}
