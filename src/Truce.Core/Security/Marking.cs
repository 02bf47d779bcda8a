namespace Truce.Core.Security;

/// <summary>Who may read a record, from widest to narrowest.</summary>
public enum MarkingLevel
{
    /// <summary>Anyone, signed in or not: the public transparency page.</summary>
    Public,

    /// <summary>Every signed-in member of the coalition.</summary>
    Coalition,

    /// <summary>Only the members listed (and admins).</summary>
    RelTo,

    /// <summary>Only the owning member (and admins), e.g. a pledge before its parliament has voted.</summary>
    National,
}

/// <summary>
/// A releasability marking, carried by every record a person can read and enforced where data is read
/// (the storage layer's query filters), so no page, endpoint or command can forget it.
/// </summary>
/// <remarks>
/// <see cref="RelToList"/> is stored delimited as <c>|GBR|FRA|</c> so that a database can test membership
/// with a plain <c>LIKE '%|GBR|%'</c> on any provider.
/// </remarks>
public sealed class Marking
{
    public MarkingLevel Level { get; set; } = MarkingLevel.Coalition;

    /// <summary>The members a REL TO record is released to, delimited <c>|GBR|FRA|</c>; empty otherwise.</summary>
    public string RelToList { get; set; } = string.Empty;

    /// <summary>The member that owns a NATIONAL record; null otherwise.</summary>
    public string? Owner { get; set; }

    public static Marking Coalition() => new();

    public IReadOnlyList<string> RelTo => RelToList.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string Token(string member) => $"|{member}|";

    public static Marking Of(MarkingLevel level, IEnumerable<string>? relTo = null, string? owner = null) => new()
    {
        Level = level,
        RelToList = level == MarkingLevel.RelTo && relTo is not null ? "|" + string.Join('|', relTo.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + "|" : string.Empty,
        Owner = level == MarkingLevel.National ? owner : null,
    };

    /// <summary>The same marking as a new instance, for a record that takes its marking from another (a provision from its agreement).</summary>
    public Marking Copy() => new() { Level = Level, RelToList = RelToList, Owner = Owner };

    public bool SameAs(Marking other) => Level == other.Level && RelToList == other.RelToList && Owner == other.Owner;

    /// <summary>As people write it: PUBLIC, COALITION, REL TO GBR, FRA, NATIONAL GBR.</summary>
    public override string ToString() => Level switch
    {
        MarkingLevel.Public => "PUBLIC",
        MarkingLevel.Coalition => "COALITION",
        MarkingLevel.RelTo => "REL TO " + string.Join(", ", RelTo),
        _ => "NATIONAL " + Owner,
    };
}
