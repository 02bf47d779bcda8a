using Truce.Core.Commitments;
using Truce.Core.Planning;

namespace Truce.Planning.Tests;

/// <summary>Small planning problems: a hand-made catalogue and sectors, offers and requirements built per test.</summary>
public static class Instances
{
    public static readonly IReadOnlyDictionary<string, CapabilityType> Capabilities = new[]
    {
        new CapabilityType("infantry", "Infantry", PledgeCategory.Troops, "troops", 1),
        new CapabilityType("frigate", "Frigate", PledgeCategory.Maritime, "ships", 200),
        new CapabilityType("logistics-hub", "Logistics hub", PledgeCategory.Logistics, "hubs", 150),
        new CapabilityType("air-policing", "Air-policing flight", PledgeCategory.Air, "flights", 60),
    }.ToDictionary(c => c.Code);

    public static readonly IReadOnlyDictionary<string, Sector> Sectors = new[]
    {
        new Sector("west", "Western Ukraine hub", InUkraine: true, NearFrontLine: false),
        new Sector("front", "Contact line", InUkraine: true, NearFrontLine: true),
        new Sector("poland", "Rzeszów", InUkraine: false, NearFrontLine: false),
        new Sector("black-sea", "Black Sea", InUkraine: false, NearFrontLine: false, Maritime: true),
    }.ToDictionary(s => s.Code);

    public static readonly DateOnly Start = new(2025, 5, 1);

    public static Requirement Need(int id, string capability, long quantity, string sector = "west", int priority = 1, int opensInDays = 60) =>
        new(id, $"R{id}", capability, quantity, sector, Start.AddDays(opensInDays), Start.AddDays(opensInDays + 180), priority);

    public static Offer Give(int id, string member, string capability, long quantity, long unitSize = 1, int? readiness = null, params ConditionKind[] conditions) =>
        new(id, member, $"{member} offer {id}", capability, quantity, unitSize, readiness, conditions.ToHashSet());

    public static PlanningProblem Problem(IEnumerable<Requirement> requirements, IEnumerable<Offer> offers, PlanningScenario? scenario = null) =>
        new(requirements.ToList(), offers.ToList(), scenario ?? new PlanningScenario { PlanDate = Start }, Capabilities, Sectors);

    /// <summary>
    /// A seeded random instance small enough to enumerate every plan: caveats, a condition the scenario
    /// may turn off, sometimes a member left out or capped.
    /// </summary>
    public static PlanningProblem Tiny(int seed)
    {
        var random = new Random(seed);
        string[] members = ["GBR", "FRA", "POL"];
        string[] sectors = ["west", "front", "poland"];
        var requirements = Enumerable.Range(1, random.Next(1, 4))
            .Select(i => Need(i, "infantry", random.Next(2, 7), sectors[random.Next(3)], random.Next(1, 4), random.Next(0, 40)))
            .ToList();
        ConditionKind[] conditions = [ConditionKind.AwayFromFrontLine, ConditionKind.NoBasingInUkraine, ConditionKind.UsBackstop];
        var offers = Enumerable.Range(1, random.Next(2, 4))
            .Select(i => Give(
                100 + i,
                members[random.Next(3)],
                "infantry",
                random.Next(1, 7),
                random.Next(1, 3),
                random.Next(0, 3) == 0 ? null : random.Next(0, 50),
                random.Next(3) == 0 ? [conditions[random.Next(3)]] : []))
            .ToList();
        var scenario = new PlanningScenario { PlanDate = Start };
        if (random.Next(3) == 0)
        {
            scenario = scenario.Without(ConditionKind.UsBackstop);
        }

        if (random.Next(5) == 0)
        {
            scenario = scenario with { ExcludedMembers = new HashSet<string> { members[random.Next(3)] } };
        }
        else if (random.Next(4) == 0)
        {
            scenario = scenario with { MemberLimits = new Dictionary<string, long> { [members[random.Next(3)]] = random.Next(1, 5) } };
        }

        return Problem(requirements, offers, scenario);
    }
}
