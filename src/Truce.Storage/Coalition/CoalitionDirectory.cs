using Microsoft.EntityFrameworkCore;
using Truce.Core.Coalition;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Coalition;

/// <summary>Reads actors, members and meetings, as the reader may see them. They change with the demo data, not through the API (yet).</summary>
public sealed class CoalitionDirectory(TruceDb db)
{
    public async Task<IReadOnlyList<ActorView>> ActorsAsync(Principal reader, ActorKind? kind, string? search, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var query = db.Actors.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        var actors = await query.OrderBy(a => a.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Aliases live in a JSON column; a few hundred actors are filtered in memory.
            var s = search.Trim();
            actors = actors.Where(a => a.Code.Contains(s, StringComparison.OrdinalIgnoreCase)
                || a.Name.Contains(s, StringComparison.OrdinalIgnoreCase)
                || a.Aliases.Exists(x => x.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        var roles = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.ActorCode, m => m.Role, ct);
        return actors.Select(a => ActorView.From(a, roles.TryGetValue(a.Code, out var r) ? r : null)).ToList();
    }

    public async Task<Outcome<ActorView>> ActorAsync(Principal reader, string code, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (actor is null)
        {
            return Outcome.NotFound($"No actor with code '{code}'.");
        }

        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ActorCode == code, ct);
        return Outcome.Done(ActorView.From(actor, member?.Role));
    }

    public async Task<IReadOnlyList<MemberView>> MembersAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var members = await db.Members.AsNoTracking().Include(m => m.Actor).ToListAsync(ct);
        var counts = await db.Pledges.GroupBy(p => p.MemberCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return members
            .OrderBy(m => m.Role)
            .ThenBy(m => m.Actor!.Name, StringComparer.Ordinal)
            .Select(m => new MemberView(
                m.ActorCode,
                m.Actor!.Name,
                Kebab.Of(m.Actor.Kind),
                Kebab.Of(m.Role),
                m.Since,
                m.Note,
                counts.GetValueOrDefault(m.ActorCode),
                m.Sources.Select(CitationSummary.From).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<MeetingView>> MeetingsAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var meetings = await MeetingQuery().OrderBy(m => m.Date).ToListAsync(ct);
        return meetings.Select(ToView).ToList();
    }

    public async Task<Outcome<MeetingView>> MeetingAsync(Principal reader, int id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var meeting = await MeetingQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        return meeting is null ? Outcome.NotFound($"No meeting {id}.") : Outcome.Done(ToView(meeting));
    }

    private IQueryable<Meeting> MeetingQuery() => db.Meetings.AsNoTracking().AsSplitQuery()
        .Include(m => m.Participants).ThenInclude(p => p.Actor)
        .Include(m => m.Participants).ThenInclude(p => p.RepresentedBy);

    private static MeetingView ToView(Meeting m) => new(
        m.Id,
        m.Key,
        m.Title,
        m.Date,
        Kebab.Of(m.Format),
        m.Place,
        m.HostCode,
        m.Summary,
        m.Outcomes.ToList(),
        m.ParticipantsReported,
        m.Participants
            .OrderBy(p => p.Role)
            .ThenBy(p => p.Actor!.Name, StringComparer.Ordinal)
            .Select(p => new ParticipantView(p.ActorCode, p.Actor!.Name, p.RepresentedByCode, p.RepresentedBy?.Name, Kebab.Of(p.Role), Kebab.Of(p.Confidence)))
            .ToList(),
        m.Sources.Select(CitationSummary.From).ToList());
}
