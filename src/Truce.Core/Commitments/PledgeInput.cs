using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

/// <summary>
/// A pledge as a client writes it, from the API, a form or the CLI. Enumerations arrive as words so that a
/// wrong one is reported against its field rather than failing the whole request.
/// </summary>
public sealed class PledgeInput
{
    public string? Member { get; set; }

    public string? Title { get; set; }

    public string? Category { get; set; }

    public string? Capability { get; set; }

    /// <summary>The catalogue capability offered to planning, e.g. infantry, frigate (see /api/v1/planning/capabilities).</summary>
    public string? CapabilityCode { get; set; }

    /// <summary>For a pledge of indivisible units: the size of one unit in the capability's measure.</summary>
    public long? UnitSize { get; set; }

    public long? Quantity { get; set; }

    public string? Unit { get; set; }

    public bool QuantityIsUpTo { get; set; }

    public MoneyInput? Value { get; set; }

    public string? Stage { get; set; }

    public int? ReadinessDays { get; set; }

    public DateOnly? AnnouncedOn { get; set; }

    public List<ConditionInput>? Conditions { get; set; }

    public List<string>? Caveats { get; set; }

    public List<CitationInput>? Sources { get; set; }

    public string? Confidence { get; set; }

    public List<string>? Illustrative { get; set; }

    /// <summary>Who may read the pledge (default COALITION). Set when entering a pledge; changed later only by a release.</summary>
    public MarkingInput? Marking { get; set; }

    /// <summary>Why the pledge is being entered or changed; it goes into the history.</summary>
    public string? Reason { get; set; }
}

public sealed class MoneyInput
{
    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>The value in euros at <see cref="FxDate"/>; for EUR amounts it is the amount itself.</summary>
    public decimal? Eur { get; set; }

    public DateOnly? FxDate { get; set; }
}

public sealed class ConditionInput
{
    public string? Kind { get; set; }

    public string? Note { get; set; }
}
