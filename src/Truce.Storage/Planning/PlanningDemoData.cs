using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Planning;

namespace Truce.Storage.Planning;

/// <summary>The planning module's part of the demo data: the capability catalogue, sectors, missions and their lines.</summary>
internal static class PlanningDemoData
{
    // The catalogue and sectors before the pledges (which name capabilities), then missions and requirements.
    public static async Task LoadAsync(TruceDb db, JsonObject planning, CancellationToken ct)
    {
        var capabilities = await db.Capabilities.ToDictionaryAsync(c => c.Code, ct);
        var items = planning["capabilities"]?.AsArray() ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"planning.json capabilities[{i}]";
            var c = DemoFiles.Entry<CapabilityFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Measure))
            {
                throw new DemoDataException($"{where}: 'code', 'name' and 'measure' are required.");
            }

            if (!capabilities.TryGetValue(c.Code, out var entry))
            {
                entry = new CatalogueCapability { Code = c.Code, Name = c.Name, Measure = c.Measure };
                db.Capabilities.Add(entry);
                capabilities[c.Code] = entry;
            }

            entry.Name = c.Name;
            entry.Measure = c.Measure;
            entry.Category = DemoFiles.Parse<PledgeCategory>(c.Category, $"{where}.category");
            entry.PersonnelPerUnit = c.PersonnelPerUnit;
            entry.Equipment = c.Equipment;
        }

        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, ct);
        items = planning["sectors"]?.AsArray() ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"planning.json sectors[{i}]";
            var s = DemoFiles.Entry<SectorFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(s.Code) || string.IsNullOrWhiteSpace(s.Name))
            {
                throw new DemoDataException($"{where}: 'code' and 'name' are required.");
            }

            if (!sectors.TryGetValue(s.Code, out var entry))
            {
                entry = new MissionSector { Code = s.Code, Name = s.Name };
                db.Sectors.Add(entry);
                sectors[s.Code] = entry;
            }

            (entry.Name, entry.InUkraine, entry.NearFrontLine, entry.Maritime) = (s.Name, s.InUkraine, s.NearFrontLine, s.Maritime);
        }

        var missions = await db.Missions.Include(m => m.Requirements).ToDictionaryAsync(m => m.Code, ct);
        items = planning["missions"]?.AsArray() ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"planning.json missions[{i}]";
            var m = DemoFiles.Entry<MissionFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Name))
            {
                throw new DemoDataException($"{where}: 'code' and 'name' are required.");
            }

            if (!missions.TryGetValue(m.Code, out var mission))
            {
                mission = new Mission { Code = m.Code, Name = m.Name };
                db.Missions.Add(mission);
            }

            (mission.Name, mission.Description, mission.Illustrative) = (m.Name, m.Description, m.Illustrative);
            var lines = m.Requirements ?? [];
            for (var j = 0; j < lines.Count; j++)
            {
                var at = $"{where}.requirements[{j}]";
                var existing = mission.Requirements.FirstOrDefault(x => x.Code == lines[j].Code?.Trim());
                var errors = new ValidationErrors();
                var r = RequirementRules.Read(lines[j], existing?.ToRequirement(), capabilities.ContainsKey, sectors.ContainsKey, errors, at + ".");
                if (r is null)
                {
                    throw new DemoDataException(errors.ToString());
                }

                var line = existing ?? new MissionRequirement { MissionCode = m.Code, Code = r.Code, CapabilityCode = r.CapabilityCode, SectorCode = r.SectorCode };
                if (existing is null)
                {
                    mission.Requirements.Add(line);
                }

                line.Take(r);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record CapabilityFile(string? Code, string? Name, string? Category, string? Measure, int PersonnelPerUnit, string? Equipment);

    private sealed record SectorFile(string? Code, string? Name, bool InUkraine, bool NearFrontLine, bool Maritime);

    private sealed record MissionFile(string? Code, string? Name, string? Description, bool Illustrative, List<RequirementInput>? Requirements);
}
