namespace Truce.Core.Security;

// The shapes accounts, tokens and the audit trail are read in, by the API, the pages and the CLI.

public sealed record UserView(string UserName, string? DisplayName, string Role, string? Member);

/// <summary>An account as admins manage it: whether it may sign in, and why not.</summary>
public sealed record AccountView(string UserName, string? DisplayName, string Role, string? Member, DateTime CreatedAt, DateTime? DisabledAt, DateTime? LockedUntil, int ActiveTokens)
{
    public string State(DateTime now) => DisabledAt is not null ? "disabled" : LockedUntil > now ? $"locked until {LockedUntil:HH:mm} UTC" : "active";
}

public sealed record TokenView(int Id, string Name, string User, string Scopes, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>A token just made: its secret, shown this once and stored only as a hash, and what it is.</summary>
public sealed record NewToken(string Secret, TokenView Token);

public sealed record AuditEntryView(long Seq, DateTime At, string Actor, string Action, string Target, string? Detail, string? BeforeHash, string? AfterHash, string Hash)
{
    public static AuditEntryView From(AuditEntry e) =>
        new(e.Seq, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), e.Actor, e.Action, e.Target, e.Detail, e.BeforeHash, e.AfterHash, e.Hash);
}

/// <summary>
/// What verifying the audit trail found: all entries intact (and the anchor they were checked against), the
/// first broken link, or records that differ from their audited history.
/// </summary>
public sealed record AuditVerification(long Entries, long? BrokenAt, string? Problem, long? AnchoredAt = null)
{
    public bool Intact => BrokenAt is null && Problem is null;
}
