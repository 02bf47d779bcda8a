using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>How new passwords are hashed. Tests lower the iteration count to keep sign-ins fast.</summary>
public sealed record AccountOptions(int PasswordHashIterations = PasswordHash.DefaultIterations);

/// <summary>A token that opened a request: whom it acts for and what it may do.</summary>
public sealed record TokenHolder(User User, int TokenId, IReadOnlyList<string> Scopes);

/// <summary>
/// Local accounts and API tokens. Creating an account or a token, revoking one, a successful sign-in and a
/// locked account are acts, audited one by one; using a token, a refused token and a failed sign-in are
/// counted by the <see cref="AccessLog"/>, which writes them once per window, so no read writes.
/// Managing accounts and tokens is for admins.
/// </summary>
public sealed class UserAccounts(TruceDb db, TimeProvider clock, AccountOptions options, AuditTrail audit, AccessLog access)
{
    public Task<bool> AnyAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    /// <summary>Creates an account; the errors name the field (<c>userName</c>, <c>member</c>, <c>password</c>).</summary>
    public async Task<Outcome<UserView>> CreateAsync(Principal by, NewUser user, CancellationToken ct = default)
    {
        if (AdminsOnly(by) is { } refused)
        {
            return refused;
        }

        var name = user.UserName.Trim();
        if (name.Length is < 2 or > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            return Outcome.Invalid("userName", "Expected 2–100 characters: letters, digits, '.', '-', '_' or '@'.");
        }

        if (await db.Users.AnyAsync(u => u.UserName == name, ct))
        {
            return Outcome.Invalid("userName", $"A user named '{name}' already exists.");
        }

        var errors = new ValidationErrors();
        TextRules.Read(user.DisplayName, 200, errors, "displayName");
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (user.Role == Role.Liaison && string.IsNullOrWhiteSpace(user.MemberCode))
        {
            return Outcome.Invalid("member", "A liaison must belong to a coalition member (e.g. GBR).");
        }

        if (user.MemberCode is { } code && !await MarkingChecks.IsMemberAsync(db, code, ct))
        {
            return Outcome.Invalid("member", $"'{code}' is not a coalition member.");
        }

        if (PasswordPolicy.Check(user.Password, name) is { } problem)
        {
            return Outcome.Invalid("password", problem);
        }

        var entity = new User
        {
            UserName = name,
            DisplayName = user.DisplayName,
            Role = user.Role,
            MemberCode = user.MemberCode,
            PasswordHash = PasswordHash.Create(user.Password, options.PasswordHashIterations),
            CreatedAtUtc = Now(),
        };
        db.Users.Add(entity);
        audit.Append(by, "user.created", $"user/{name}", after: AccountState.Of(entity), detail: $"{Kebab.Of(user.Role)}{(user.MemberCode is null ? string.Empty : " of " + user.MemberCode)}");
        await db.SaveChangesAsync(ct);
        return Outcome.Created(entity.ToView());
    }

    /// <summary>
    /// Checks a password. After <see cref="SignInLockout.MaxFailures"/> failures in a row the account is
    /// locked for <see cref="SignInLockout.Duration"/>, whatever password comes next. A refusal says the
    /// same for a wrong name and a wrong password.
    /// </summary>
    public async Task<Outcome<User>> SignInAsync(string userName, string password, string address, CancellationToken ct = default)
    {
        var name = userName.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, ct);
        var now = Now();
        if (user is null)
        {
            // Spend the same time as a real check, so a failed sign-in does not reveal which names exist.
            PasswordHash.Verify(password, DummyHash.For(options.PasswordHashIterations));
            return Failed(address, name, "unknown user");
        }

        // A locked or disabled account answers as a wrong password does, so a caller cannot learn that an
        // account exists or is locked; the reason is counted for the audit trail.
        if (user.LockedUntilUtc is { } locked && locked > now)
        {
            PasswordHash.Verify(password, user.PasswordHash);
            return Failed(address, name, "account locked");
        }

        if (user.IsDisabled)
        {
            PasswordHash.Verify(password, user.PasswordHash);
            return Failed(address, name, "account disabled");
        }

