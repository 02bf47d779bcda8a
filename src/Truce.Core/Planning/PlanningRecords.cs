using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Planning;

/// <summary>An entry of the capability catalogue as stored; <see cref="ToType"/> is what planners read.</summary>
public sealed class CatalogueCapability : IMarked
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public PledgeCategory Category { get; set; }

    /// <summary>What requirements and offers of this capability count in: troops, ships, flights, EUR m.</summary>
    public required string Measure { get; set; }

    public int PersonnelPerUnit { get; set; }

    public string? Equipment { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    public CapabilityType ToType() => new(Code, Name, Category, Measure, PersonnelPerUnit, Equipment);
}

/// <summary>A named area of the mission as stored.</summary>
public sealed class MissionSector : IMarked
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public bool InUkraine { get; set; }

    public bool NearFrontLine { get; set; }

    public bool Maritime { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    public Sector ToSector() => new(Code, Name, InUkraine, NearFrontLine, Maritime);
}

/// <summary>A mission and its statement of requirements, e.g. the illustrative reassurance force.</summary>
public sealed class Mission : IMarked
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>True when no source gives the requirements: a planning assumption, shown as such.</summary>
    public bool Illustrative { get; set; }

    public List<MissionRequirement> Requirements { get; set; } = [];

    public Marking Marking { get; set; } = Marking.Coalition();
}

/// <summary>One line of a mission's requirements as stored.</summary>
public sealed class MissionRequirement : IMarked
{
    public int Id { get; set; }

    public required string MissionCode { get; set; }

    public required string Code { get; set; }

    public required string CapabilityCode { get; set; }

    public long Quantity { get; set; }

    public required string SectorCode { get; set; }

    public DateOnly WindowStart { get; set; }

    public DateOnly WindowEnd { get; set; }

    public int Priority { get; set; } = 1;

    public string? Note { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    public Requirement ToRequirement() => new(Id, Code, CapabilityCode, Quantity, SectorCode, WindowStart, WindowEnd, Priority, Note);

    /// <summary>Takes a checked line's values (<see cref="RequirementRules"/>); the mission, code and marking stay.</summary>
    public void Take(Requirement line)
    {
        (CapabilityCode, SectorCode, Quantity) = (line.CapabilityCode, line.SectorCode, line.Quantity);
        (WindowStart, WindowEnd, Priority, Note) = (line.WindowStart, line.WindowEnd, line.Priority, line.Note);
    }
}

/// <summary>A saved what-if with a name, so planners can compare the same cases again.</summary>
public sealed class SavedScenario : IMarked
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The scenario as <see cref="ScenarioInput"/> JSON.</summary>
    public required string SettingsJson { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public required string UpdatedBy { get; set; }

    public int Version { get; set; } = 1;

    public Marking Marking { get; set; } = Marking.Coalition();
}
