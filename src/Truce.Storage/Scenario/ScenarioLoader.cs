using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Commitments;
using Truce.Storage.Security;

namespace Truce.Storage.Scenario;

/// <summary>A scenario file that cannot be loaded; the message names the file, the entry and the field.</summary>
public sealed class ScenarioException(string message) : Exception(message);

public sealed record ScenarioSummary(int Actors, int Members, int Meetings, int PledgesCreated, int PledgesChanged, int PledgesUnchanged);

/// <summary>
/// Loads a scenario folder (see <c>data/scenario/README.md</c>) in one transaction: all of it or, on the
/// first bad entry, none of it. Loading again updates what the files changed; pledges go through the ledger,
/// so a changed pledge gets a new version in its history rather than being overwritten.
/// </summary>
public sealed class ScenarioLoader(TruceDb db, PledgeLedger ledger, CurrentPrincipal current, AuditTrail audit)
{
    public static readonly Principal Loader = new("scenario", Role.Admin, null);

    /// <summary>The scenario shipped with Truce, copied beside the program at build time.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "scenario");

    public async Task<ScenarioSummary> LoadAsync(string directory, CancellationToken ct = default)
    {
        if (!Directory.Exists(directory))
        {
            throw new ScenarioException($"Scenario folder '{directory}' does not exist.");
        }

        var actors = Read(directory, "actors.json").AsArray();
        var coalition = Read(directory, "coalition.json").AsObject();
        var meetings = Read(directory, "meetings.json").AsArray();
        var pledges = Read(directory, "pledges.json").AsArray();
        var planning = File.Exists(Path.Combine(directory, "planning.json")) ? Read(directory, "planning.json").AsObject() : null;

        using var acting = current.Use(Loader);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var actorCount = await LoadActorsAsync(actors, ct);
        var memberCount = await LoadMembersAsync(coalition["members"]?.AsArray() ?? throw new ScenarioException("coalition.json: 'members' is missing."), ct);
        var meetingCount = await LoadMeetingsAsync(meetings, ct);
        if (planning is not null)
        {
            await LoadPlanningAsync(planning, ct);
        }

        var (created, changed, unchanged) = await LoadPledgesAsync(pledges, ct);
        audit.Append(Loader, "scenario.loaded", $"scenario/{Path.GetFileName(Path.TrimEndingDirectorySeparator(directory))}", detail: $"{actorCount} actors, {memberCount} members, {meetingCount} meetings; pledges {created} new, {changed} changed, {unchanged} unchanged");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ScenarioSummary(actorCount, memberCount, meetingCount, created, changed, unchanged);
    }

