using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Positions;

/// <summary>A negotiation issue as a client or the demo file writes it; <see cref="IssueRules"/> checks it.</summary>
public sealed class IssueInput
{
    public string? Code { get; set; }

    public string? Title { get; set; }

    /// <summary><c>options</c> or <c>range</c>.</summary>
    public string? Kind { get; set; }

    public List<OptionInput?>? Options { get; set; }

    public string? Unit { get; set; }

    public long? Minimum { get; set; }

    public long? Maximum { get; set; }

    public List<string?>? Parties { get; set; }

    public MarkingInput? Marking { get; set; }
}

public sealed class OptionInput
{
    public string? Code { get; set; }

    public string? Words { get; set; }
}

/// <summary>A position as a client or the demo file writes it; <see cref="PositionRules"/> checks it against its issue.</summary>
public sealed class PositionInput
{
    public string? Party { get; set; }

    public string? Issue { get; set; }

    public DateOnly? AsOf { get; set; }

    public string? Stance { get; set; }

    /// <summary>An options issue: the preferred option's code.</summary>
    public string? Preferred { get; set; }

    /// <summary>An options issue: the codes of the options the party would accept.</summary>
    public List<string?>? Acceptable { get; set; }

    /// <summary>An options issue: the codes of the options the party refuses outright.</summary>
    public List<string?>? RedLine { get; set; }

    /// <summary>A range issue: the preferred value.</summary>
    public long? PreferredValue { get; set; }

    /// <summary>A range issue: the closed range the party would accept.</summary>
    public RangeInput? Range { get; set; }

    /// <summary>A range issue's red line: anything below is refused.</summary>
    public long? RefusesBelow { get; set; }

    /// <summary>A range issue's red line: anything above is refused.</summary>
    public long? RefusesAbove { get; set; }

    public List<CitationInput?>? Sources { get; set; }

    public List<string?>? Illustrative { get; set; }

    public MarkingInput? Marking { get; set; }
}

/// <summary>A closed range; a missing end is the issue's domain bound.</summary>
public sealed class RangeInput
{
    public long? Low { get; set; }

    public long? High { get; set; }
}

/// <summary>A file of issues and positions (<c>data/demo/positions.json</c>).</summary>
public sealed class PositionsFileInput
{
    public List<IssueInput?>? Issues { get; set; }

    public List<PositionInput?>? Positions { get; set; }
}
