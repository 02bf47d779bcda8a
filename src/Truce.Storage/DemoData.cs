using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Agreements;
using Truce.Storage.Coalition;
using Truce.Storage.Commitments;
using Truce.Storage.Geography;
using Truce.Storage.Planning;
using Truce.Storage.Positions;
using Truce.Storage.Security;

namespace Truce.Storage;

/// <summary>A demo data file that cannot be loaded; the message names the file, the entry and the field.</summary>
internal sealed class DemoDataException(string message) : Exception(message);

public sealed record DemoSummary(int Actors, int Members, int Meetings, int PledgesCreated, int PledgesChanged, int PledgesUnchanged, int LayersImported = 0, int AgreementsRecorded = 0, int PositionsRecorded = 0);

/// <summary>
/// Loads the demo data (see <c>data/demo/README.md</c>) in one transaction: all of it or, on the first bad
/// entry, none of it. Each module loads its own part, in the order they depend on each other: the coalition,
/// then the planning catalogue (which pledges name), then the pledges, the geography layers, and the
/// agreements (whose baselines name layers). Loading again updates what the files
/// changed; pledges go through the ledger, so a changed pledge gets a new version rather than being overwritten.
/// </summary>
public sealed class DemoData(TruceDb db, PledgeWrites pledges, GeoLayers layers, AgreementWrites agreements, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Truce itself, loading its demo data: sees and may write everything; its reads are logged.</summary>
    public static readonly Principal Loader = Principal.System("demo-data");

    /// <summary>The demo data shipped with Truce, copied beside the program at build time.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "demo");

    /// <summary>Loads the folder for <paramref name="by"/>, an admin; a bad file is named under <c>path</c> and nothing is loaded.</summary>
    public async Task<Outcome<DemoSummary>> LoadAsync(Principal by, string folder, CancellationToken ct = default)
    {
        if (AllowedRoles.Administer.Check(by, "load demo data") is { } refused)
        {
            return refused;
        }

        try
        {
            return Outcome.Done(await LoadAsync(folder, by, ct));
        }
        catch (DemoDataException e)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid("path", e.Message);
        }
    }

    private async Task<DemoSummary> LoadAsync(string folder, Principal by, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new DemoDataException($"The demo data folder '{folder}' does not exist.");
        }

        var files = new DemoFiles(folder);
        var actors = files.Read("actors.json").AsArray();
        var coalition = files.Read("coalition.json").AsObject();
        var meetings = files.Read("meetings.json").AsArray();
        var pledgeItems = files.Read("pledges.json").AsArray();
        var planning = files.Exists("planning.json") ? files.Read("planning.json").AsObject() : null;
        var layerItems = files.Exists("layers.json") ? files.Read("layers.json").AsArray() : [];
        var agreementItems = files.Exists("agreements.json") ? files.Read("agreements.json").AsArray() : [];
        var positionsJson = files.Exists("positions.json") ? files.Text("positions.json") : null;

        using var reading = db.ReadAs(Loader);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var actorCount = await CoalitionDemoData.LoadActorsAsync(db, actors, ct);
        var memberCount = await CoalitionDemoData.LoadMembersAsync(db, coalition["members"]?.AsArray() ?? throw new DemoDataException("coalition.json: 'members' is missing."), ct);
        var meetingCount = await CoalitionDemoData.LoadMeetingsAsync(db, meetings, ct);
        if (planning is not null)
        {
            await PlanningDemoData.LoadAsync(db, planning, ct);
        }

        var (created, changed, unchanged) = await PledgeDemoData.LoadAsync(db, pledges, Loader, pledgeItems, ct);
        var layerCount = await GeographyDemoData.LoadAsync(db, layers, Loader, layerItems, GeographyDemoData.Folder, ct);
        var agreementCount = await AgreementDemoData.LoadAsync(db, agreements, Loader, agreementItems, ct);
        var positionCount = positionsJson is null ? 0 : await PositionDemoData.LoadAsync(db, positionsJson, Loader, clock.GetUtcNow(), ct);
        audit.Append(Loader, "demo.loaded", $"demo/{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}", detail: $"for {by.Name}: {actorCount} actors, {memberCount} members, {meetingCount} meetings; pledges {created} new, {changed} changed, {unchanged} unchanged; {layerCount} layer versions, {agreementCount} agreements new, {positionCount} positions new");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new DemoSummary(actorCount, memberCount, meetingCount, created, changed, unchanged, layerCount, agreementCount, positionCount);
    }
}

/// <summary>Reading the demo data's files, naming the file, entry and field of anything wrong.</summary>
internal sealed class DemoFiles(string folder)
{
    public bool Exists(string file) => File.Exists(Path.Combine(folder, file));

    public string Text(string file) => File.ReadAllText(Path.Combine(folder, file));

    public JsonNode Read(string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new DemoDataException($"{file}: missing from '{folder}'.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new DemoDataException($"{file}: empty.");
        }
        catch (JsonException e)
        {
            throw new DemoDataException($"{file} line {e.LineNumber + 1}: not valid JSON.");
        }
    }

    /// <summary>One entry of a file as <typeparamref name="T"/>; <paramref name="where"/> names it (<c>actors.json[3]</c>).</summary>
    public static T Entry<T>(JsonNode node, string where)
    {
        try
        {
            return node.Deserialize<T>(TruceJson.Options) ?? throw new DemoDataException($"{where}: empty entry.");
        }
        catch (JsonException e)
        {
            var (field, expected) = JsonFields.Explain(typeof(T), e);
            throw new DemoDataException($"{where}.{field}: expected {expected}.");
        }
    }

    public static TEnum Parse<TEnum>(string? text, string where)
        where TEnum : struct, Enum =>
        Kebab.TryParse(text, out TEnum value)
            ? value
            : throw new DemoDataException($"{where}: '{text}' is not valid; expected one of {Kebab.Choices<TEnum>()}.");

    public static List<Citation> Citations(List<CitationFile>? sources) =>
        (sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Url))
            .Select(s => new Citation { Url = s.Url!, Publisher = s.Publisher, Date = s.Date, Quote = s.Quote }).ToList();

    public sealed record CitationFile(string? Url, string? Publisher, DateOnly? Date, string? Quote);
}
