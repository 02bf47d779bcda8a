using Truce.Core.Commitments;
using Truce.Core.Common;

namespace Truce.Core.Planning;

/// <summary>
/// A kind of unit the mission may ask for (infantry, a frigate, an air-policing flight, money), measured
/// in one <see cref="Measure"/>: requirements and offers of this capability count in it.
/// </summary>
/// <param name="PersonnelPerUnit">People one unit of the measure stands for (1 for troops, 20 for a monitoring team).</param>
public sealed record CapabilityType(string Code, string Name, PledgeCategory Category, string Measure, int PersonnelPerUnit = 0, string? Equipment = null);

/// <summary>A named area where a requirement is to be filled; caveats and conditions are judged against it.</summary>
public sealed record Sector(string Code, string Name, bool InUkraine, bool NearFrontLine, bool Maritime = false);

/// <summary>
/// One line of the mission's statement of requirements (after NATO's CJSOR): so much of a capability, in a
/// sector, within a time window, at a priority (1 is the most important).
/// </summary>
public sealed record Requirement(
    int Id, string Code, string CapabilityCode, long Quantity, string SectorCode, DateOnly WindowStart, DateOnly WindowEnd, int Priority, string? Note = null);

/// <summary>
/// What a pledge can give to planning: so much of a catalogue capability, in blocks of <see cref="UnitSize"/>
/// (1 for a divisible pledge such as "up to 1,000 troops" or money; 700 for a battalion counted in troops),
/// from a member, with the pledge's conditions and readiness.
/// </summary>
public sealed record Offer(
    int PledgeId, string Member, string Title, string CapabilityCode, long Quantity, long UnitSize, int? ReadinessDays, IReadOnlySet<ConditionKind> Conditions)
{
    public bool Divisible => UnitSize == 1;
}

/// <summary>Offers from the ledger: pledges mapped to a catalogue capability with a quantity, not withdrawn.</summary>
public static class Offers
{
    /// <remarks>
    /// A pledge stored before the domain ranges were enforced (or edited in the database) may hold a
    /// quantity or unit size beyond them; it offers no more than the largest quantity, so that one row
    /// cannot make the sums of every plan overflow.
    /// </remarks>
    public static Offer? From(Pledge p) =>
        p.CapabilityCode is { } code && p.Quantity is { } quantity && quantity > 0 && p.Stage != PledgeStage.Withdrawn
            ? new Offer(p.Id, p.MemberCode, p.Title, code, Math.Min(quantity, DomainLimits.MaxQuantity), Math.Clamp(p.UnitSize ?? 1, 1, DomainLimits.MaxQuantity), p.ReadinessDays is { } days ? Math.Clamp(days, 0, PledgeRules.MaxReadinessDays) : null, p.Conditions.Select(c => c.Kind).ToHashSet())
            : null;
}

/// <summary>Everything a planner needs, with the catalogue and sectors that give requirements meaning.</summary>
public sealed record PlanningProblem(
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<Offer> Offers,
    PlanningScenario Scenario,
    IReadOnlyDictionary<string, CapabilityType> Capabilities,
    IReadOnlyDictionary<string, Sector> Sectors);
