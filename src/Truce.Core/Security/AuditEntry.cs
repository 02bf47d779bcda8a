using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Truce.Core.Security;

/// <summary>
/// One entry of the audit trail: who did what to which record, when, with hashes of the record before
/// and after. Entries are numbered without gaps and hash-chained: each <see cref="Hash"/> covers the entry's
/// contents and the previous entry's hash, so changing, removing or inserting an entry breaks the chain
/// from that point on.
/// </summary>
public sealed class AuditEntry : IAppendOnly
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public long Id { get; set; }

    /// <summary>1, 2, 3, … with no gaps; unique in the database, so two writers cannot both append entry N.</summary>
    public long Seq { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Actor { get; set; }

    /// <summary>What happened, e.g. <c>pledge.changed</c>, <c>sign-in.failed</c>, <c>token.used</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The record it happened to, e.g. <c>pledge/12</c>, <c>user/alice</c>.</summary>
    public required string Target { get; set; }

    public string? BeforeHash { get; set; }

    public string? AfterHash { get; set; }

    public string? Detail { get; set; }

    public string PreviousHash { get; set; } = Genesis;

    public string Hash { get; set; } = string.Empty;

    /// <summary>The order entries were appended in within one save; not stored.</summary>
    public long PendingOrder { get; set; }

    /// <summary>
    /// The entry's hash over its fields and the previous hash, encoded as a JSON array so that no choice of
    /// field values can make two different entries read alike: HMAC-SHA256 with the audit key, so that nobody
    /// without the key can compute a forged entry's hash, or plain SHA-256 for entries made before there was a key.
    /// </summary>
    public string ComputeHash(byte[]? key)
    {
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            Seq, AtUtc.Ticks, Actor, Action, Target, BeforeHash, AfterHash, Detail, PreviousHash,
        }));
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(payload) : HMACSHA256.HashData(key, payload));
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
