using System.Security.Cryptography;
using System.Text;

namespace Truce.Core.Security;

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
