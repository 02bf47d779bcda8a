using Truce.Core.Security;

namespace Truce.Core.Planning;

/// <summary>A requirement line as clients write it (API, demo data). On a change, fields left out keep their value.</summary>
public sealed class RequirementInput
{
    public string? Code { get; set; }

    public string? Capability { get; set; }

    public long? Quantity { get; set; }

    public string? Sector { get; set; }

    public DateOnly? WindowStart { get; set; }

    public DateOnly? WindowEnd { get; set; }

    public int? Priority { get; set; }

    public string? Note { get; set; }

    public MarkingInput? Marking { get; set; }
}
