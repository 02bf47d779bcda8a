using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
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
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var created = await session.Get<UserAccounts>().CreateAsync(session.Acting, new NewUser(parse.GetValue(name)!, r, parse.GetValue(member), secret, parse.GetValue(display)), ct);
            if (!created.IsDone)
            {
                return TruceCli.Refusal(created, error, what: "the account was not created");
            }

            var user = created.Value;
            output.WriteLine($"Created {user.Role} '{user.UserName}'{(user.Member is null ? string.Empty : $" for {user.Member}")}.");
            if (generated)
            {
                output.WriteLine($"Password (shown once): {secret}");
            }

            return ExitCodes.Ok;
        });
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List accounts: role, member, whether disabled or locked, active tokens.") { json };
        list.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var listed = await session.Get<UserAccounts>().AccountsAsync(session.Acting, ct);
            var now = session.Get<TimeProvider>().GetUtcNow().UtcDateTime;
            return TruceCli.Finish(listed, parse.GetValue(json), output, error, (console, accounts) =>
            {
                var table = new Table().AddColumns("User", "Role", "Member", "State", "Tokens", "Created (UTC)");
                foreach (var a in accounts)
                {
                    table.AddRow(TruceCli.Cell(a.UserName), TruceCli.Cell(a.Role), TruceCli.Cell(a.Member ?? "—"), TruceCli.Cell(a.State(now)), a.ActiveTokens.ToString(CultureInfo.InvariantCulture), When(a.CreatedAt));
                }

                console.Write(table);
            });
        });

        var newPassword = new Option<string?>("--password") { Description = $"The new password, at least {PasswordPolicy.MinLength} characters; omit it to have one generated and printed once." };
        var reset = Act("reset-password", "Set a new password; lifts a lock and ends the account's sessions.", output, error, newPassword,
            async (accounts, by, user, parse, ct) =>
            {
                var secret = parse.GetValue(newPassword) ?? PasswordHash.Generate();
                var done = await accounts.ResetPasswordAsync(by, user, secret, ct);
                return (done, parse.GetValue(newPassword) is null && done.IsDone ? $"Password (shown once): {secret}" : null);
            });

        var newRole = new Option<string>("--role") { Description = $"One of: {Kebab.Choices<Role>()}.", Required = true };
        var newMember = new Option<string?>("--member") { Description = "The coalition member a liaison speaks for, e.g. GBR." };
        var setRole = Act("set-role", "Give an account another role (and member); its sessions end.", output, error, null,
            async (accounts, by, user, parse, ct) =>
            {
                var done = Kebab.TryParse(parse.GetValue(newRole), out Role r)
                    ? await accounts.ChangeRoleAsync(by, user, r, parse.GetValue(newMember), ct)
                    : Outcome.Invalid("role", $"'{parse.GetValue(newRole)}' is not a role; expected one of {Kebab.Choices<Role>()}.");
                return (done, null);
            });
        setRole.Options.Add(newRole);
        setRole.Options.Add(newMember);

        return new Command("users", "Local accounts.")
        {
            add,
            list,
            Act("disable", "Disable an account: it cannot sign in, its sessions end and its tokens stop working.", output, error, null, async (a, by, user, _, ct) => (await a.DisableAsync(by, user, ct), null)),
            Act("enable", "Enable a disabled account, or lift a lock after failed sign-ins.", output, error, null, async (a, by, user, _, ct) => (await a.EnableAsync(by, user, ct), null)),
            reset,
            Act("sign-out-everywhere", "End every session of an account at once.", output, error, null, async (a, by, user, _, ct) => (await a.SignOutEverywhereAsync(by, user, ct), null)),
            setRole,
        };
    }

    /// <summary>A command that does one act to one account and says what the account is now.</summary>
    private static Command Act(
        string name, string description, TextWriter output, TextWriter error, Option? extra,
        Func<UserAccounts, Principal, string, ParseResult, CancellationToken, Task<(Outcome<AccountView> Done, string? Also)>> act)
    {
        var user = new Argument<string>("user-name") { Description = "The account, as `users list` shows it." };
        var command = new Command(name, description) { user };
        if (extra is not null)
        {
            command.Options.Add(extra);
        }

        command.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var (done, also) = await act(session.Get<UserAccounts>(), session.Acting, parse.GetValue(user)!, parse, ct);
            if (!done.IsDone)
            {
                return TruceCli.Refusal(done, error, what: $"'{parse.GetValue(user)}' was not changed");
            }

            var a = done.Value;
            output.WriteLine($"{a.UserName}: {a.Role}{(a.Member is null ? string.Empty : " of " + a.Member)}, {a.State(session.Get<TimeProvider>().GetUtcNow().UtcDateTime)}; every session ended.");
            if (also is not null)
            {
                output.WriteLine(also);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Tokens(TextWriter output, TextWriter error)
    {
        var user = new Option<string>("--user") { Description = "The account the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'monitoring feed'.", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Days until the token stops working (default: 90)." };
        var scopes = new Option<string[]>("--scope") { Description = $"What the token may do, repeatable: {string.Join(", ", TokenScopes.Known)} (default: read)." };
        var create = new Command("create", "Create an API bearer token; it is printed once and stored only as a hash.") { user, name, days, scopes };
        create.SetAction(async (parse, ct) =>
        {
            var asked = parse.GetValue(scopes) is { Length: > 0 } s ? s : [TokenScopes.Read];
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var created = await session.Get<UserAccounts>().CreateTokenAsync(session.Acting, parse.GetValue(user)!, parse.GetValue(name)!, TimeSpan.FromDays(parse.GetValue(days) ?? 90), asked, ct);
            if (!created.IsDone)
            {
                return TruceCli.Refusal(created, error, field => field == "scopes" ? "--scope" : TruceCli.Option(field), "the token was not created");
            }

            output.WriteLine(created.Value.Secret);
            return ExitCodes.Ok;
        });

        var forUser = new Option<string?>("--user") { Description = "Only this user's tokens." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List tokens: scopes, expiry, revocation and last use (never the secret).") { forUser, json };
        list.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var listed = await session.Get<UserAccounts>().TokensAsync(session.Acting, parse.GetValue(forUser), ct);
            return TruceCli.Finish(listed, parse.GetValue(json), output, error, (console, tokens) =>
            {
                var table = new Table().AddColumns("Id", "Name", "User", "Scopes", "Created (UTC)", "Expires", "Revoked", "Last used");
                foreach (var t in tokens)
                {
                    table.AddRow(
                        t.Id.ToString(CultureInfo.InvariantCulture), TruceCli.Cell(t.Name), TruceCli.Cell(t.User), TruceCli.Cell(t.Scopes),
                        When(t.CreatedAt), When(t.ExpiresAt), When(t.RevokedAt), When(t.LastUsedAt));
                }

                console.Write(table);
            });
        });

        var id = new Argument<int>("id") { Description = "The token's id, as `tokens list` shows it." };
        var revoke = new Command("revoke", "Revoke a token at once.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var revoked = await session.Get<UserAccounts>().RevokeTokenAsync(session.Acting, parse.GetValue(id), ct);
            if (!revoked.IsDone)
            {
                return TruceCli.Refusal(revoked, error);
            }

            output.WriteLine($"Revoked token {parse.GetValue(id)}.");
            return ExitCodes.Ok;
        });
        return new Command("tokens", "API bearer tokens.") { create, list, revoke };
    }

    public static Command Audit(TextWriter output, TextWriter error)
    {
        var head = new Option<string?>("--head") { Description = "The head recorded elsewhere, as `audit head` printed it (\"SEQ HASH\"); default: the last head in the anchor file." };
        var verify = new Command("verify", "Recompute the audit trail's keyed hash chain, check it against its anchored head, and the pledges, accounts and tokens against their audited history; exit 0 if all hold, 5 and what does not if not.") { head };
        verify.SetAction(async (parse, ct) =>
        {
            (long, string)? recorded = null;
            if (parse.GetValue(head) is { } text)
            {
                var parts = text.Split(' ', ':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || parts[1].Length != 64)
                {
                    return TruceCli.Fail(error, ExitCodes.Usage, $"--head: expected \"SEQ HASH\" as `truce audit head` prints it (a number and 64 hexadecimal digits); got '{TruceCli.Cell(text)}'.");
                }

                recorded = (seq, parts[1].ToLowerInvariant());
            }

            await using var session = await TruceCli.OpenAsync(parse, ct);
            var verified = await session.Get<AuditTrail>().VerifyAsync(session.Acting, recorded, ct);
            if (!verified.IsDone)
            {
                return TruceCli.Refusal(verified, error);
            }

            var result = verified.Value;
            if (result.Intact)
            {
                output.WriteLine($"The audit trail is intact: {result.Entries} entries, each chained to the one before{(result.AnchoredAt is { } at ? $", up to the anchored head (entry {at})" : ", with no anchor to check the head against")}; pledges, accounts and tokens match their audited history.");
                return ExitCodes.Ok;
            }

            return TruceCli.Fail(error, ExitCodes.Broken, result.BrokenAt is { } broken
                ? $"the audit trail is broken at entry {broken}: {result.Problem}. Entries 1–{result.Entries} verify."
                : $"the audit trail's {result.Entries} entries verify, but {result.Problem}");
        });

        var printHead = new Command("head", "Print the audit chain's head (\"SEQ HASH\"): record it outside Truce, then `audit verify --head` against it.");
        printHead.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var latest = await session.Get<AuditTrail>().ListAsync(session.Acting, new AuditQuery(null, null, Limit: 1), ct);
            if (!latest.IsDone)
            {
                return TruceCli.Refusal(latest, error);
            }

            output.WriteLine(latest.Value is [var e] ? $"{e.Seq.ToString(CultureInfo.InvariantCulture)} {e.Hash}" : "0 " + AuditEntry.Genesis);
            return ExitCodes.Ok;
        });

        var action = new Option<string?>("--action") { Description = "Only actions starting with this, e.g. pledge. or sign-in.failed." };
        var actor = new Option<string?>("--actor") { Description = "Only entries by this principal." };
        var limit = new Option<int?>("--limit") { Description = "How many, newest first (default 50)." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "Show audit entries, newest first.") { action, actor, limit, json };
        list.SetAction(async (parse, ct) =>
        {
            await using var session = await TruceCli.OpenAsync(parse, ct);
            var listed = await session.Get<AuditTrail>().ListAsync(session.Acting, new AuditQuery(parse.GetValue(action), parse.GetValue(actor), Limit: parse.GetValue(limit) ?? 50), ct);
            return TruceCli.Finish(listed, parse.GetValue(json), output, error, (console, entries) =>
            {
                var table = new Table().AddColumns("Seq", "At (UTC)", "Actor", "Action", "Target", "Detail");
                foreach (var e in entries)
                {
                    table.AddRow(e.Seq.ToString(CultureInfo.InvariantCulture), When(e.At), TruceCli.Cell(e.Actor), TruceCli.Cell(e.Action), TruceCli.Cell(e.Target), TruceCli.Cell(e.Detail ?? string.Empty));
                }

                console.Write(table);
            });
        });
        return new Command("audit", "The hash-chained audit trail.") { verify, printHead, list };
    }

    private static string When(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
}
