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
    string? Origin,
    string? Oblast,
    string? Raion,
    string? SectorCode,
    string? Side,
    double? LineDistanceKm,
    IReadOnlyList<FindingView> Findings,
    string Marking,
    DateTimeOffset ReceivedAt,
    string ReceivedBy)
{
    public static ObservationView From(Observation o) => new(
        o.Id, o.Source, o.ExternalId, o.Version, o.ObservedFrom, o.ObservedTo, Kebab.Of(o.Type), o.Count, o.Lat, o.Lon, o.RadiusMetres, o.Sector,
        o.Weapon, o.CalibreMm, o.Target, Kebab.Of(o.Direction), o.ClaimedBy, o.Casualties, o.Attachments.ToList(), o.Grading.ToString(), o.Description, o.Origin,
        o.Oblast, o.Raion, o.SectorCode, o.Side, o.LineDistanceKm,
        o.Findings.Select(f => new FindingView(f.Agreement, f.Provision, Kebab.Of(f.Verdict), f.Reason)).ToList(), o.Marking.ToString(),
        new DateTimeOffset(DateTime.SpecifyKind(o.ReceivedAtUtc, DateTimeKind.Utc)), o.ReceivedBy);
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
        IQueryable<Observation> query = Currents().Include(o => o.Findings);
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

    /// <summary>
    /// The map's points: the current observations matching <paramref name="filter"/>, newest first, at most
    /// <paramref name="limit"/> (1–5,000), each with only what the map draws and its worst verdict. Ordered by
    /// start alone, as the index (IsCurrent, ObservedFrom, Lon, Lat) runs, so the store walks that index
    /// backwards, checks the box and the worst verdict in it and stops after one row more than the limit (which
    /// says "truncated"); the worst verdict is stored with the observation at intake.
    /// </summary>
    public async Task<ObservationMap> MapAsync(Principal reader, ObservationFilter filter, int limit = MaxLimit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        using var reading = db.ReadAs(reader);
        var rows = await Filtered(filter)
            .OrderByDescending(o => o.ObservedFrom)
            .Take(limit + 1)
            .Select(o => new PointRow
            {
                Id = o.Id,
                Type = o.Type,
                ObservedFrom = o.ObservedFrom,
                Source = o.Source,
                Side = o.Side,
                Count = o.Count,
                Lat = o.Lat,
                Lon = o.Lon,
                Worst = o.Worst,
            })
            .ToListAsync(ct);
        var points = rows.Take(limit).Select(r => new MapPoint(r.Id, Kebab.Of(r.Type), r.ObservedFrom, r.Source, r.Side, Kebab.Of(r.Worst), r.Count, r.Lat, r.Lon)).ToList();
        return new ObservationMap(points, rows.Count > limit, limit);
    }

    /// <summary>A page of the observations' table: the current ones matching <paramref name="filter"/>, newest first (then by id), after <paramref name="after"/>.</summary>
    public async Task<ObservationPage> PageAsync(Principal reader, ObservationFilter filter, ObservationCursor? after = null, int limit = 50, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        using var reading = db.ReadAs(reader);
        var query = Filtered(filter);
        if (after is not null)
        {
            var (at, id) = (after.ObservedFrom, after.Id);
            query = query.Where(o => o.ObservedFrom < at || (o.ObservedFrom == at && o.Id < id));
        }

        var rows = await query
            .OrderByDescending(o => o.ObservedFrom).ThenByDescending(o => o.Id)
            .Take(limit + 1)
            .Select(o => new TableRow
            {
                Id = o.Id,
                Type = o.Type,
                ObservedFrom = o.ObservedFrom,
                ObservedTo = o.ObservedTo,
                Source = o.Source,
                Count = o.Count,
                Oblast = o.Oblast,
                Raion = o.Raion,
                Side = o.Side,
                LineDistanceKm = o.LineDistanceKm,
                Worst = o.Worst,
            })
            .ToListAsync(ct);
        var shown = rows.Take(limit).Select(r => new ObservationRow(
            r.Id, Kebab.Of(r.Type), r.ObservedFrom, r.ObservedTo, r.Source, r.Count, r.Oblast, r.Raion, r.Side, r.LineDistanceKm, Kebab.Of(r.Worst))).ToList();
        return new ObservationPage(shown, rows.Count > limit ? new ObservationCursor(shown[^1].ObservedFrom, shown[^1].Id) : null);
    }

    /// <summary>The first and last start among the current observations the reader may see, for the map's time slider; null when there are none.</summary>
    public async Task<(DateTimeOffset First, DateTimeOffset Last)?> SpanAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var current = Currents();
        var first = await current.OrderBy(o => o.ObservedFrom).Select(o => o.ObservedFrom).Take(1).ToListAsync(ct);
        var last = await current.OrderByDescending(o => o.ObservedFrom).Select(o => o.ObservedFrom).Take(1).ToListAsync(ct);
        return first.Count == 0 ? null : (first[0], last[0]);
    }

    /// <summary>The id of the current version of a source's report, if the reader may see it.</summary>
    public async Task<long?> CurrentIdAsync(Principal reader, string source, string externalId, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var ids = await db.Observations.AsNoTracking().Where(o => o.IsCurrent && o.Source == source && o.ExternalId == externalId).OrderByDescending(o => o.Version).Select(o => o.Id).Take(1).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    public async Task<Outcome<ObservationView>> GetAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var o = await db.Observations.AsNoTracking().Include(x => x.Findings).FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? Outcome.NotFound($"No observation {id}.") : Outcome.Done(ObservationView.From(o));
    }

    /// <summary>
    /// The current versions, asked as <c>IsCurrent = @current</c>: for <c>o.IsCurrent</c> (and for
    /// <c>o.IsCurrent == true</c>, or a static field) EF writes the bare column, and SQLite then scans the whole
    /// table instead of using the index (IsCurrent, ObservedFrom, Lon, Lat), which needs an equality on its
    /// first column (checked with EXPLAIN QUERY PLAN). A captured variable becomes a parameter.
    /// </summary>
    private IQueryable<Observation> Currents()
    {
        var current = true;
        return db.Observations.AsNoTracking().Where(o => o.IsCurrent == current);
    }

    /// <summary>
    /// The current observations matching the filter, every part in the query. The window's start also bounds
    /// an observation's start (its window lasts at most <see cref="ObservationRules.MaxWindow"/>), so the time
    /// window is a range of the index on either store rather than a scan of every earlier observation.
    /// </summary>
    private IQueryable<Observation> Filtered(ObservationFilter filter)
    {
        var query = Currents();
        if (filter.From is { } start)
        {
            var earliest = start - ObservationRules.MaxWindow;
            query = query.Where(o => o.ObservedFrom >= earliest && o.ObservedTo >= start);
        }

        if (filter.To is { } end)
        {
            query = query.Where(o => o.ObservedFrom <= end);
        }

        if (filter.Box is { } box)
        {
            var (west, east, south, north) = (box.MinX, box.MaxX, box.MinY, box.MaxY);
            query = query.Where(o => o.Lon >= west && o.Lon <= east && o.Lat >= south && o.Lat <= north);
        }

        if (filter.Types is { Count: > 0 } types)
        {
            var wanted = types.Distinct().ToList();
            query = query.Where(o => wanted.Contains(o.Type));
        }

        if (filter.Sources is { Count: > 0 } sources)
        {
            var wanted = sources.Distinct(StringComparer.Ordinal).ToList();
            query = query.Where(o => wanted.Contains(o.Source));
        }

        if (filter.Sides is { Count: > 0 } sides)
        {
            var wanted = sides.Distinct(StringComparer.Ordinal).ToList();
            query = query.Where(o => o.Side != null && wanted.Contains(o.Side));
        }

        if (filter.Verdicts is { Count: > 0 } verdicts)
        {
            var wanted = verdicts.Distinct().ToList();
            query = query.Where(o => wanted.Contains(o.Worst));
        }

        return query;
    }

    // What the store sends back for a point or a table row; the verdict and type are turned into words after.
    private sealed class PointRow
    {
        public long Id { get; init; }

        public EventType Type { get; init; }

        public DateTimeOffset ObservedFrom { get; init; }

        public string Source { get; init; } = string.Empty;

        public string? Side { get; init; }

        public int Count { get; init; }

        public double Lat { get; init; }

        public double Lon { get; init; }

        public WorstVerdict Worst { get; init; }
    }

    private sealed class TableRow
    {
        public long Id { get; init; }

        public EventType Type { get; init; }

        public DateTimeOffset ObservedFrom { get; init; }

        public DateTimeOffset ObservedTo { get; init; }

        public string Source { get; init; } = string.Empty;

        public int Count { get; init; }

        public string? Oblast { get; init; }

        public string? Raion { get; init; }

        public string? Side { get; init; }

        public double? LineDistanceKm { get; init; }

        public WorstVerdict Worst { get; init; }
    }
}
