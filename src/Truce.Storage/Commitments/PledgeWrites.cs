using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Commitments;

/// <summary>
/// Every change to the commitments ledger goes through here, so the rules hold for the API, the pages, the
/// CLI and the demo data alike: validation (<see cref="PledgeRules"/>), who may change which member's
/// pledges, a new version and an append-only revision per change, an audit entry, and optimistic
/// concurrency on the version. A write reads as the principal who writes.
/// </summary>
public sealed class PledgeWrites(TruceDb db, TimeProvider clock, AuditTrail audit)
{
    public Task<Outcome<PledgeView>> CreateAsync(Principal writer, PledgeInput input, string? key = null, CancellationToken ct = default) =>
        CreateAsync(writer, input, key, acceptingCandidate: false, ct);

    /// <summary>Enters a pledge on accepting a candidate found in a document: who may is <see cref="AllowedRoles.MayWritePledge"/>'s rule.</summary>
    internal Task<Outcome<PledgeView>> CreateFromCandidateAsync(Principal writer, PledgeInput input, CancellationToken ct) =>
        CreateAsync(writer, input, key: null, acceptingCandidate: true, ct);

    private async Task<Outcome<PledgeView>> CreateAsync(Principal writer, PledgeInput input, string? key, bool acceptingCandidate, CancellationToken ct)
    {
        if (!acceptingCandidate && !AllowedRoles.EditPledges.Allows(writer))
        {
            return Outcome.Refused(writer.RefusalToEditPledgeOf(input.Member ?? "any member"));
        }

        using var reading = db.ReadAs(writer);
        var pledge = new Pledge { MemberCode = string.Empty, Title = string.Empty, UpdatedBy = writer.Name, Key = key };
        var errors = PledgeRules.Apply(input, pledge, previousStage: null, mayCorrectStage: false);
        if (errors.IsEmpty)
        {
            await CheckMemberAsync(pledge.MemberCode, errors, ct);
            await CheckCapabilityAsync(pledge.CapabilityCode, errors, ct);
            await MarkingChecks.CheckAsync(db, pledge.Marking, writer, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (!AllowedRoles.MayWritePledge(writer, pledge.MemberCode, acceptingCandidate))
        {
            return Outcome.Refused(writer.RefusalToEditPledgeOf(pledge.MemberCode));
        }

        var now = Now();
        pledge.Version = 1;
        pledge.CreatedAtUtc = now;
        pledge.UpdatedAtUtc = now;

        // The pledge needs its id before its first revision can point at it; one transaction keeps the two
        // together (joining the caller's, when the demo data loader already opened one).
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (transaction)
        {
            db.Pledges.Add(pledge);
            await db.SaveChangesAsync(ct);
            var view = await ViewAsync(pledge, ct);
            var snapshot = await AddRevisionAsync(pledge, null, view, input.Reason ?? "Entered in the ledger", writer, now, ct);
            audit.Append(writer, "pledge.created", $"pledge/{pledge.Id}", after: snapshot, detail: $"{pledge.MemberCode}: {pledge.Title} ({pledge.Marking})");
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return Outcome.Created(view);
        }
    }

    public Task<Outcome<PledgeView>> UpdateAsync(Principal writer, int id, ExpectedVersion expected, PledgeInput input, CancellationToken ct = default) =>
        UpdateAsync(writer, id, expected, input, acceptingCandidate: false, ct);

    /// <summary>Changes a pledge (adds a statement as its source) on accepting a candidate: who may is <see cref="AllowedRoles.MayWritePledge"/>'s rule.</summary>
    internal Task<Outcome<PledgeView>> UpdateFromCandidateAsync(Principal writer, int id, ExpectedVersion expected, PledgeInput input, CancellationToken ct) =>
        UpdateAsync(writer, id, expected, input, acceptingCandidate: true, ct);

    private async Task<Outcome<PledgeView>> UpdateAsync(Principal writer, int id, ExpectedVersion expected, PledgeInput input, bool acceptingCandidate, CancellationToken ct)
    {
        using var reading = db.ReadAs(writer);
        var loaded = await LoadForWriteAsync(writer, id, expected, ct, acceptingCandidate);
        if (!loaded.IsDone)
        {
            return loaded.AsRefusal();
        }

        var pledge = loaded.Value;
        var before = await ViewAsync(pledge, ct);
        var errors = PledgeRules.Apply(input, pledge, pledge.Stage, mayCorrectStage: writer.Role == Role.Admin);
        if (errors.IsEmpty && pledge.MemberCode != before.Member)
        {
            await CheckMemberAsync(pledge.MemberCode, errors, ct);
        }

        if (errors.IsEmpty && pledge.CapabilityCode != before.CapabilityCode)
        {
            await CheckCapabilityAsync(pledge.CapabilityCode, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid(errors);
        }

        if (!AllowedRoles.MayWritePledge(writer, pledge.MemberCode, acceptingCandidate))
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(writer.RefusalToEditPledgeOf(pledge.MemberCode));
        }

        var after = await ViewAsync(pledge, ct);
        var changes = PledgeDiff.Between(before, after, TruceJson.Options);
        if (changes.Count == 0)
        {
            // Nothing changed: no new version, so an idempotent retry does not pad the history.
            db.ChangeTracker.Clear();
            return Outcome.Done(before);
        }

        var now = Now();
        pledge.Version++;
        pledge.UpdatedAtUtc = now;
        pledge.UpdatedBy = writer.Name;
        after = await ViewAsync(pledge, ct);
        var snapshot = await AddRevisionAsync(pledge, before, after, input.Reason!, writer, now, ct);
        audit.Append(
            writer, "pledge.changed", $"pledge/{pledge.Id}", await StoredSnapshotAsync(pledge.Id, pledge.Version - 1, before, ct), snapshot,
            $"version {pledge.Version}: {string.Join(", ", changes.Select(c => c.Field))}");
        return await SaveVersionAsync(id, expected, after, ct);
    }

    /// <summary>
    /// Changes who may read a pledge (e.g. NATIONAL → COALITION once a parliament has voted): a new version
    /// with its own revision and a <c>pledge.released</c> audit entry. Only those who may edit the pledge
    /// may release it, and only to a marking they can still see.
    /// </summary>
    public async Task<Outcome<PledgeView>> ReleaseAsync(Principal writer, int id, ExpectedVersion expected, MarkingInput? marking, string? reason, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var loaded = await LoadForWriteAsync(writer, id, expected, ct);
        if (!loaded.IsDone)
        {
            return loaded.AsRefusal();
        }

        var pledge = loaded.Value;
        var errors = new ValidationErrors();
        if (marking is null)
        {
            errors.Add("marking", "Required: the new marking, e.g. {\"level\": \"coalition\"}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Required: say why the pledge is released, for the history.");
        }

        var next = marking is null ? null : await MarkingChecks.ReadAsync(db, marking, pledge.MemberCode, writer, errors, ct);
        if (next is not null && errors.IsEmpty && next.SameAs(pledge.Marking))
        {
            errors.Add("marking.level", $"The pledge is already {pledge.Marking}.");
        }

        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid(errors);
        }

        var before = await ViewAsync(pledge, ct);
        var was = pledge.Marking.ToString();
        var now = Now();
        pledge.Marking = next!;
        pledge.Version++;
        pledge.UpdatedAtUtc = now;
        pledge.UpdatedBy = writer.Name;
        var after = await ViewAsync(pledge, ct);
        var snapshot = await AddRevisionAsync(pledge, before, after, reason!, writer, now, ct);
        audit.Append(writer, "pledge.released", $"pledge/{pledge.Id}", await StoredSnapshotAsync(pledge.Id, pledge.Version - 1, before, ct), snapshot, $"{was} → {pledge.Marking}");
        return await SaveVersionAsync(id, expected, after, ct);
    }

    /// <summary>The pledge a write changes, or why the write is refused: missing, not this writer's to change, or stale.</summary>
    private async Task<Outcome<Pledge>> LoadForWriteAsync(Principal writer, int id, ExpectedVersion expected, CancellationToken ct, bool acceptingCandidate = false)
    {
        var pledge = await db.Pledges.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pledge is null)
        {
            return Outcome.NotFound($"No pledge {id}.");
        }

        if (!AllowedRoles.MayWritePledge(writer, pledge.MemberCode, acceptingCandidate))
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(writer.RefusalToEditPledgeOf(pledge.MemberCode));
        }