    private static JsonNode Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new ScenarioException($"{file}: missing from '{directory}'.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new ScenarioException($"{file}: empty.");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{file} line {e.LineNumber + 1}: not valid JSON ({e.Message}).");
        }
    }

    private static T Entry<T>(JsonNode node, string where)
    {
        try
        {
            return node.Deserialize<T>(TruceJson.Options) ?? throw new ScenarioException($"{where}: empty entry.");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{where}{e.Path?.TrimStart('$')}: {e.Message}");
        }
    }

    private static TEnum Parse<TEnum>(string? text, string where)
        where TEnum : struct, Enum =>
        Kebab.TryParse(text, out TEnum value)
            ? value
            : throw new ScenarioException($"{where}: '{text}' is not valid; expected one of {Kebab.Choices<TEnum>()}.");

    private async Task<int> LoadActorsAsync(JsonArray items, CancellationToken ct)
    {
        var existing = await db.Actors.ToDictionaryAsync(a => a.Code, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"actors.json[{i}]";
            var a = Entry<ActorFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(a.Code) || string.IsNullOrWhiteSpace(a.Name))
            {
                throw new ScenarioException($"{where}: 'code' and 'name' are required.");
            }

            if (!seen.Add(a.Code))
            {
                throw new ScenarioException($"{where}.code: '{a.Code}' appears twice.");
            }

            if (!existing.TryGetValue(a.Code, out var actor))
            {
                actor = new Actor { Code = a.Code, Name = a.Name };
                db.Actors.Add(actor);
            }

            actor.Name = a.Name;
            actor.Kind = Parse<ActorKind>(a.Kind, $"{where}.kind");
            actor.Aliases = a.Aliases ?? [];
            actor.Roles = (a.Roles ?? []).Select(r => new ActorRole { Title = r.Title ?? string.Empty, OfCode = r.Of ?? string.Empty, From = r.From, To = r.To }).ToList();
        }

        foreach (var (index, role) in items.Select((n, i) => (i, Entry<ActorFile>(n!, $"actors.json[{i}]"))).SelectMany(x => (x.Item2.Roles ?? []).Select(r => (x.i, r))))
        {
            if (role.Of is null || !seen.Contains(role.Of) && !existing.ContainsKey(role.Of))
            {
                throw new ScenarioException($"actors.json[{index}].roles: '{role.Of}' is not an actor in actors.json.");
            }
        }

        await db.SaveChangesAsync(ct);
        return seen.Count;
    }

    private async Task<int> LoadMembersAsync(JsonArray items, CancellationToken ct)
    {
        var actors = await db.Actors.Select(a => a.Code).ToHashSetAsync(ct);
        var existing = await db.Members.ToDictionaryAsync(m => m.ActorCode, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"coalition.json members[{i}]";
            var m = Entry<MemberFile>(items[i]!, where);
            if (m.Actor is null || !actors.Contains(m.Actor))
            {
                throw new ScenarioException($"{where}.actor: '{m.Actor}' is not an actor in actors.json.");
            }

            if (!existing.TryGetValue(m.Actor, out var member))
            {
                member = new CoalitionMember { ActorCode = m.Actor };
                db.Members.Add(member);
                existing[m.Actor] = member;
            }

            member.Role = Parse<CoalitionRole>(m.Role, $"{where}.role");
            member.Since = m.Since;
            member.Note = m.Note;
            member.Sources = Citations(m.Sources);
        }

        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    private async Task<int> LoadMeetingsAsync(JsonArray items, CancellationToken ct)
    {
        var actors = await db.Actors.Select(a => a.Code).ToHashSetAsync(ct);
        var existing = await db.Meetings.Include(m => m.Participants).ToDictionaryAsync(m => m.Key, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"meetings.json[{i}]";
            var m = Entry<MeetingFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(m.Key) || string.IsNullOrWhiteSpace(m.Title) || m.Date is null)
            {
                throw new ScenarioException($"{where}: 'key', 'title' and 'date' are required.");
            }

            if (!existing.TryGetValue(m.Key, out var meeting))
            {
                meeting = new Meeting { Key = m.Key, Title = m.Title };
                db.Meetings.Add(meeting);
            }

            meeting.Title = m.Title;
            meeting.Date = m.Date.Value;
            meeting.Format = Parse<MeetingFormat>(m.Format, $"{where}.format");
            meeting.Place = m.Place;
            meeting.HostCode = m.Host;
            meeting.Summary = m.Summary;
            meeting.Outcomes = m.Outcomes ?? [];
            meeting.ParticipantsReported = m.ParticipantsReported;
            meeting.Sources = Citations(m.Sources);
            meeting.Participants.Clear();
            for (var j = 0; j < (m.Participants?.Count ?? 0); j++)
            {
                var p = m.Participants![j];
                var at = $"{where}.participants[{j}]";
                if (p.Actor is null || !actors.Contains(p.Actor))
                {
                    throw new ScenarioException($"{at}.actor: '{p.Actor}' is not an actor in actors.json.");
                }

                if (p.RepresentedBy is not null && !actors.Contains(p.RepresentedBy))
                {
                    throw new ScenarioException($"{at}.representedBy: '{p.RepresentedBy}' is not an actor in actors.json.");
                }

                meeting.Participants.Add(new MeetingParticipant
                {
                    ActorCode = p.Actor,
                    RepresentedByCode = p.RepresentedBy,
                    Role = Parse<ParticipantRole>(p.Role ?? "participant", $"{at}.role"),
                    Confidence = Parse<Confidence>(p.Confidence ?? "medium", $"{at}.confidence"),
                });
            }
        }

        await db.SaveChangesAsync(ct);
        return items.Count;
    }

    private async Task<(int Created, int Changed, int Unchanged)> LoadPledgesAsync(JsonArray items, CancellationToken ct)
    {
        int created = 0, changed = 0, unchanged = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var node = items[i]!;
            var key = node["key"]?.GetValue<string>();
            var where = $"pledges.json[{i}]";
            if (string.IsNullOrWhiteSpace(key) || !keys.Add(key))
            {
                throw new ScenarioException($"{where}.key: required and unique; got '{key}'.");
            }

            var input = Entry<PledgeInput>(node, where);
            var current = await db.Pledges.AsNoTracking().Where(p => p.Key == key).Select(p => new { p.Id, p.Version }).FirstOrDefaultAsync(ct);
            LedgerResult result;
            if (current is null)
            {
                input.Reason ??= "Loaded from the demo scenario";
                result = await ledger.CreateAsync(input, Loader, key, ct);
            }
            else
            {
                input.Reason = "Reloaded from the demo scenario";
                result = await ledger.UpdateAsync(current.Id, current.Version, input, Loader, ct);
            }

            if (result.Outcome == LedgerOutcome.Invalid)
            {
                throw new ScenarioException($"{where} ({key}): {result.Errors}");
            }

            if (result.Outcome is not (LedgerOutcome.Ok or LedgerOutcome.Created))
            {
                throw new ScenarioException($"{where} ({key}): {result.Message}");
            }

            if (result.Outcome == LedgerOutcome.Created)
            {
                created++;
            }
            else if (result.Pledge!.Version != current!.Version)
            {
                changed++;
            }
            else
            {
                unchanged++;
            }
        }

        return (created, changed, unchanged);
    }

    // The catalogue and sectors before the pledges (which name capabilities), then missions and requirements.
    private async Task LoadPlanningAsync(JsonObject planning, CancellationToken ct)
    {
        var capabilities = await db.Capabilities.ToDictionaryAsync(c => c.Code, ct);
        var items = planning["capabilities"]?.AsArray() ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"planning.json capabilities[{i}]";
            var c = Entry<CapabilityFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Name) || string.IsNullOrWhiteSpace(c.Measure))
            {
                throw new ScenarioException($"{where}: 'code', 'name' and 'measure' are required.");
            }

            if (!capabilities.TryGetValue(c.Code, out var entry))
            {
                entry = new CatalogueCapability { Code = c.Code, Name = c.Name, Measure = c.Measure };
                db.Capabilities.Add(entry);
                capabilities[c.Code] = entry;
            }

            entry.Name = c.Name;
            entry.Measure = c.Measure;
            entry.Category = Parse<PledgeCategory>(c.Category, $"{where}.category");
            entry.PersonnelPerUnit = c.PersonnelPerUnit;
            entry.Equipment = c.Equipment;
        }

        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, ct);
        items = planning["sectors"]?.AsArray() ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"planning.json sectors[{i}]";
            var s = Entry<SectorFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(s.Code) || string.IsNullOrWhiteSpace(s.Name))
            {
                throw new ScenarioException($"{where}: 'code' and 'name' are required.");
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
            var m = Entry<MissionFile>(items[i]!, where);
            if (string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Name))
            {
                throw new ScenarioException($"{where}: 'code' and 'name' are required.");
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
                var r = lines[j];
                var at = $"{where}.requirements[{j}]";
                if (string.IsNullOrWhiteSpace(r.Code) || r.Capability is null || !capabilities.ContainsKey(r.Capability))
                {
                    throw new ScenarioException($"{at}: needs a code and a capability from the catalogue; got '{r.Capability}'.");
                }

                if (r.Sector is null || !sectors.ContainsKey(r.Sector))
                {
                    throw new ScenarioException($"{at}.sector: '{r.Sector}' is not a sector in planning.json.");
                }

                if (r.Quantity <= 0 || r.WindowStart is null || r.WindowEnd is null || r.WindowEnd < r.WindowStart || r.Priority < 1)
                {
                    throw new ScenarioException($"{at}: expected a quantity above zero, a window (windowStart ≤ windowEnd) and a priority of 1 or more.");
                }

                var line = mission.Requirements.FirstOrDefault(x => x.Code == r.Code);
                if (line is null)
                {
                    line = new MissionRequirement { MissionCode = m.Code, Code = r.Code, CapabilityCode = r.Capability, SectorCode = r.Sector };
                    mission.Requirements.Add(line);
                }

                (line.CapabilityCode, line.SectorCode, line.Quantity, line.WindowStart, line.WindowEnd, line.Priority, line.Note) =
                    (r.Capability, r.Sector, r.Quantity, r.WindowStart.Value, r.WindowEnd.Value, r.Priority, r.Note);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record CapabilityFile(string? Code, string? Name, string? Category, string? Measure, int PersonnelPerUnit, string? Equipment);

    private sealed record SectorFile(string? Code, string? Name, bool InUkraine, bool NearFrontLine, bool Maritime);

    private sealed record MissionFile(string? Code, string? Name, string? Description, bool Illustrative, List<RequirementFile>? Requirements);

    private sealed record RequirementFile(string? Code, string? Capability, long Quantity, string? Sector, DateOnly? WindowStart, DateOnly? WindowEnd, int Priority, string? Note);

    private static List<Citation> Citations(List<CitationFile>? sources) =>
        (sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Url))
            .Select(s => new Citation { Url = s.Url!, Publisher = s.Publisher, Date = s.Date, Quote = s.Quote }).ToList();

    private sealed record ActorFile(string? Code, string? Kind, string? Name, List<string>? Aliases, List<RoleFile>? Roles);

    private sealed record RoleFile(string? Title, string? Of, DateOnly? From, DateOnly? To);

    private sealed record MemberFile(string? Actor, string? Role, DateOnly? Since, string? Note, List<CitationFile>? Sources);

    private sealed record CitationFile(string? Url, string? Publisher, DateOnly? Date, string? Quote);

    private sealed record MeetingFile(
        string? Key, string? Title, DateOnly? Date, string? Format, string? Place, string? Host, string? Summary,
        List<string>? Outcomes, string? ParticipantsReported, List<ParticipantFile>? Participants, List<CitationFile>? Sources);

    private sealed record ParticipantFile(string? Actor, string? RepresentedBy, string? Role, string? Confidence);
}
