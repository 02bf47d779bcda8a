using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Coalition;
using Truce.Core.Common;

namespace Truce.Storage.Coalition;

/// <summary>The Coalition module's part of the demo data: actors, members and meetings (<c>data/demo/README.md</c>).</summary>
internal static class CoalitionDemoData
{
    public static async Task<int> LoadActorsAsync(TruceDb db, JsonArray items, CancellationToken ct)
    {
        var existing = await db.Actors.ToDictionaryAsync(a => a.Code, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"actors.json[{i}]";
            var a = DemoFiles.Entry<ActorFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(a.Code) || string.IsNullOrWhiteSpace(a.Name))
            {
                throw new DemoDataException($"{where}: 'code' and 'name' are required.");
            }

            if (!seen.Add(a.Code))
            {
                throw new DemoDataException($"{where}.code: '{a.Code}' appears twice.");
            }

            if (!existing.TryGetValue(a.Code, out var actor))
            {
                actor = new Actor { Code = a.Code, Name = a.Name };
                db.Actors.Add(actor);
            }

            actor.Name = a.Name;
            actor.Kind = DemoFiles.Parse<ActorKind>(a.Kind, $"{where}.kind");
            actor.Aliases = a.Aliases ?? [];
            actor.Roles = (a.Roles ?? []).Select(r => new ActorRole { Title = r.Title ?? string.Empty, OfCode = r.Of ?? string.Empty, From = r.From, To = r.To }).ToList();
        }

        foreach (var (index, role) in items.Select((n, i) => (i, DemoFiles.Entry<ActorFile>(n!, $"actors.json[{i}]"))).SelectMany(x => (x.Item2.Roles ?? []).Select(r => (x.i, r))))
        {
            if (role.Of is null || !seen.Contains(role.Of) && !existing.ContainsKey(role.Of))
            {
                throw new DemoDataException($"actors.json[{index}].roles: '{role.Of}' is not an actor in actors.json.");
            }
        }

        await db.SaveChangesAsync(ct);
        return seen.Count;
    }

    public static async Task<int> LoadMembersAsync(TruceDb db, JsonArray items, CancellationToken ct)
    {
        var actors = await db.Actors.Select(a => a.Code).ToHashSetAsync(ct);
        var existing = await db.Members.ToDictionaryAsync(m => m.ActorCode, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"coalition.json members[{i}]";
            var m = DemoFiles.Entry<MemberFile>(items[i]!, where);
            if (m.Actor is null || !actors.Contains(m.Actor))
            {
                throw new DemoDataException($"{where}.actor: '{m.Actor}' is not an actor in actors.json.");
            }

            if (!existing.TryGetValue(m.Actor, out var member))
            {
                member = new CoalitionMember { ActorCode = m.Actor };
                db.Members.Add(member);
                existing[m.Actor] = member;
            }

            member.Role = DemoFiles.Parse<CoalitionRole>(m.Role, $"{where}.role");
            member.Since = m.Since;
            member.Note = m.Note;
            member.Sources = DemoFiles.Citations(m.Sources);
        }

        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    public static async Task<int> LoadMeetingsAsync(TruceDb db, JsonArray items, CancellationToken ct)
    {
        var actors = await db.Actors.Select(a => a.Code).ToHashSetAsync(ct);
        var existing = await db.Meetings.Include(m => m.Participants).ToDictionaryAsync(m => m.Key, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"meetings.json[{i}]";
            var m = DemoFiles.Entry<MeetingFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(m.Key) || string.IsNullOrWhiteSpace(m.Title) || m.Date is null)
            {
                throw new DemoDataException($"{where}: 'key', 'title' and 'date' are required.");
            }

            if (!existing.TryGetValue(m.Key, out var meeting))
            {
                meeting = new Meeting { Key = m.Key, Title = m.Title };
                db.Meetings.Add(meeting);
            }

            meeting.Title = m.Title;
            meeting.Date = m.Date.Value;
            meeting.Format = DemoFiles.Parse<MeetingFormat>(m.Format, $"{where}.format");
            meeting.Place = m.Place;
            meeting.HostCode = m.Host;
            meeting.Summary = m.Summary;
            meeting.Outcomes = m.Outcomes ?? [];
            meeting.ParticipantsReported = m.ParticipantsReported;
            meeting.Sources = DemoFiles.Citations(m.Sources);
            meeting.Participants.Clear();
            for (var j = 0; j < (m.Participants?.Count ?? 0); j++)
            {
                var p = m.Participants![j];
                var at = $"{where}.participants[{j}]";
                if (p.Actor is null || !actors.Contains(p.Actor))
                {
                    throw new DemoDataException($"{at}.actor: '{p.Actor}' is not an actor in actors.json.");
                }

                if (p.RepresentedBy is not null && !actors.Contains(p.RepresentedBy))
                {
                    throw new DemoDataException($"{at}.representedBy: '{p.RepresentedBy}' is not an actor in actors.json.");
                }

                meeting.Participants.Add(new MeetingParticipant
                {
                    ActorCode = p.Actor,
                    RepresentedByCode = p.RepresentedBy,
                    Role = DemoFiles.Parse<ParticipantRole>(p.Role ?? "participant", $"{at}.role"),
                    Confidence = DemoFiles.Parse<Confidence>(p.Confidence ?? "medium", $"{at}.confidence"),
                });
            }
        }

        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    private sealed record ActorFile(string? Code, string? Kind, string? Name, List<string>? Aliases, List<RoleFile>? Roles);

    private sealed record RoleFile(string? Title, string? Of, DateOnly? From, DateOnly? To);

    private sealed record MemberFile(string? Actor, string? Role, DateOnly? Since, string? Note, List<DemoFiles.CitationFile>? Sources);

    private sealed record MeetingFile(
        string? Key, string? Title, DateOnly? Date, string? Format, string? Place, string? Host, string? Summary,
        List<string>? Outcomes, string? ParticipantsReported, List<ParticipantFile>? Participants, List<DemoFiles.CitationFile>? Sources);

    private sealed record ParticipantFile(string? Actor, string? RepresentedBy, string? Role, string? Confidence);
}
