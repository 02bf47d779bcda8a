using Truce.Core.Common;
using Truce.Core.Commitments;

namespace Truce.Core.Tests;

/// <summary>A valid pledge input to start from; each test changes only what it is about.</summary>
public static class PledgeBuilder
{
    public static PledgeInput Valid() => new()
    {
        Member = "GBR",
        Title = "Air policing flight",
        Category = "air",
        Capability = "air policing",
        Quantity = 4,
        Unit = "aircraft",
        Stage = "announced",
        ReadinessDays = 30,
        Conditions = [new ConditionInput { Kind = "after-ceasefire" }, new ConditionInput { Kind = "us-backstop", Note = "as stated" }],
        Caveats = ["Not over the front line"],
        Sources = [new CitationInput { Url = "https://example.org/statement", Publisher = "Example", Date = new DateOnly(2025, 3, 15) }],
        Confidence = "high",
        Reason = "Announced at the meeting",
    };
}
