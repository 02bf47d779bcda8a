using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Coalition;

public enum CoalitionRole
{
    /// <summary>Leads the coalition (the UK and France).</summary>
    CoLead,
    Member,

    /// <summary>An organisation taking part as such (EU institutions, NATO).</summary>
    InstitutionalPartner,

    /// <summary>Backs the coalition without offering forces.</summary>
    Supporter,
}

/// <summary>An actor's place in the coalition. The United States and Russia are actors, never members.</summary>
public sealed class CoalitionMember : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public required string ActorCode { get; set; }

    public Actor? Actor { get; set; }

    public CoalitionRole Role { get; set; }

    public DateOnly? Since { get; set; }

    public string? Note { get; set; }

    public List<Citation> Sources { get; set; } = [];
}
