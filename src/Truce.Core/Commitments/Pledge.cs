using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

/// <summary>
/// One member's offer of help, as it stands now. Every change raises <see cref="Version"/> and appends a
/// <see cref="PledgeRevision"/>; the current row is the latest version, the revisions are the history.
/// </summary>
/// <remarks>
/// Money is held in whole minor units (pence, cents) because SQLite cannot order decimals, and a ledger
/// must never round silently.
/// </remarks>
public sealed class Pledge : IMarked
{
    /// <summary>Who may read the pledge; COALITION unless the member keeps it NATIONAL or REL TO a few.</summary>
    public Marking Marking { get; set; } = Marking.Coalition();

    public int Id { get; set; }

    /// <summary>A stable name from the scenario files, so a reload finds the same pledge; null for pledges entered by hand.</summary>
    public string? Key { get; set; }

    public required string MemberCode { get; set; }

    public required string Title { get; set; }

    public PledgeCategory Category { get; set; }

    public string? Capability { get; set; }

    /// <summary>The catalogue capability the pledge offers to planning; its quantity counts in that capability's measure.</summary>
    public string? CapabilityCode { get; set; }

    /// <summary>The size of one indivisible unit in the measure (a battalion of 700 troops); null when divisible.</summary>
    public long? UnitSize { get; set; }

    public long? Quantity { get; set; }

    public string? Unit { get; set; }

    /// <summary>"Up to 1,000 troops": the quantity is a ceiling, so the pledge is divisible.</summary>
    public bool QuantityIsUpTo { get; set; }

    public long? ValueMinor { get; set; }

    public string? Currency { get; set; }

    public long? ValueEurMinor { get; set; }

    public DateOnly? FxDate { get; set; }

    public PledgeStage Stage { get; set; }

    /// <summary>Days from a decision to deploy until the capability is in place.</summary>
    public int? ReadinessDays { get; set; }

    public DateOnly? AnnouncedOn { get; set; }

    public List<PledgeCondition> Conditions { get; set; } = [];

    public List<string> Caveats { get; set; } = [];

    public List<Citation> Sources { get; set; } = [];

    public Confidence Confidence { get; set; }

    /// <summary>Fields whose values no source gives: assumptions made for the demo or for planning.</summary>
    public List<string> Illustrative { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public required string UpdatedBy { get; set; }

    public bool HasCondition(ConditionKind kind) => Conditions.Exists(c => c.Kind == kind);
}
