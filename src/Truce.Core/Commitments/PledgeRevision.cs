using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

/// <summary>
/// One entry of a pledge's append-only history: the version it produced, who made it, when, why, and
/// what changed. Revisions are never updated or deleted.
/// </summary>
public sealed class PledgeRevision : IAppendOnly
{
    public long Id { get; set; }

    public int PledgeId { get; set; }

    public int Version { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    public required string ChangedBy { get; set; }

    public required string Reason { get; set; }

    /// <summary>The changed fields as JSON (<see cref="FieldChange"/> list).</summary>
    public required string ChangesJson { get; set; }

    /// <summary>The whole pledge after this change, as JSON, so any version can be shown as it was.</summary>
    public required string SnapshotJson { get; set; }
}

public sealed record FieldChange(string Field, string? Before, string? After);
