namespace Truce.Core.Common;

/// <summary>
/// Where a fact was reported: the page, who published it, when, and the speaker's own words if the
/// fact rests on a quote. Many URLs are wire-story mirrors, so a citation reads as "reported by".
/// </summary>
public sealed class Citation
{
    public required string Url { get; set; }

    public string? Publisher { get; set; }

    public DateOnly? Date { get; set; }

    public string? Quote { get; set; }
}

/// <summary>A source as a client sends it; <see cref="CitationRules"/> checks it.</summary>
public sealed class CitationInput
{
    public string? Url { get; set; }

    public string? Publisher { get; set; }

    public DateOnly? Date { get; set; }

    public string? Quote { get; set; }
}
