
namespace Truce.Core.Security;

/// <summary>A marking as a client writes it: <c>{"level": "rel-to", "relTo": ["GBR", "FRA"]}</c>.</summary>
public sealed class MarkingInput
{
    public string? Level { get; set; }

    public List<string>? RelTo { get; set; }
}
