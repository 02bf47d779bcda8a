using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;

namespace Truce.Storage.Monitoring;

/// <summary>An observation as readers see it, with where it was placed and what was found.</summary>
public sealed record ObservationView(
    long Id,
    string Source,
    string ExternalId,
    int Version,
    DateTimeOffset ObservedFrom,
    DateTimeOffset ObservedTo,
    string Type,
    int Count,
    double Lat,
    double Lon,
    double RadiusMetres,
    BearingSector? Sector,
    string? Weapon,
    int? CalibreMm,
    string? Target,
    string Direction,
    string? ClaimedBy,
    Casualties? Casualties,
    IReadOnlyList<string> Attachments,
    string Grading,
    string? Description,
    string? Oblast,
    string? Raion,
    string? SectorCode,
    string? Side,
    double? LineDistanceKm,
    IReadOnlyList<FindingView> Findings,
    string Marking)
{
    public static ObservationView From(Observation o) => new(
        o.Id, o.Source, o.ExternalId, o.Version, o.ObservedFrom, o.ObservedTo, Kebab.Of(o.Type), o.Count, o.Lat, o.Lon, o.RadiusMetres, o.Sector,
        o.Weapon, o.CalibreMm, o.Target, Kebab.Of(o.Direction), o.ClaimedBy, o.Casualties, o.Attachments.ToList(), o.Grading.ToString(), o.Description,
        o.Oblast, o.Raion, o.SectorCode, o.Side, o.LineDistanceKm,
        o.Findings.Select(f => new FindingView(f.Agreement, f.Provision, Kebab.Of(f.Verdict), f.Reason)).ToList(), o.Marking.ToString());
}

public sealed record FindingView(string Agreement, int Provision, string Verdict, string Reason);

/// <summary>Reads observations, current versions only unless asked, as the reader may see them.</summary>
public sealed class ObservationReads(TruceDb db)
{
    public const int MaxLimit = 5_000;

    /// <summary>The current observations in a time window and (when given) a box west, south, east, north; newest first.</summary>
    public async Task<IReadOnlyList<ObservationView>> ListAsync(Principal reader, DateTimeOffset? from, DateTimeOffset? to, Envelope? box, int limit = 500, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var query = db.Observations.AsNoTracking().Include(o => o.Findings).Where(o => o.IsCurrent);
        if (box is not null)
        {
            query = query.Where(o => o.Lon >= box.MinX && o.Lon <= box.MaxX && o.Lat >= box.MinY && o.Lat <= box.MaxY);
        }

        if (from is { } start)
        {
            query = query.Where(o => o.ObservedTo >= start);
        }

        if (to is { } end)
        {
            query = query.Where(o => o.ObservedFrom <= end);
        }

        var rows = await query.OrderByDescending(o => o.ObservedFrom).ThenByDescending(o => o.Id).Take(Math.Clamp(limit, 1, MaxLimit)).ToListAsync(ct);
        return rows.Select(ObservationView.From).ToList();
    }

    public async Task<Outcome<ObservationView>> GetAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var o = await db.Observations.AsNoTracking().Include(x => x.Findings).FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? Outcome.NotFound($"No observation {id}.") : Outcome.Done(ObservationView.From(o));
    }
}
