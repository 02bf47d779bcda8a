using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Security;

public sealed record NewUser(string UserName, Role Role, string? MemberCode, string Password, string? DisplayName = null);

public sealed record TokenView(int Id, string Name, string User, string Scopes, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>How new passwords are hashed. Tests lower the iteration count to keep sign-ins fast.</summary>
public sealed record AccountOptions(int PasswordHashIterations = PasswordHash.DefaultIterations);

/// <summary>What a sign-in came to: the user, or why not (the same words for a wrong name and a wrong password).</summary>
public sealed record SignInOutcome(User? User, DateTime? LockedUntilUtc)
{
    public bool Locked => LockedUntilUtc is not null;
}

/// <summary>
/// Local accounts and API tokens. Every change here, every sign-in (succeeded or failed) and every use of
/// a token is written to the audit trail.
/// </summary>
public sealed class UserAccounts(TruceDb db, TimeProvider clock, AccountOptions options, AuditTrail audit)
{
    public Task<bool> AnyAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    /// <summary>Creates an account, or returns why not (the field and what was expected).</summary>
    public async Task<(User? User, string? Field, string? Error)> CreateAsync(NewUser user, Principal by, CancellationToken ct = default)
    {
        var name = user.UserName.Trim();
        if (name.Length is < 2 or > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            return (null, "userName", "Expected 2–100 characters: letters, digits, '.', '-', '_' or '@'.");
        }

        if (await db.Users.AnyAsync(u => u.UserName == name, ct))
        {
            return (null, "userName", $"A user named '{name}' already exists.");
        }

        if (user.Role == Role.Liaison && string.IsNullOrWhiteSpace(user.MemberCode))
        {
            return (null, "member", "A liaison must belong to a coalition member (e.g. --member GBR).");
        }

        if (user.MemberCode is { } code && !await db.Members.IgnoreQueryFilters().AnyAsync(m => m.ActorCode == code, ct))
        {
            return (null, "member", $"'{code}' is not a coalition member.");
        }

        if (PasswordPolicy.Check(user.Password, name) is { } problem)
        {
            return (null, "password", problem);
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
        audit.Append(by, "user.created", $"user/{name}", detail: $"{Kebab.Of(user.Role)}{(user.MemberCode is null ? string.Empty : " of " + user.MemberCode)}");
        await db.SaveChangesAsync(ct);
        return (entity, null, null);
    }

    /// <summary>
    /// Checks a password. After <see cref="SignInLockout.MaxFailures"/> failures in a row the account is
    /// locked for <see cref="SignInLockout.Duration"/>, whatever password comes next.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        var name = userName.Trim();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        var now = Now();
        if (user is null)
        {
            // Spend the same time as a real check, so a failed sign-in does not reveal which names exist.
            PasswordHash.Verify(password, DummyHash.Value);
            await audit.RecordAsync(Principal.Anonymous, "sign-in.failed", $"user/{Truncate(name)}", "unknown user", ct);
            return new SignInOutcome(null, null);
        }

        if (user.LockedUntilUtc is { } locked && locked > now)
        {
            await audit.RecordAsync(Principal.Anonymous, "sign-in.failed", $"user/{name}", "account locked", ct);
            return new SignInOutcome(null, locked);
        }

        if (!PasswordHash.Verify(password, user.PasswordHash))
        {
            // Counted in the database in one statement, so parallel guesses cannot lose increments.
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedSignIns, x => x.FailedSignIns + 1), ct);
            var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.FailedSignIns).FirstAsync(ct);
            var detail = $"wrong password ({failures} in a row)";
            DateTime? lockedUntil = null;
            if (failures >= SignInLockout.MaxFailures)
            {
                lockedUntil = now + SignInLockout.Duration;
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockedUntilUtc, lockedUntil).SetProperty(x => x.FailedSignIns, 0), ct);
                detail += $"; locked until {lockedUntil:yyyy-MM-dd HH:mm} UTC";
            }

            db.Entry(user).State = EntityState.Detached;
            await audit.RecordAsync(Principal.Anonymous, "sign-in.failed", $"user/{name}", detail, ct);
            return new SignInOutcome(null, lockedUntil);
        }

        user.FailedSignIns = 0;
        user.LockedUntilUtc = null;
        audit.Append(user.ToPrincipal(), "sign-in.succeeded", $"user/{name}");
        await db.SaveChangesAsync(ct);
        return new SignInOutcome(user, null);
    }

    /// <summary>Records a sign-in refused before any password was checked (throttled, or fields left empty).</summary>
    public Task RefusedAsync(string? userName, string reason, CancellationToken ct = default) =>
        audit.RecordAsync(Principal.Anonymous, "sign-in.failed", $"user/{Truncate(userName?.Trim() ?? string.Empty)}", reason, ct);

    public Task<User?> FindAsync(string userName, CancellationToken ct = default) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);

    /// <summary>Creates a token and returns its secret, which is not stored and cannot be shown again.</summary>
    public async Task<(string? Secret, string? Error)> CreateTokenAsync(string userName, string tokenName, TimeSpan lifetime, IReadOnlyCollection<string> scopes, Principal by, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return (null, $"No user named '{userName}'.");
        }

        var unknown = scopes.Where(s => !TokenScopes.Known.Contains(s)).ToList();
        if (unknown.Count > 0 || scopes.Count == 0)
        {
            return (null, $"Unknown scope '{string.Join(", ", unknown)}'; expected one or more of {string.Join(", ", TokenScopes.Known)}.");
        }

        var secret = ApiToken.NewSecret();
        var now = Now();
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = tokenName,
            TokenHash = ApiToken.HashOf(secret),
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal)),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + lifetime,
        };
        // The token and its audit entry are saved together: no token exists without its record.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Append(by, "token.created", $"token/{token.Id}", detail: $"'{tokenName}' for {userName}, scopes {token.Scopes}, expires {token.ExpiresAtUtc:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (secret, null);
    }

    public async Task<IReadOnlyList<TokenView>> TokensAsync(string? userName, CancellationToken ct = default)
    {
        var tokens = db.ApiTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (userName is not null)
        {
            tokens = tokens.Where(t => t.User!.UserName == userName);
        }

        return (await tokens.OrderBy(t => t.Id).ToListAsync(ct))
            .Select(t => new TokenView(t.Id, t.Name, t.User!.UserName, t.Scopes, Utc(t.CreatedAtUtc), Utc(t.ExpiresAtUtc), Utc(t.RevokedAtUtc), Utc(t.LastUsedAtUtc)))
            .ToList();
    }

    /// <summary>Revokes a token at once; false when there is no such token or it was revoked already.</summary>
    public async Task<bool> RevokeTokenAsync(int id, Principal by, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.RevokedAtUtc == null, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAtUtc = Now();
        audit.Append(by, "token.revoked", $"token/{id}", detail: $"'{token.Name}'");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The token and its user, if the token exists, is not revoked and has not expired. Each use is audited.</summary>
    public async Task<(User User, ApiToken Token)?> UseTokenAsync(string secret, string request, CancellationToken ct = default)
    {
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = Now();
        if (token is null || !token.IsUsableAt(now))
        {
            await audit.RecordAsync(Principal.Anonymous, "token.refused", token is null ? "token/unknown" : $"token/{token.Id}", $"{(token is null ? "unknown" : token.RevokedAtUtc is null ? "expired" : "revoked")}: {Truncate(request)}", ct);
            return null;
        }

        token.LastUsedAtUtc = now;
        audit.Append(token.User!.ToPrincipal(), "token.used", $"token/{token.Id}", detail: Truncate(request));
        await db.SaveChangesAsync(ct);
        return (token.User!, token);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private static string Truncate(string text) => text.Length <= 150 ? text : text[..150];

    private static class DummyHash
    {
        public static readonly string Value = PasswordHash.Create("not-a-real-password", PasswordHash.DefaultIterations);
    }
}
