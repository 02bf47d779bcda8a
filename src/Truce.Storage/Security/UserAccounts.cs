using Microsoft.EntityFrameworkCore;
using Truce.Core.Security;

namespace Truce.Storage.Security;

public sealed record NewUser(string UserName, Role Role, string? MemberCode, string Password, string? DisplayName = null);

public sealed record TokenView(int Id, string Name, string User, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>How new passwords are hashed. Tests lower the iteration count to keep sign-ins fast.</summary>
public sealed record AccountOptions(int PasswordHashIterations = PasswordHash.DefaultIterations);

/// <summary>Local accounts and API tokens.</summary>
public sealed class UserAccounts(TruceDb db, TimeProvider clock, AccountOptions options)
{

    public Task<bool> AnyAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    /// <summary>Creates an account, or returns why not (the field and what was expected).</summary>
    public async Task<(User? User, string? Field, string? Error)> CreateAsync(NewUser user, CancellationToken ct = default)
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

        if (user.MemberCode is { } code && !await db.Members.AnyAsync(m => m.ActorCode == code, ct))
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
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(entity);
        await db.SaveChangesAsync(ct);
        return (entity, null, null);
    }

    public async Task<User?> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null)
        {
            // Spend the same time as a real check, so a failed sign-in does not reveal which names exist.
            PasswordHash.Verify(password, DummyHash.Value);
            return null;
        }

        return PasswordHash.Verify(password, user.PasswordHash) ? user : null;
    }

    public Task<User?> FindAsync(string userName, CancellationToken ct = default) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);

    /// <summary>Creates a token and returns its secret, which is not stored and cannot be shown again.</summary>
    public async Task<(string? Secret, string? Error)> CreateTokenAsync(string userName, string tokenName, TimeSpan? lifetime, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            return (null, $"No user named '{userName}'.");
        }

        var secret = ApiToken.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = tokenName,
            TokenHash = ApiToken.HashOf(secret),
            CreatedAtUtc = now,
            ExpiresAtUtc = lifetime is { } l ? now + l : null,
        });
        await db.SaveChangesAsync(ct);
        return (secret, null);
    }

    /// <summary>The user behind a bearer token, if the token exists, is not revoked and has not expired.</summary>
    public async Task<User?> UserForTokenAsync(string secret, CancellationToken ct = default)
    {
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsUsableAt(now))
        {
            return null;
        }

        token.LastUsedAtUtc = now;
        await db.SaveChangesAsync(ct);
        return token.User;
    }

    private static class DummyHash
    {
        public static readonly string Value = PasswordHash.Create("not-a-real-password", PasswordHash.DefaultIterations);
    }
}
