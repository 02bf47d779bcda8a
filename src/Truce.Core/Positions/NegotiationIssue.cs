using Truce.Core.Security;

namespace Truce.Core.Positions;

/// <summary>How the parties' answers to an issue are written: one of a list of options, or a number in a range.</summary>
public enum IssueKind
{
    /// <summary>Discrete, ordered options (NATO membership: full membership … constitutional ban); a position accepts a set of them.</summary>
    Options,

    /// <summary>A number in a unit within a domain (army size in troops, 0 to 2,000,000); a position accepts a closed range of it.</summary>
    Range,
}

/// <summary>
/// A question a settlement must answer (territory, NATO membership, army size, foreign troops in Ukraine …), with
/// the answers a position may give and the parties whose agreement it needs. Invariants (kept by
/// <see cref="IssueRules"/>): an options issue has at least two options with distinct codes and no unit or domain; a
/// range issue has a unit and a domain <see cref="Minimum"/> &lt; <see cref="Maximum"/> and no options.
/// </summary>
public sealed class NegotiationIssue : IMarked
{
    /// <summary>A kebab-case key, e.g. <c>foreign-troops</c>.</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public IssueKind Kind { get; set; }

    /// <summary>The options in the order people read them (usually from one side's demand to the other's); empty for a range issue.</summary>
    public List<IssueOption> Options { get; set; } = [];

    /// <summary>What a range issue counts (<c>troops</c>); null for an options issue.</summary>
    public string? Unit { get; set; }

    /// <summary>The smallest value a range issue's positions may name; null for an options issue.</summary>
    public long? Minimum { get; set; }

    /// <summary>The largest value a range issue's positions may name; null for an options issue.</summary>
    public long? Maximum { get; set; }

    /// <summary>
    /// The actor codes whose agreement the issue needs, in the order the matrix shows them. A party outside
    /// this list may still hold a position (the coalition on NATO membership: "not a coalition decision"); it
    /// does not narrow the zone of agreement.
    /// </summary>
    public List<string> Parties { get; set; } = [];

    public Marking Marking { get; set; } = Marking.Coalition();

    /// <summary>The option with <paramref name="code"/>, or null.</summary>
    public IssueOption? Option(string code) => Options.Find(o => o.Code == code);
}

/// <summary>One answer to an options issue: a kebab code and the words a sentence uses ("no foreign troops").</summary>
public sealed class IssueOption
{
    public required string Code { get; set; }

    public required string Words { get; set; }
}
