namespace Truce.Core.Planning;

// The shapes planning is read in: the API's JSON, the CLI's --json and tables, and the planning page.

public sealed record CapabilityView(string Code, string Name, string Category, string Measure, int PersonnelPerUnit, string? Equipment);

public sealed record SectorView(string Code, string Name, bool InUkraine, bool NearFrontLine, bool Maritime);

public sealed record RequirementView(int Id, string Code, string Capability, string CapabilityName, string Measure, long Quantity, string Sector, string SectorName, DateOnly WindowStart, DateOnly WindowEnd, int Priority, string? Note, string Marking);

public sealed record MissionView(string Code, string Name, string? Description, bool Illustrative, string Marking, IReadOnlyList<RequirementView> Requirements);

public sealed record ScenarioSummary(int Id, string Name, int Version, DateTime UpdatedAt, string UpdatedBy, string Marking);

public sealed record LineView(string Code, string Capability, string Measure, string Sector, int Priority, long Demand, long Covered, long Missing, double Coverage);

public sealed record AllocationView(int PledgeId, string Member, string Title, string Requirement, long Quantity);

/// <summary>A plan as read: what it was computed for and from, how good it is (status, bound, gap), and what it allocates.</summary>
public sealed record PlanView(
    string Mission,
    string Scenario,
    string ComputedFor,
    int PledgesConsidered,
    string Method,
    string Status,
    long Objective,
    long BestBound,
    double Gap,
    string PreferencesStatus,
    int NationLines,
    double ElapsedMs,
    double WeightedCoverage,
    IReadOnlyList<LineView> Lines,
    IReadOnlyList<AllocationView> Allocations,
    IReadOnlyList<UnusedPledge> Unused,
    IReadOnlyList<MemberContribution> Contributions,
    string Note);

public sealed record DroppedPledge(int PledgeId, string Member, string Title, string Scenario, long UsedInFirst, string Reason);

public sealed record ComparedLine(string Code, string Capability, string Measure, int Priority, long Demand, IReadOnlyList<long> Covered);

public sealed record ComparisonView(IReadOnlyList<PlanView> Plans, IReadOnlyList<string> Scenarios, IReadOnlyList<ComparedLine> Lines, IReadOnlyList<DroppedPledge> DroppedOut, string Optimality);