        if (!expected.Matches(pledge.Version))
        {
            db.ChangeTracker.Clear();
            return Outcome.PreconditionFailed(expected.StaleMessage("pledge", pledge.Version));
        }

        return Outcome.Done(pledge);
    }

    /// <summary>
    /// Saves a new version. Two writers who read the same version race to write the next one: the version
    /// is a concurrency token and (pledge, version) is unique among revisions, so exactly one wins and the
    /// other is told the pledge changed, whichever of the two checks catches it.
    /// </summary>
    private async Task<Outcome<PledgeView>> SaveVersionAsync(int id, ExpectedVersion expected, PledgeView after, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done(after);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            db.ChangeTracker.Clear();
            var latest = await db.Pledges.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
            if (latest is { } version && version >= after.Version)
            {
                return Outcome.PreconditionFailed(expected.StaleMessage("pledge", version));
            }

            if (latest is null)
            {
                return Outcome.NotFound($"No pledge {id}.");
            }

            throw;
        }
    }

    /// <summary>
    /// The previous version exactly as its revision stored it, so that an audit entry's before-hash matches
    /// the history byte for byte (a recomputed view could differ, e.g. after an actor was renamed).
    /// </summary>
    private async Task<string> StoredSnapshotAsync(int pledgeId, int version, PledgeView fallback, CancellationToken ct) =>
        await db.PledgeRevisions.AsNoTracking().Where(r => r.PledgeId == pledgeId && r.Version == version).Select(r => r.SnapshotJson).FirstOrDefaultAsync(ct)
            ?? JsonSerializer.Serialize(fallback, TruceJson.Options);

    /// <summary>Appends the revision of a new version and stores its view for reads.</summary>
    /// <returns>The snapshot of the new version, whose hash the audit entry carries.</returns>
    private async Task<string> AddRevisionAsync(Pledge pledge, PledgeView? before, PledgeView after, string reason, Principal writer, DateTime now, CancellationToken ct)
    {
        var snapshot = JsonSerializer.Serialize(after, TruceJson.Options);

        // The member's name is left out of the stored view: each reader gets it as they may see it.
        await StoreViewAsync(pledge.Id, JsonSerializer.Serialize(after with { MemberName = null }, TruceJson.Options), ct);
        db.PledgeRevisions.Add(new PledgeRevision
        {
            PledgeId = pledge.Id,
            Version = pledge.Version,
            ChangedAtUtc = now,
            ChangedBy = writer.Name,
            Reason = reason.Trim(),
            ChangesJson = JsonSerializer.Serialize(PledgeDiff.Between(before, after, TruceJson.Options), TruceJson.Options),
            SnapshotJson = snapshot,
        });
        return snapshot;
    }

    private async Task CheckMemberAsync(string member, ValidationErrors errors, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.ActorCode == member, ct))
        {
            var codes = await db.Members.OrderBy(m => m.ActorCode).Select(m => m.ActorCode).ToListAsync(ct);
            errors.Add("member", $"'{member}' is not a coalition member; expected one of {string.Join(", ", codes)}.");
        }
    }

    private async Task CheckCapabilityAsync(string? code, ValidationErrors errors, CancellationToken ct)
    {
        if (code is not null && !await db.Capabilities.AnyAsync(c => c.Code == code, ct))
        {
            var codes = await db.Capabilities.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);
            errors.Add("capabilityCode", $"'{code}' is not in the capability catalogue; expected one of {string.Join(", ", codes)}.");
        }
    }

    /// <summary>Stores a pledge's view (new, or replacing the one stored), to be saved with the caller's change.</summary>
    private async Task StoreViewAsync(int pledgeId, string json, CancellationToken ct)
    {
        var stored = await db.PledgeViews.FindAsync([pledgeId], ct);
        if (stored is null)
        {
            db.PledgeViews.Add(new StoredPledgeView { PledgeId = pledgeId, Json = json });
        }
        else
        {
            stored.Json = json;
        }
    }

    private async Task<PledgeView> ViewAsync(Pledge pledge, CancellationToken ct)
    {
        var name = await db.Actors.Where(a => a.Code == pledge.MemberCode).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return PledgeView.From(pledge, name);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
