using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Planning;

/// <summary>What-ifs saved under a name, so planners can compare the same cases again.</summary>
public sealed class SavedScenarios(TruceDb db, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ScenarioSummary>> ListAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return (await db.Scenarios.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct)).Select(Summary).ToList();
    }

    public async Task<Outcome<ScenarioInput>> GetAsync(Principal reader, int id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var saved = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return saved is null
            ? Outcome.NotFound($"No saved scenario {id}.")
            : Outcome.Done(JsonSerializer.Deserialize<ScenarioInput>(saved.SettingsJson, TruceJson.Options) ?? new ScenarioInput());
    }

    /// <summary>Saves a scenario under its name (a new one, or a new version of the one with that name), audited.</summary>
    public async Task<Outcome<ScenarioSummary>> SaveAsync(Principal writer, ScenarioInput input, CancellationToken ct = default)
    {
        if (RequirementLines.MayWrite(writer) is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", "Required: a name to find the scenario by, e.g. 'No US backstop'.");
        }

        input.ToScenario(errors, "scenario");
        var marking = await MarkingChecks.ReadAsync(db, input.Marking, writer.MemberCode ?? string.Empty, writer, errors, ct);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var name = input.Name!.Trim();
        // The scenario of that name this writer can read is saved again; one they cannot read is left alone,
        // and the two live side by side (Releasability.UniqueWithinMarking), so nothing is revealed.
        var saved = await db.Scenarios.OrderBy(s => s.Id).FirstOrDefaultAsync(s => s.Name == name, ct);

        if (saved is not null && input.Marking is not null && !saved.Marking.SameAs(marking!))
        {
            return Outcome.Invalid("marking.level", $"A saved scenario keeps its marking ({saved.Marking}); save under a new name to mark it otherwise.");
        }

        var settings = JsonSerializer.Serialize(input, TruceJson.Options);
        if (saved is null)
        {
            saved = new SavedScenario { Name = name, SettingsJson = settings, UpdatedBy = writer.Name, Marking = marking! };
            db.Scenarios.Add(saved);
        }
        else
        {
            saved.SettingsJson = settings;
            saved.Version++;
            saved.UpdatedBy = writer.Name;
        }

        saved.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Append(writer, "scenario.saved", $"scenario/{name}", after: settings, detail: $"version {saved.Version} ({saved.Marking})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            // Another writer saved the same name, or a new version of it, between the read and the save.
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"The scenario '{name}' was saved by someone else meanwhile; read it again and save once more.");
        }

        return saved.Version == 1 ? Outcome.Created(Summary(saved)) : Outcome.Done(Summary(saved));
    }

    private static ScenarioSummary Summary(SavedScenario s) =>
        new(s.Id, s.Name, s.Version, DateTime.SpecifyKind(s.UpdatedAtUtc, DateTimeKind.Utc), s.UpdatedBy, s.Marking.ToString());
}
