using Truce.Core.Commitments;
using Truce.Core.Planning;

namespace Truce.Benchmarks;

/// <summary>
/// Generated planning problems of the sizes issue #4 names (S, M, L), seeded so every run plans the same
/// problem. Offers total about 0.95× the demand of each capability, so plans must choose; a quarter of the
/// offers carry a caveat and some a scenario condition; readiness and windows vary.
/// </summary>
public static class PlanningInstances
{
    public static readonly IReadOnlyDictionary<string, CapabilityType> Capabilities = new[]
    {
        new CapabilityType("infantry", "Infantry", PledgeCategory.Troops, "troops", 1),
        new CapabilityType("mechanised-infantry", "Mechanised infantry", PledgeCategory.Troops, "troops", 1),
        new CapabilityType("air-policing-flight", "Air-policing flight", PledgeCategory.Air, "flights", 60),
        new CapabilityType("fighter-squadron", "Fighter squadron", PledgeCategory.Air, "squadrons", 250),
        new CapabilityType("air-defence-battery", "Air-defence battery", PledgeCategory.AirDefence, "batteries", 120),
        new CapabilityType("maritime-patrol-vessel", "Maritime patrol vessel", PledgeCategory.Maritime, "ships", 60),
        new CapabilityType("mine-countermeasures-vessel", "Mine-countermeasures vessel", PledgeCategory.Maritime, "ships", 45),
        new CapabilityType("isr-drone-unit", "ISR drone unit", PledgeCategory.Isr, "units", 40),
        new CapabilityType("logistics-hub", "Logistics hub", PledgeCategory.Logistics, "hubs", 150),
        new CapabilityType("strategic-airlift", "Strategic airlift", PledgeCategory.Logistics, "aircraft", 12),
        new CapabilityType("role-2-medical", "Role 2 medical", PledgeCategory.Medical, "facilities", 80),
        new CapabilityType("engineers", "Engineers", PledgeCategory.Engineering, "troops", 1),
        new CapabilityType("monitoring-team", "Monitoring team", PledgeCategory.Monitoring, "teams", 10),
        new CapabilityType("hq-staff", "HQ staff", PledgeCategory.Troops, "staff", 1),
        new CapabilityType("funding", "Funding", PledgeCategory.Funding, "EUR m", 0),
    }.ToDictionary(c => c.Code);

    public static readonly IReadOnlyDictionary<string, Sector> Sectors = new[]
    {
        new Sector("kyiv-hub", "Kyiv hub", true, false),
        new Sector("lviv-hub", "Lviv hub", true, false),
        new Sector("odesa-hub", "Odesa hub", true, false),
        new Sector("dnipro", "Dnipro", true, true),
        new Sector("contact-line", "Contact line monitoring", true, true),
        new Sector("black-sea", "Black Sea", false, false, true),
        new Sector("rzeszow", "Rzeszów (Poland)", false, false),
        new Sector("romania", "Romania", false, false),
    }.ToDictionary(s => s.Code);

    private static readonly HashSet<string> Measured = ["troops", "staff", "EUR m"];

    public static PlanningProblem Generate(int members, int pledges, int requirements, bool indivisible, int seed = 2025)
    {
        var random = new Random(seed);
        var start = new DateOnly(2025, 4, 1);
        var codes = Capabilities.Keys.ToArray();
        var sectors = Sectors.Keys.ToArray();
        var reqs = new List<Requirement>();
        for (var i = 0; i < requirements; i++)
        {
            var capability = codes[random.Next(codes.Length)];
            var quantity = Measured.Contains(Capabilities[capability].Measure) ? random.Next(2, 40) * 100 : random.Next(1, 8);
            var opens = random.Next(20, 200);
            reqs.Add(new Requirement(i + 1, $"R{i + 1}", capability, quantity, sectors[random.Next(sectors.Length)], start.AddDays(opens), start.AddDays(opens + 180), random.Next(1, 4)));
        }

        var demand = reqs.GroupBy(r => r.CapabilityCode).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
        var share = new Dictionary<string, double>();
        ConditionKind[] conditions = [ConditionKind.UsBackstop, ConditionKind.UnMandate, ConditionKind.ParliamentaryApproval, ConditionKind.AfterCeasefire];
        ConditionKind[] caveats = [ConditionKind.NoBasingInUkraine, ConditionKind.AwayFromFrontLine];
        var offers = new List<Offer>();
        for (var i = 0; i < pledges; i++)
        {
            var capability = codes[random.Next(codes.Length)];
            var measured = Measured.Contains(Capabilities[capability].Measure);
            var perOffer = demand.GetValueOrDefault(capability, 1) * 0.95 * codes.Length / pledges;
            var quantity = Math.Max(1, (long)Math.Round(perOffer * (0.5 + random.NextDouble())));
            var unit = 1L;
            if (indivisible && measured && random.Next(2) == 0)
            {
                unit = 100 * random.Next(3, 8);
                quantity = Math.Max(1, quantity / unit) * unit;
            }

            var attached = new HashSet<ConditionKind>();
            if (random.Next(4) == 0)
            {
                attached.Add(caveats[random.Next(caveats.Length)]);
            }

            if (random.Next(3) == 0)
            {
                attached.Add(conditions[random.Next(conditions.Length)]);
            }

            offers.Add(new Offer(i + 1, $"M{random.Next(members):00}", $"Offer {i + 1}", capability, quantity, unit, random.Next(4) == 0 ? null : random.Next(0, 120), attached));
        }

        return new PlanningProblem(reqs, offers, new PlanningScenario { PlanDate = start }, Capabilities, Sectors);
    }

    public static readonly (string Name, int Members, int Pledges, int Requirements, bool Indivisible, TimeSpan Limit)[] Sizes =
    [
        ("S", 30, 200, 60, false, TimeSpan.FromSeconds(1)),
        ("S, indivisible", 30, 200, 60, true, TimeSpan.FromSeconds(1)),
        ("M, divisible", 50, 1_000, 300, false, TimeSpan.FromSeconds(2)),
        ("M, indivisible", 50, 1_000, 300, true, TimeSpan.FromSeconds(2)),
        ("L", 60, 5_000, 1_000, true, TimeSpan.FromSeconds(10)),
    ];
}
