using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;

namespace Truce.Storage.Planning;

/// <summary>What plans are made of, as the reader may see it: the capability catalogue, the sectors, missions and their lines.</summary>
public sealed class PlanningCatalogue(TruceDb db)
{
    public async Task<IReadOnlyList<CapabilityView>> CapabilitiesAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return (await db.Capabilities.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
            .Select(c => new CapabilityView(c.Code, c.Name, Kebab.Of(c.Category), c.Measure, c.PersonnelPerUnit, c.Equipment)).ToList();
    }

    public async Task<IReadOnlyList<SectorView>> SectorsAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return (await db.Sectors.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct))
            .Select(s => new SectorView(s.Code, s.Name, s.InUkraine, s.NearFrontLine, s.Maritime)).ToList();
    }

    public async Task<IReadOnlyList<MissionView>> MissionsAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var missions = await db.Missions.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        var lines = await LinesAsync(null, ct);
        return missions.Select(m => View(m, lines)).ToList();
    }

    public async Task<Outcome<MissionView>> MissionAsync(Principal reader, string code, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, ct);
        return mission is null ? Outcome.NotFound($"No mission '{code}'.") : Outcome.Done(View(mission, await LinesAsync(code, ct)));
    }

    /// <summary>One line as its writer reads it back after a change (the caller has set whom the context reads for).</summary>
    internal async Task<RequirementView> LineAsync(int id, CancellationToken ct) =>
        (await LinesAsync(null, ct, id)).Single().View;

    private static MissionView View(Mission m, IReadOnlyList<Line> lines) =>
        new(m.Code, m.Name, m.Description, m.Illustrative, m.Marking.ToString(), lines.Where(l => l.Mission == m.Code).Select(l => l.View).ToList());

    // A line's mission travels beside its view rather than in it, so the view stays what clients read.
    private sealed record Line(string Mission, RequirementView View);

    private async Task<IReadOnlyList<Line>> LinesAsync(string? mission, CancellationToken ct, int? id = null)
    {
        var capabilities = await db.Capabilities.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, ct);
        var query = db.Requirements.AsNoTracking();
        if (mission is not null)
        {
            query = query.Where(r => r.MissionCode == mission);
        }

        if (id is not null)
        {
            query = query.Where(r => r.Id == id);
        }

        var lines = await query.OrderBy(r => r.Priority).ThenBy(r => r.Code).ToListAsync(ct);
        return lines.Select(r => new Line(r.MissionCode, new RequirementView(
            r.Id, r.Code, r.CapabilityCode, capabilities.GetValueOrDefault(r.CapabilityCode)?.Name ?? r.CapabilityCode, capabilities.GetValueOrDefault(r.CapabilityCode)?.Measure ?? string.Empty,
            r.Quantity, r.SectorCode, sectors.GetValueOrDefault(r.SectorCode)?.Name ?? r.SectorCode, r.WindowStart, r.WindowEnd, r.Priority, r.Note, r.Marking.ToString()))).ToList();
    }
}
