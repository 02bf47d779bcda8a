using Truce.Core.Security;

namespace Truce.Core.Coalition;

public enum ActorKind
{
    State,
    Organisation,
    Person,
}

/// <summary>
/// Anyone who pledges, meets, speaks or negotiates: a state, an organisation or a person. The code is
/// stable and human-readable (ISO 3166-1 alpha-3 for states, kebab-case otherwise) because analysts
/// type it in filters and the CLI.
/// </summary>
public sealed class Actor : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public required string Code { get; set; }

    public ActorKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Other names the actor goes by in reports (transliterations, short forms).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Offices a person holds or held; empty for states and organisations.</summary>
    public List<ActorRole> Roles { get; set; } = [];
}

/// <summary>An office held by a person in another actor, e.g. Prime Minister of GBR.</summary>
public sealed class ActorRole
{
    public required string Title { get; set; }

    public required string OfCode { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}
