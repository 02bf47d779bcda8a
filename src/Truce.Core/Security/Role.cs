namespace Truce.Core.Security;

/// <summary>What a person may do. </summary>
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

    /// <summary>Submits observations (a monitor in the field, or a sensor feed's account); reads what they may see.</summary>
    Monitor,

    /// <summary>Decides what is verified: confirms or disputes a corroborated incident, reopens a closed one; reads what they may see.</summary>
    Verifier,
}
