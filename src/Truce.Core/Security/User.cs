using System.Security.Cryptography;
using System.Text;

namespace Truce.Core.Security;

/// <summary>A local account. A liaison belongs to one member and speaks for it alone.</summary>
public sealed class User
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    public string? DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public Role Role { get; set; }

    public string? MemberCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Failed sign-ins since the last success; reaching <see cref="SignInLockout.MaxFailures"/> locks the account.</summary>
    public int FailedSignIns { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public Principal ToPrincipal() => new(UserName, Role, MemberCode);
}

/// <summary>
/// A bearer token for machine access to the API. Only its SHA-256 is stored: the token itself is shown
/// once, when it is created. A plain hash suffices (no salt, no stretching) because the token is 256
/// random bits, not something a person chose.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "truce_";

    public int Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    /// <summary>What the token may do, space-separated: <c>read</c>, <c>pledges:write</c>, <c>ingest</c>.</summary>
    public string Scopes { get; set; } = TokenScopes.Read;

    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsableAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);
}

/// <summary>What an API token may be used for. A token never exceeds its user's role; scopes only narrow it.</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string WritePledges = "pledges:write";
    public const string WritePlanning = "planning:write";
    public const string Ingest = "ingest";

    /// <summary>What a cookie (a person at a browser) carries: everything the role allows.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known = [Read, WritePledges, WritePlanning, Ingest];
}

/// <summary>Locking an account after repeated failed sign-ins, so a password cannot be guessed online.</summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
