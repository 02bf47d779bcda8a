using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Planning;

/// <summary>
/// Changing a mission's statement of requirements: add, change and remove lines, each audited with the
/// line before and after. The rules of a line are <see cref="RequirementRules"/>; the marking's, <see cref="MarkingChecks"/>.
/// </summary>
public sealed class RequirementLines(TruceDb db, AuditTrail audit, PlanningCatalogue catalogue)
{
    public async Task<Outcome<RequirementView>> AddAsync(Principal writer, string missionCode, RequirementInput input, CancellationToken ct = default)
    {
        if (MayWrite(writer) is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        if (!await db.Missions.AnyAsync(m => m.Code == missionCode, ct))
        {
            return Outcome.NotFound($"No mission '{missionCode}'.");
        }

        var errors = new ValidationErrors();
        var line = await ReadAsync(input, null, errors, ct);
        var marking = await MarkingChecks.ReadAsync(db, input.Marking, writer.MemberCode ?? string.Empty, writer, errors, ct);
        var code = input.Code?.Trim();
        // Unique among the lines this writer can read; a line they cannot read may share it (Releasability.UniqueWithinMarking).
        if (!string.IsNullOrEmpty(code) && await db.Requirements.AnyAsync(r => r.MissionCode == missionCode && r.Code == code, ct))
        {
            errors.Add("code", $"The code '{code}' is taken in {missionCode}; choose another.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var stored = new MissionRequirement
        {
            MissionCode = missionCode,
            Code = line!.Code,
            CapabilityCode = line.CapabilityCode,
            SectorCode = line.SectorCode,
            Marking = marking!,
        };
        stored.Take(line);
        db.Requirements.Add(stored);
        audit.Append(writer, "requirement.created", $"mission/{missionCode}/{line.Code}", after: Json(stored.ToRequirement()), detail: $"{Describe(stored)} ({stored.Marking})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            // Another writer took the code between the check and the save.
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"The code '{line.Code}' was taken in {missionCode} meanwhile; choose another.");
        }

        return Outcome.Created(await catalogue.LineAsync(stored.Id, ct));
    }

    /// <summary>Changes a line; fields left out keep their value, the code and the marking stay.</summary>
    public async Task<Outcome<RequirementView>> UpdateAsync(Principal writer, int id, RequirementInput input, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var found = await LineForWriteAsync(writer, id, ct);
        if (!found.IsDone)
        {
            return found.AsRefusal();
        }

        var stored = found.Value;
        var errors = new ValidationErrors();
        var line = await ReadAsync(input, stored.ToRequirement(), errors, ct);
        if (line is null)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid(errors);
        }

        var before = Json(stored.ToRequirement());
        stored.Take(line);
        audit.Append(writer, "requirement.changed", $"mission/{stored.MissionCode}/{stored.Code}", before, Json(stored.ToRequirement()), Describe(stored));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await catalogue.LineAsync(id, ct));
    }

    /// <summary>Removes a line, audited with the line as it was.</summary>
    public async Task<Outcome<RequirementView>> RemoveAsync(Principal writer, int id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var found = await LineForWriteAsync(writer, id, ct);
        if (!found.IsDone)
        {
            return found.AsRefusal();
        }

        var stored = found.Value;
        var view = await catalogue.LineAsync(id, ct);
        db.Requirements.Remove(stored);
        audit.Append(writer, "requirement.removed", $"mission/{stored.MissionCode}/{stored.Code}", Json(stored.ToRequirement()));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(view);
    }

    /// <summary>Planners and admins change requirements.</summary>
    internal static Outcome.Refusal? MayWrite(Principal writer) =>
        AllowedRoles.EditPlanning.Check(writer, "change requirements and scenarios");

    /// <summary>The line a change or a removal is for, or why not: the writer may not change lines, or there is no such line they may read.</summary>
    private async Task<Outcome<MissionRequirement>> LineForWriteAsync(Principal writer, int id, CancellationToken ct)
    {
        if (MayWrite(writer) is { } refused)
        {
            return refused;
        }

        var stored = await db.Requirements.FirstOrDefaultAsync(r => r.Id == id, ct);
        return stored is null ? Outcome.NotFound($"No requirement line {id}.") : Outcome.Done(stored);
    }

    private async Task<Requirement?> ReadAsync(RequirementInput input, Requirement? existing, ValidationErrors errors, CancellationToken ct)
    {
        var capabilities = (await db.Capabilities.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var sectors = (await db.Sectors.Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return RequirementRules.Read(input, existing, capabilities.Contains, sectors.Contains, errors);
    }

    private static string Describe(MissionRequirement line) => $"{line.Quantity} {line.CapabilityCode} in {line.SectorCode}, priority {line.Priority}";

    private static string Json(Requirement line) => JsonSerializer.Serialize(line, TruceJson.Options);
}
