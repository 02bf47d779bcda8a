namespace Truce.Core.Security;

/// <summary>What a person may do. Later capabilities add monitor.</summary>
public enum Role
{
    /// <summary>Reads everything they may see; changes nothing.</summary>
    Viewer,

    /// <summary>Enters and updates the pledges of their own member only.</summary>
    Liaison,

    /// <summary>Edits any pledge and builds plans.</summary>
    Planner,

    /// <summary>Everything, including users and tokens.</summary>
    Admin,

    /// <summary>Records agreements and the geography they act on (layers, lines, areas); reads everything they may see.</summary>
    Analyst,
}
