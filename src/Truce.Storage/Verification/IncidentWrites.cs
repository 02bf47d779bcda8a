using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Security;

namespace Truce.Storage.Verification;

/// <summary>
/// Every change to an incident goes through here: made of observations a person chose (nothing is merged
/// without one), observations added, incidents merged and split, moved through verification
/// (<see cref="VerificationFlow"/>), attributed, its marking released, help asked, claimed and given back;
/// each at the version the writer read, written into the incident's history and the audit trail.
/// </summary>
public sealed class IncidentWrites(TruceDb db, TimeProvider clock, AuditTrail audit, IVerificationWatcher watcher)
{
    public const int MaxObservations = 500;

    /// <summary>Makes an incident of observations a person says are one event; taken by them at once when <paramref name="claim"/>.</summary>
    public async Task<Outcome<long>> CreateAsync(Principal writer, IReadOnlyList<long> observationIds, string? reason, bool claim = false, CancellationToken ct = default)
    {
        if (AllowedRoles.ReviewIncidents.Check(writer, "make incidents") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        CheckIds(observationIds, errors);
        CheckReason(reason, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        var found = await FreeObservationsAsync(observationIds, ct);
        if (!found.IsDone)
        {
            return found.AsRefusal();
        }

        var now = clock.GetUtcNow();
        var incident = new Incident
        {
            CreatedAt = now,
            CreatedBy = writer.Name,
            Reports = [.. found.Value!.Select(o => new IncidentReport { Source = o.Source, ExternalId = o.ExternalId })],
            History = [Step(writer, IncidentAct.Created, VerificationState.Reported, now, reason!)],
        };
        if (claim)
        {
            (incident.ClaimedBy, incident.ClaimedAt) = (writer.Name, now);
        }

        Summarise(incident, found.Value!);
        db.Incidents.Add(incident);
        audit.Append(writer, "incident.created", "incident/new", detail: $"{reason!.Trim()} — {found.Value!.Count} observations ({incident.Marking})");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(incident.Id);
    }

    /// <summary>Adds observations a person says are the same event to an incident.</summary>
    public async Task<Outcome<Incident>> AddAsync(Principal writer, long id, IReadOnlyList<long> observationIds, string? reason, ExpectedVersion expected, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        CheckIds(observationIds, errors);
        CheckReason(reason, errors);
        return await ChangeAsync(writer, id, expected, "add observations to incidents", errors, async incident =>
        {
            var found = await FreeObservationsAsync(observationIds, ct);
            if (!found.IsDone)
            {
                return found.AsRefusal();
            }

            if (incident.Reports.Count + found.Value!.Count > MaxObservations)
            {
                return Outcome.Invalid("observations", $"An incident holds at most {MaxObservations} observations; this one has {incident.Reports.Count}.");
            }

            incident.Reports.AddRange(found.Value!.Select(o => new IncidentReport { Source = o.Source, ExternalId = o.ExternalId }));
            var members = await IncidentMembers.CurrentAsync(db, incident, ct);
            Summarise(incident, members);
            Record(writer, incident, IncidentAct.ObservationsAdded, reason!, $"added {string.Join(", ", found.Value!.Select(o => $"{o.Source}/{o.ExternalId}"))}");
            return null;
        }, ct);
    }

    /// <summary>Merges incident <paramref name="otherId"/> into <paramref name="id"/>: its reports move over, its history is summed up in one entry, and it is gone.</summary>
    public async Task<Outcome<Incident>> MergeAsync(Principal writer, long id, long otherId, string? reason, ExpectedVersion expected, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        CheckReason(reason, errors);
        if (otherId == id)
        {
            errors.Add("other", "An incident cannot be merged into itself.");
        }

        return await ChangeAsync(writer, id, expected, "merge incidents", errors, async incident =>
        {
            var other = await db.Incidents.FirstOrDefaultAsync(i => i.Id == otherId, ct);
            if (other is null)
            {
                return Outcome.Invalid("other", $"No incident {otherId} that you may see.");
            }

            if ((Closed(incident) ?? Closed(other)) is { } closed)
            {
                return Outcome.Conflict(closed);
            }

            if (other.ClaimedBy is { } holder && holder != writer.Name)
            {
                return Outcome.Conflict($"{holder} is working on incident {otherId}; ask them to give it back first.");
            }

            var moving = other.Reports.Select(r => new IncidentReport { Source = r.Source, ExternalId = r.ExternalId }).ToList();
            db.Incidents.Remove(other);
            await db.SaveChangesAsync(ct); // the unique index on reports: they leave the other incident before they join this one
            incident.Reports.AddRange(moving);
            Summarise(incident, await IncidentMembers.CurrentAsync(db, incident, ct));
            Record(writer, incident, IncidentAct.Merged, reason!, $"merged incident {otherId} ({moving.Count} reports, {Kebab.Of(other.State)}, {other.History.Count} history entries)");
            return null;
        }, ct);
    }

    /// <summary>Splits the chosen observations off into a new incident (reported); the rest stay. Returns the new incident's id.</summary>
    public async Task<Outcome<long>> SplitAsync(Principal writer, long id, IReadOnlyList<long> observationIds, string? reason, ExpectedVersion expected, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        CheckIds(observationIds, errors);
        CheckReason(reason, errors);
        long created = 0;
        var outcome = await ChangeAsync(writer, id, expected, "split incidents", errors, async incident =>
        {
            if (Closed(incident) is { } closed)
            {
                return Outcome.Conflict(closed);
            }

            var members = await IncidentMembers.CurrentAsync(db, incident, ct);
            var chosen = members.Where(o => observationIds.Contains(o.Id)).ToList();
            if (observationIds.Distinct().Count() != chosen.Count)
            {
                return Outcome.Invalid("observations", $"Only observations of incident {id} can be split off: {string.Join(", ", observationIds.Except(chosen.Select(o => o.Id)))} {(observationIds.Distinct().Count() - chosen.Count == 1 ? "is" : "are")} not.");
            }

            var leaving = incident.Reports.Where(r => chosen.Any(o => o.Source == r.Source && o.ExternalId == r.ExternalId)).ToList();
            if (leaving.Count == incident.Reports.Count)
            {
                return Outcome.Invalid("observations", "At least one observation must stay in the incident.");
            }

            var now = clock.GetUtcNow();
            foreach (var report in leaving)
            {
                incident.Reports.Remove(report);
            }

            await db.SaveChangesAsync(ct); // the unique index on reports: they leave before the new incident takes them
            var split = new Incident
            {
                CreatedAt = now,
                CreatedBy = writer.Name,
                Reports = [.. leaving.Select(r => new IncidentReport { Source = r.Source, ExternalId = r.ExternalId })],
                History = [Step(writer, IncidentAct.Created, VerificationState.Reported, now, $"Split off incident {id}: {reason!.Trim()}")],
            };
            Summarise(split, chosen);
            db.Incidents.Add(split);
            Summarise(incident, [.. members.Except(chosen)]);
            Record(writer, incident, IncidentAct.SplitOff, reason!, $"split off {string.Join(", ", leaving.Select(r => $"{r.Source}/{r.ExternalId}"))}");
            if (incident.State == VerificationState.Corroborated)
            {
                // Its evidence changed: corroboration is judged again.
                incident.History.Add(new VerificationStep { From = incident.State, To = VerificationState.UnderReview, At = now, By = writer.Name, Role = writer.Role, Reason = "Back to review: reports were split off." });
                incident.State = VerificationState.UnderReview;
            }

            await db.SaveChangesAsync(ct);
            created = split.Id;
            audit.Append(writer, "incident.created", $"incident/{split.Id}", detail: $"split off incident {id}: {reason.Trim()} ({split.Marking})");
            return null;
        }, ct);
        return outcome.IsDone ? Outcome.Done(created) : outcome.AsRefusal();
    }

    /// <summary>Moves an incident through verification, at the version the writer saw.</summary>
    public async Task<Outcome<Incident>> MoveAsync(Principal writer, long id, VerificationState to, string? reason, ExpectedVersion expected, CancellationToken ct = default)
    {
        var moved = await MoveCommittedAsync(writer, id, to, reason, expected, ct);
        if (moved.IsDone)
        {
            await watcher.MovedAsync(id, to, CancellationToken.None); // alerts of verified violations: after the commit, and not cancelled by the caller
        }

        return moved;
    }

    private async Task<Outcome<Incident>> MoveCommittedAsync(Principal writer, long id, VerificationState to, string? reason, ExpectedVersion expected, CancellationToken ct) =>
        await ChangeAsync(writer, id, expected, "move incidents through verification", new ValidationErrors(), async incident =>
        {
            var members = await IncidentMembers.CurrentAsync(db, incident, ct);
            var independent = VerificationFlow.IndependentSources(members.Select(o => (o.Source, o.Origin)));
            var now = clock.GetUtcNow();
            var errors = VerificationFlow.Check(incident.State, to, writer, reason, independent, incident.History, now);
            if (!errors.IsEmpty)
            {
                return Outcome.Invalid(errors);
            }

            incident.History.Add(new VerificationStep { From = incident.State, To = to, At = now, By = writer.Name, Role = writer.Role, Reason = reason!.Trim() });
            audit.Append(writer, "incident.moved", $"incident/{id}", detail: $"{Kebab.Of(incident.State)} → {Kebab.Of(to)}: {reason.Trim()}");
            incident.State = to;
            incident.HelpWanted = null;
            if (to is VerificationState.Corroborated or VerificationState.Verified or VerificationState.Rejected)
            {
                // Handed on (to a verifier) or done: nobody holds it any more.
                (incident.ClaimedBy, incident.ClaimedAt) = (null, null);
            }

            return null;
        }, ct, audited: true);

    /// <summary>Attributes an incident to a party (an actor code) with a confidence, or withdraws the attribution (both null).</summary>
    public async Task<Outcome<Incident>> AttributeAsync(Principal writer, long id, string? actor, Confidence? confidence, string? reason, ExpectedVersion expected, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        CheckReason(reason, errors);
        var code = TextRules.Read(actor, TextRules.MaxCode, errors, "attributedTo");
        if ((code is null) != (confidence is null))
        {
            errors.Add("confidence", "An attribution names a party and a confidence (low, moderate or high); to withdraw it, give neither.");
        }

        return await ChangeAsync(writer, id, expected, "attribute incidents", errors, async incident =>
        {
            if (code is not null && !await db.Actors.AnyAsync(a => a.Code == code, ct))
            {
                return Outcome.Invalid("attributedTo", $"'{code}' is not an actor you may see; use an actor's code, such as RUS or UKR.");
            }

            (incident.AttributedTo, incident.AttributionConfidence) = (code, confidence);
            Record(writer, incident, IncidentAct.Attributed, reason!, code is null ? "attribution withdrawn" : $"attributed to {code}, {Kebab.Of(confidence!.Value)} confidence");
            return null;
        }, ct);
    }

    /// <summary>
    /// Releases an incident under a marking wider than its observations' (e.g. PUBLIC for the public page),
    /// or, with none, returns it to the most restrictive of its observations'. Audited with the reason.
    /// </summary>
    public async Task<Outcome<Incident>> ReleaseAsync(Principal writer, long id, MarkingInput? marking, string? reason, ExpectedVersion expected, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        CheckReason(reason, errors);
        return await ChangeAsync(writer, id, expected, "release incidents", errors, async incident =>
        {
            var checks = new ValidationErrors();
            var released = marking is null ? null : await MarkingChecks.ReadAsync(db, marking, writer.MemberCode ?? string.Empty, writer, checks, ct);
            if (!checks.IsEmpty)
            {
                return Outcome.Invalid(checks);
            }

            var before = incident.Marking;
            incident.MarkingReleasedBy = released is null ? null : writer.Name;
            if (released is null)
            {
                Summarise(incident, await IncidentMembers.CurrentAsync(db, incident, ct));
            }
            else
            {
                incident.Marking = released;
            }

            Record(writer, incident, IncidentAct.MarkingReleased, reason!, $"marking {before} → {incident.Marking}");
            return null;
        }, ct);
    }

    /// <summary>Flags an incident as needing help (another analyst's eyes, a language, a place known to someone), with what is needed; the next move clears it.</summary>
    public async Task<Outcome<Incident>> AskHelpAsync(Principal writer, long id, string? need, ExpectedVersion expected, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var text = TextRules.Read(need, VerificationFlow.MaxReason, errors, "need", multiline: true);
        if (text is null && errors.IsEmpty)
        {
            errors.Add("need", "Required: say what help is needed.");
        }

        return await ChangeAsync(writer, id, expected, "ask for help on incidents", errors, incident =>
        {
            incident.HelpWanted = text;
            Record(writer, incident, IncidentAct.HelpAsked, text!, "help asked");
            return Task.FromResult<Outcome.Refusal?>(null);
        }, ct);
    }

    /// <summary>Takes an incident to work on, so nobody else does meanwhile; or gives it back.</summary>
    public async Task<Outcome<Incident>> ClaimAsync(Principal writer, long id, bool claim, CancellationToken ct = default)
    {
        if (AllowedRoles.ReviewIncidents.Check(writer, "claim incidents") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome.NotFound($"No incident {id}.");
        }

        if (claim && incident.ClaimedBy is { } holder && holder != writer.Name)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"{holder} is working on incident {id} since {incident.ClaimedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        if (!claim && incident.ClaimedBy != writer.Name && writer.Role != Role.Admin)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict($"Incident {id} is not yours to give back.");
        }

        (incident.ClaimedBy, incident.ClaimedAt) = claim ? (writer.Name, clock.GetUtcNow()) : ((string?)null, (DateTimeOffset?)null);
        incident.Version++;
        audit.Append(writer, claim ? "incident.claimed" : "incident.released", $"incident/{id}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(incident);
    }

    /// <summary>
    /// The frame of every change but claiming: the role, the input's errors, the incident as the writer may
    /// see it at the version they read, all its observations visible to them (a change made half-blind could
    /// narrow or widen what others see), then the change, the version bumped, saved with its audit entry.
    /// </summary>
    private async Task<Outcome<Incident>> ChangeAsync(Principal writer, long id, ExpectedVersion expected, string what, ValidationErrors errors, Func<Incident, Task<Outcome.Refusal?>> change, CancellationToken ct, bool audited = false)
    {
        if (AllowedRoles.ReviewIncidents.Check(writer, what) is { } refused)
        {
            return refused;
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        using var reading = db.ReadAs(writer);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return Outcome.NotFound($"No incident {id}.");
            }

            if (!expected.Matches(incident.Version))
            {
                return Outcome.PreconditionFailed(expected.StaleMessage("incident", incident.Version));
            }

            if (incident.ClaimedBy is { } holder && holder != writer.Name && writer.Role != Role.Admin)
            {
                return Outcome.Conflict($"{holder} is working on incident {id}; ask them, or wait until they give it back.");
            }

            if (await HiddenReportAsync(incident, ct) is { } hidden)
            {
                return Outcome.Refused($"Incident {id} holds a report you may not read ({hidden}); someone who may read all of it must change it.");
            }

            if (await change(incident) is { } refusal)
            {
                return refusal;
            }

            incident.Version++;
            if (!audited)
            {
                var last = incident.History[^1];
                audit.Append(writer, "incident." + Kebab.Of(last.Act), $"incident/{id}", detail: last.Reason);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome.Done(incident);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A report of the incident whose current version exists but is hidden from the reader, or none.</summary>
    private async Task<string?> HiddenReportAsync(Incident incident, CancellationToken ct)
    {
        var seen = (await IncidentMembers.CurrentAsync(db, incident, ct)).Select(o => (o.Source, o.ExternalId)).ToHashSet();
        foreach (var report in incident.Reports.Where(r => !seen.Contains((r.Source, r.ExternalId))))
        {
            var (source, externalId) = (report.Source, report.ExternalId);
            if (await db.ExistsUnfilteredAsync<Observation>(o => o.IsCurrent && o.Source == source && o.ExternalId == externalId, "may the writer change an incident holding this report", ct))
            {
                return "one of its reports";
            }
        }

        return null;
    }

    /// <summary>The chosen observations, current, visible to the writer and in no incident yet.</summary>
    private async Task<Outcome<List<Observation>>> FreeObservationsAsync(IReadOnlyList<long> observationIds, CancellationToken ct)
    {
        var ids = observationIds.Distinct().ToList();
        var observations = await db.Observations.AsNoTracking().Where(o => ids.Contains(o.Id) && o.IsCurrent).ToListAsync(ct);
        if (ids.Except(observations.Select(o => o.Id)).ToList() is { Count: > 0 } missing)
        {
            return Outcome.Invalid("observations", $"No current observation {string.Join(", ", missing)} that you may see.");
        }

        var keys = observations.Select(o => (o.Source, o.ExternalId)).ToHashSet();
        var sources = keys.Select(k => k.Source).Distinct().ToList();
        var externalIds = keys.Select(k => k.ExternalId).Distinct().ToList();
        var taken = await db.Incidents.AsNoTracking().SelectMany(i => i.Reports)
            .Where(r => sources.Contains(r.Source) && externalIds.Contains(r.ExternalId))
            .ToListAsync(ct);
        if (taken.Where(r => keys.Contains((r.Source, r.ExternalId))).ToList() is { Count: > 0 } inUse)
        {
            return Outcome.Conflict($"Already in an incident: {string.Join(", ", inUse.Select(r => $"{r.Source}/{r.ExternalId}"))}; merge the incidents instead.");
        }

        return Outcome.Done(observations);
    }

    /// <summary>What an incident is, from its observations: the commonest type, the whole window, the mean place, and — unless released — the most restrictive marking.</summary>
    private static void Summarise(Incident incident, List<Observation> observations)
    {
        if (observations.Count == 0)
        {
            return;
        }

        incident.Type = observations.GroupBy(o => o.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        incident.ObservedFrom = observations.Min(o => o.ObservedFrom);
        incident.ObservedTo = observations.Max(o => o.ObservedTo);
        incident.Lat = observations.Average(o => o.Lat);
        incident.Lon = observations.Average(o => o.Lon);
        incident.Worst = observations.Max(o => o.Worst);
        incident.Oblast = observations.Where(o => o.Oblast is not null).GroupBy(o => o.Oblast).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        incident.SectorCode = observations.Where(o => o.SectorCode is not null).GroupBy(o => o.SectorCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        if (incident.MarkingReleasedBy is null)
        {
            incident.Marking = MostRestrictive.Of(observations.Select(o => o.Marking));
        }
    }

    private static string? Closed(Incident incident) => incident.State is VerificationState.Verified or VerificationState.Rejected or VerificationState.Disputed
        ? $"Incident {incident.Id} is {Kebab.Of(incident.State)}; move it back to review before changing what it is made of."
        : null;

    private void Record(Principal writer, Incident incident, IncidentAct act, string reason, string what) =>
        incident.History.Add(Step(writer, act, incident.State, clock.GetUtcNow(), $"{reason.Trim()} ({what})"));

    private static VerificationStep Step(Principal writer, IncidentAct act, VerificationState state, DateTimeOffset at, string reason) =>
        new() { Act = act, From = state, To = state, At = at, By = writer.Name, Role = writer.Role, Reason = reason.Trim().Length > VerificationFlow.MaxReason ? reason.Trim()[..VerificationFlow.MaxReason] : reason.Trim() };

    private static void CheckIds(IReadOnlyList<long> observationIds, ValidationErrors errors)
    {
        if (observationIds.Count is 0 or > MaxObservations)
        {
            errors.Add("observations", $"From 1 to {MaxObservations} observations.");
        }
    }

    private static void CheckReason(string? reason, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Required: say why, for the incident's history.");
        }
        else if (reason.Trim().Length > VerificationFlow.MaxReason)
        {
            errors.Add("reason", $"At most {VerificationFlow.MaxReason} characters.");
        }
    }
}
