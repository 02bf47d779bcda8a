using Microsoft.EntityFrameworkCore;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Core.Security;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Positions;

/// <summary>
/// Negotiation issues and the parties' positions on them: recorded (checked by <see cref="IssueRules"/> and
/// <see cref="PositionRules"/>, marked, audited; a new position is a new record from its date, so the timeline
/// keeps every one) and read back as a <see cref="PositionSet"/> of what the reader may see — the
/// matrix, the zones of agreement and the timelines are worked out from it in Core.
/// </summary>
public sealed class PositionBook(TruceDb db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>Records an issue; refused when its key is taken.</summary>
    public async Task<Outcome<string>> AddIssueAsync(Principal writer, IssueInput input, CancellationToken ct = default)
    {
        if (AllowedRoles.RecordSources.Check(writer, "record negotiation issues") is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var issue = IssueRules.Read(input, errors);
        using var reading = db.ReadAs(writer);
        if (issue is not null)
        {
            await CheckPartiesAsync(issue.Parties, errors, "parties", ct);
            await MarkingChecks.CheckAsync(db, issue.Marking, writer, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (await db.ExistsUnfilteredAsync<NegotiationIssue>(i => i.Code == issue!.Code, "is this issue key taken", ct))
        {
            return Outcome.Conflict($"An issue '{issue!.Code}' is already recorded.");
        }

        db.NegotiationIssues.Add(issue!);
        audit.Append(writer, "issue.recorded", $"issue/{issue!.Code}", detail: $"{issue.Title}: {issue.Kind}, parties {string.Join(", ", issue.Parties)} ({issue.Marking})");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done(issue.Code);
    }

    /// <summary>Records a party's position on an issue from its date; refused when the party already has one that day under the same marking.</summary>
    public async Task<Outcome<long>> AddAsync(Principal writer, PositionInput input, CancellationToken ct = default)
    {
        if (AllowedRoles.RecordSources.Check(writer, "record positions") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var issues = await db.NegotiationIssues.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var errors = new ValidationErrors();
        var position = PositionRules.Read(input, issues, errors, owner: writer.MemberCode ?? string.Empty);
        if (!errors.Has("party") && input.Party is { } party)
        {
            await CheckPartiesAsync([party.Trim()], errors, "party", ct);
        }

        if (position is not null)
        {
            await MarkingChecks.CheckAsync(db, position.Marking, writer, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var scope = position!.Marking.ToString();
        if (await db.Positions.AnyAsync(p => p.PartyCode == position.PartyCode && p.IssueCode == position.IssueCode && p.AsOf == position.AsOf && EF.Property<string>(p, Releasability.ScopeColumn) == scope, ct))
        {
            return Outcome.Conflict($"{position.PartyCode} already has a position on {position.IssueCode} on {position.AsOf:yyyy-MM-dd} ({scope}); a later position is recorded with a later date.");
        }

        position.RecordedAt = clock.GetUtcNow();
        position.RecordedBy = writer.Name;
        db.Positions.Add(position);
        audit.Append(writer, "position.recorded", $"position/{position.IssueCode}/{position.PartyCode}", detail: $"as of {position.AsOf:yyyy-MM-dd}: {position.Stance} — {position.Sources.Count} sources ({scope})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            return Outcome.Conflict($"{position.PartyCode} already has a position on {position.IssueCode} on {position.AsOf:yyyy-MM-dd} ({scope}), recorded a moment ago.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return Outcome.Done(position.Id);
    }

    /// <summary>The issues and positions <paramref name="reader"/> may see, with the parties' names for sentences.</summary>
    public async Task<PositionSet> ReadAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var issues = await db.NegotiationIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var positions = await db.Positions.AsNoTracking().OrderBy(p => p.AsOf).ThenBy(p => p.Id).ToListAsync(ct);
        var codes = issues.SelectMany(i => i.Parties).Concat(positions.Select(p => p.PartyCode)).ToHashSet(StringComparer.Ordinal);
        var names = await db.Actors.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, ct);
        names[PositionsFile.Coalition] = "the coalition";
        return new PositionSet(issues, positions, names);
    }

    /// <summary>The parties a position may name: the actors the writer can see, and the coalition as a whole.</summary>
    private async Task CheckPartiesAsync(List<string> parties, ValidationErrors errors, string field, CancellationToken ct)
    {
        var named = parties.Where(p => p != PositionsFile.Coalition).Distinct().ToList();
        var known = await db.Actors.AsNoTracking().Where(a => named.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
        for (var i = 0; i < parties.Count; i++)
        {
            if (parties[i] != PositionsFile.Coalition && !known.Contains(parties[i]))
            {
                errors.Add(parties.Count == 1 && field == "party" ? field : $"{field}[{i}]", $"'{parties[i]}' is not an actor Truce knows (nor '{PositionsFile.Coalition}', the coalition as a whole).");
            }
        }
    }
}