        if (!PasswordHash.Verify(password, user.PasswordHash))
        {
            // Counted in the database in one statement, so parallel guesses cannot lose increments.
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedSignIns, x => x.FailedSignIns + 1), ct);
            var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.FailedSignIns).FirstAsync(ct);
            if (failures < SignInLockout.MaxFailures)
            {
                return Failed(address, name, "wrong password");
            }

            // Locking is an act with consequences for the account's owner: audited at once, not summed.
            var until = now + SignInLockout.Duration;
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntilUtc, until).SetProperty(x => x.FailedSignIns, 0), ct);
            await audit.RecordAsync(Principal.Anonymous, "user.locked", $"user/{name}", $"{failures} wrong passwords in a row, the last from {address}; locked until {until:yyyy-MM-dd HH:mm} UTC", ct);
            return Failed(address, name, "wrong password");
        }

        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedSignIns, 0).SetProperty(x => x.LockedUntilUtc, (DateTime?)null), ct);
        await audit.RecordAsync(user.ToPrincipal(), "sign-in.succeeded", $"user/{name}", $"from {address}", ct);
        return Outcome.Done(user);
    }

    /// <summary>A sign-in refused before any password was checked (throttled, or fields left empty): counted, not written.</summary>
    public void Refused(string? userName, string address, string reason) =>
        access.Refused(RefusalKind.SignIn, address, Truncate(userName?.Trim() ?? string.Empty), reason);

    /// <summary>The account behind a session, re-read at every request so that a changed role takes effect at once.</summary>
    public Task<User?> FindAsync(string userName, CancellationToken ct = default) => UserByName(db, userName, ct);

    // Who a request acts for is read at every request, by its session or its token: compiled once each.
    private static readonly Func<TruceDb, string, CancellationToken, Task<User?>> UserByName = EF.CompileAsyncQuery(
        (TruceDb db, string userName, CancellationToken ct) => db.Users.AsNoTracking().FirstOrDefault(u => u.UserName == userName));

    private static readonly Func<TruceDb, string, CancellationToken, Task<ApiToken?>> TokenByHash = EF.CompileAsyncQuery(
        (TruceDb db, string hash, CancellationToken ct) => db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefault(t => t.TokenHash == hash));

    /// <summary>Every account, for admins: role, member, whether it is disabled or locked, how many tokens it holds.</summary>
    public async Task<Outcome<IReadOnlyList<AccountView>>> AccountsAsync(Principal by, CancellationToken ct = default)
    {
        if (AdminsOnly(by) is { } refused)
        {
            return refused;
        }

        var now = Now();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.RevokedAtUtc == null && t.ExpiresAtUtc > now).GroupBy(t => t.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Outcome.Done<IReadOnlyList<AccountView>>(users.Select(u => Account(u, tokens.GetValueOrDefault(u.Id))).ToList());
    }

    /// <summary>Disables an account: it cannot sign in, its sessions end and its tokens stop working at once.</summary>
    public Task<Outcome<AccountView>> DisableAsync(Principal by, string userName, CancellationToken ct = default) =>
        ChangeAsync(by, userName, "user.disabled", async (user, errors) =>
        {
            if (user.IsDisabled)
            {
                return "already disabled";
            }

            if (user.UserName == by.Name)
            {
                errors.Add("userName", "You cannot disable your own account; ask another admin.");
            }
            else if (user.Role == Role.Admin && !await OtherActiveAdminsAsync(user.Id, ct))
            {
                errors.Add("userName", $"'{user.UserName}' is the last active admin; make another admin first.");
            }

            user.DisabledAtUtc = Now();
            return "disabled; its sessions and tokens stop at once";
        }, ct);

    /// <summary>Enables a disabled account and lifts a lock after failed sign-ins.</summary>
    public Task<Outcome<AccountView>> EnableAsync(Principal by, string userName, CancellationToken ct = default) =>
        ChangeAsync(by, userName, "user.enabled", (user, _) =>
        {
            var was = user.IsDisabled ? "disabled" : user.LockedUntilUtc > Now() ? "locked" : "active";
            user.DisabledAtUtc = null;
            user.LockedUntilUtc = null;
            user.FailedSignIns = 0;
            return Task.FromResult<string?>($"enabled (was {was})");
        }, ct);

    /// <summary>Sets a new password (by the policy), lifts a lock and ends the account's sessions.</summary>
    public Task<Outcome<AccountView>> ResetPasswordAsync(Principal by, string userName, string password, CancellationToken ct = default) =>
        ChangeAsync(by, userName, "user.password-reset", (user, errors) =>
        {
            if (PasswordPolicy.Check(password, user.UserName) is { } problem)
            {
                errors.Add("password", problem);
            }

            user.PasswordHash = PasswordHash.Create(password, options.PasswordHashIterations);
            user.LockedUntilUtc = null;
            user.FailedSignIns = 0;
            return Task.FromResult<string?>("new password; sessions ended");
        }, ct);

    /// <summary>Ends every session of an account at once (its tokens are revoked one by one, not by this).</summary>
    public Task<Outcome<AccountView>> SignOutEverywhereAsync(Principal by, string userName, CancellationToken ct = default) =>
        ChangeAsync(by, userName, "user.signed-out-everywhere", (_, _) => Task.FromResult<string?>("every session ended"), ct);

    /// <summary>Gives an account another role or member; its sessions end, so the next request reads with the new rights.</summary>
    public Task<Outcome<AccountView>> ChangeRoleAsync(Principal by, string userName, Role role, string? member, CancellationToken ct = default) =>
        ChangeAsync(by, userName, "user.role-changed", async (user, errors) =>
        {
            member = string.IsNullOrWhiteSpace(member) ? null : member.Trim();
            if (role == Role.Liaison && member is null)
            {
                errors.Add("member", "A liaison must belong to a coalition member (e.g. GBR).");
            }
            else if (member is not null && !await MarkingChecks.IsMemberAsync(db, member, ct))
            {
                errors.Add("member", $"'{member}' is not a coalition member.");
            }

            if (user.Role == Role.Admin && role != Role.Admin && !await OtherActiveAdminsAsync(user.Id, ct))
            {
                errors.Add("role", $"'{user.UserName}' is the last active admin; make another admin first.");
            }

            var before = $"{Kebab.Of(user.Role)}{(user.MemberCode is null ? string.Empty : " of " + user.MemberCode)}";
            user.Role = role;
            user.MemberCode = member;
            return $"{before} → {Kebab.Of(role)}{(member is null ? string.Empty : " of " + member)}; sessions ended";
        }, ct);

    /// <summary>
    /// A person signs out: the account gets a new stamp, so the session just left cannot be used again (nor any
    /// other session of the account: a saved cookie is worthless after its owner signed out).
    /// </summary>
    public async Task SignedOutAsync(Principal who, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == who.Name, ct);
        if (user is null)
        {
            return;
        }

        user.SecurityStamp = User.NewSecurityStamp();
        audit.Append(who, "user.signed-out", $"user/{user.UserName}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One change of an account by an admin: <paramref name="change"/> changes it and says what it did (or names
    /// what is wrong in the errors, and nothing is saved); the account gets a new security stamp, so its
    /// sessions end, and the change is audited.
    /// </summary>
    private async Task<Outcome<AccountView>> ChangeAsync(Principal by, string userName, string action, Func<User, ValidationErrors, Task<string?>> change, CancellationToken ct)
    {
        if (AdminsOnly(by) is { } refused)
        {
            return refused;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null)
        {
            return Outcome.NotFound($"No user named '{userName.Trim()}'.");
        }

        var errors = new ValidationErrors();
        var detail = await change(user, errors);
        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid(errors);
        }

        user.SecurityStamp = User.NewSecurityStamp();
        audit.Append(by, action, $"user/{user.UserName}", after: AccountState.Of(user), detail: detail);
        await db.SaveChangesAsync(ct);
        var tokens = await db.ApiTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAtUtc == null && t.ExpiresAtUtc > Now(), ct);
        return Outcome.Done(Account(user, tokens));
    }

    private Task<bool> OtherActiveAdminsAsync(int userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id != userId && u.Role == Role.Admin && u.DisabledAtUtc == null, ct);

    private static AccountView Account(User u, int tokens) =>
        new(u.UserName, u.DisplayName, Kebab.Of(u.Role), u.MemberCode, Utc(u.CreatedAtUtc), u.DisabledAtUtc is { } d ? Utc(d) : null, u.LockedUntilUtc is { } l ? Utc(l) : null, tokens);

    /// <summary>Creates a token and returns its secret, which is not stored and cannot be shown again.</summary>
    public async Task<Outcome<NewToken>> CreateTokenAsync(Principal by, string userName, string tokenName, TimeSpan lifetime, IReadOnlyCollection<string> scopes, CancellationToken ct = default)
    {
        if (AdminsOnly(by) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            errors.Add("user", $"No user named '{userName}'.");
        }

        var unknown = scopes.Where(s => !TokenScopes.Known.Contains(s)).ToList();
        if (unknown.Count > 0 || scopes.Count == 0)
        {
            errors.Add("scopes", $"{(unknown.Count > 0 ? $"Unknown scope '{string.Join(", ", unknown)}'; expected" : "Expected")} one or more of {string.Join(", ", TokenScopes.Known)}.");
        }

        if (TextRules.Read(tokenName, 100, errors, "name") is null && !errors.Has("name"))
        {
            errors.Add("name", "Required: what the token is for, at most 100 characters.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(3650))
        {
            errors.Add("expiresInDays", $"Between 1 and 3,650 days; got {lifetime.TotalDays:0.#}.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var secret = ApiToken.NewSecret();
        var now = Now();
        var token = new ApiToken
        {
            UserId = user!.Id,
            Name = tokenName.Trim(),
            TokenHash = ApiToken.HashOf(secret),
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal)),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + lifetime,
        };

        // The token and its audit entry are saved together: no token exists without its record.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Append(by, "token.created", $"token/{token.Id}", after: AccountState.Of(token, user.UserName), detail: $"'{token.Name}' for {userName}, scopes {token.Scopes}, expires {token.ExpiresAtUtc:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome.Created(new NewToken(secret, View(token, user.UserName)));
    }

    public async Task<Outcome<IReadOnlyList<TokenView>>> TokensAsync(Principal by, string? userName, CancellationToken ct = default)
    {
        if (AdminsOnly(by) is { } refused)
        {
            return refused;
        }

        var tokens = db.ApiTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (userName is not null)
        {
            tokens = tokens.Where(t => t.User!.UserName == userName);
        }

        return Outcome.Done<IReadOnlyList<TokenView>>((await tokens.OrderBy(t => t.Id).ToListAsync(ct)).Select(t => View(t, t.User!.UserName)).ToList());
    }

    /// <summary>Revokes a token at once: its next request is refused.</summary>
    public async Task<Outcome<TokenView>> RevokeTokenAsync(Principal by, int id, CancellationToken ct = default)
    {
        if (AdminsOnly(by) is { } refused)
        {
            return refused;
        }

        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Id == id && t.RevokedAtUtc == null, ct);
        if (token is null)
        {
            return Outcome.NotFound($"No active token {id}.");
        }

        token.RevokedAtUtc = Now();
        audit.Append(by, "token.revoked", $"token/{id}", after: AccountState.Of(token, token.User!.UserName), detail: $"'{token.Name}'");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(View(token, token.User!.UserName));
    }

    /// <summary>
    /// The holder of a token, if it exists, is not revoked and has not expired: looked up at every request,
    /// so a revocation or a change of role takes effect at once. Reads only: the use is counted by the
    /// access log, which records the first in each window.
    /// </summary>
    public async Task<Outcome<TokenHolder>> AuthenticateTokenAsync(string secret, string request, string address, CancellationToken ct = default)
    {
        var token = await TokenByHash(db, ApiToken.HashOf(secret), ct);
        if (token is null || !token.IsUsableAt(Now()) || token.User!.IsDisabled)
        {
            var reason = token is null ? "unknown" : token.User!.IsDisabled ? "of a disabled account" : token.RevokedAtUtc is null ? "expired" : "revoked";
            access.Refused(RefusalKind.Token, address, Truncate(request), reason);
            return Outcome.Refused($"The bearer token is {reason}.");
        }

        access.TokenUsed(token.Id, token.User!.ToPrincipal(), token.LastUsedAtUtc, Truncate(request));
        return Outcome.Done(new TokenHolder(token.User!, token.Id, token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    private Outcome.Refusal Failed(string address, string name, string reason)
    {
        access.Refused(RefusalKind.SignIn, address, Truncate(name), reason);
        return Outcome.Refused("That user name and password do not match an account.");
    }

    private static Outcome.Refusal? AdminsOnly(Principal by) =>
        AllowedRoles.Administer.Check(by, "manage accounts and tokens");

    private static TokenView View(ApiToken t, string user) =>
        new(t.Id, t.Name, user, t.Scopes, Utc(t.CreatedAtUtc), Utc(t.ExpiresAtUtc), Utc(t.RevokedAtUtc), Utc(t.LastUsedAtUtc));

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private static string Truncate(string text) => text.Length <= 150 ? text : text[..150];

    // A hash made as real accounts' hashes are (the same rounds), so checking it costs what a real check costs.
    private static class DummyHash
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> ByRounds = new();

        public static string For(int rounds) => ByRounds.GetOrAdd(rounds, r => PasswordHash.Create("not-a-real-password", r));
    }
}
