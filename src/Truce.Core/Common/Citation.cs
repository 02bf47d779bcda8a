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

    /// <summary>A document Truce keeps, when the fact rests on one of its statements (<see cref="Start"/>–<see cref="End"/> is the statement's span in its body).</summary>
    public long? DocumentId { get; set; }

    public int? Start { get; set; }

    public int? End { get; set; }

    /// <summary>
    /// The address of a document without one of its own: its body's SHA-256 as a named-information URI (RFC 6920),
    /// so a citation always names the exact text it rests on.
    /// </summary>
    public static string NamedInformation(string sha256Hex) =>
        "ni:///sha-256;" + Convert.ToBase64String(Convert.FromHexString(sha256Hex)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A source as a client sends it; <see cref="CitationRules"/> checks it.</summary>
public sealed class CitationInput
{
    public string? Url { get; set; }

    public string? Publisher { get; set; }

    public DateOnly? Date { get; set; }

    public string? Quote { get; set; }

    public long? DocumentId { get; set; }

    public int? Start { get; set; }

    public int? End { get; set; }
}
