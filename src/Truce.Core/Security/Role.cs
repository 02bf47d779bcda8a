namespace Truce.Core.Security;

/// <summary>What a person may do. Later capabilities add monitor and analyst.</summary>
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
}
