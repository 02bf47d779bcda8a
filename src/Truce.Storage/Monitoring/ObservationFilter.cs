using NetTopologySuite.Geometries;
using Truce.Core.Monitoring;

namespace Truce.Storage.Monitoring;

/// <summary>
/// What the map and the list narrow current observations to; every part is applied in the store's query.
/// An empty list means "any". The window takes every observation whose own window meets [From, To].
/// </summary>
public sealed record ObservationFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    Envelope? Box = null,
    IReadOnlyList<EventType>? Types = null,
    IReadOnlyList<WorstVerdict>? Verdicts = null,
    IReadOnlyList<string>? Sources = null,
    IReadOnlyList<string>? Sides = null);

/// <summary>One observation as the map draws it: where, what, when, who says so, on which side, and the worst verdict.</summary>
public sealed record MapPoint(long Id, string Type, DateTimeOffset ObservedFrom, string Source, string? Side, string Verdict, int Count, double Lat, double Lon);

/// <summary>The map's points, newest first; <see cref="Truncated"/> when more matched than <see cref="Limit"/>.</summary>
public sealed record ObservationMap(IReadOnlyList<MapPoint> Points, bool Truncated, int Limit);

/// <summary>One line of the observations' table.</summary>
public sealed record ObservationRow(
    long Id,
    string Type,
    DateTimeOffset ObservedFrom,
    DateTimeOffset ObservedTo,
    string Source,
    int Count,
    string? Oblast,
    string? Raion,
    string? Side,
    double? LineDistanceKm,
    string Verdict);

/// <summary>A page of the table, newest first, and where the next one starts (null on the last page).</summary>
public sealed record ObservationPage(IReadOnlyList<ObservationRow> Rows, ObservationCursor? Next);

/// <summary>Where a page of the table starts: after the observation with this start and id (the order is start, then id, both descending).</summary>
public sealed record ObservationCursor(DateTimeOffset ObservedFrom, long Id)
{
    public override string ToString() => $"{ObservedFrom.UtcTicks}-{Id}";

    public static bool TryParse(string? text, out ObservationCursor? cursor)
    {
        cursor = null;
        if (text?.Split('-') is [var ticks, var id]
            && long.TryParse(ticks, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t)
            && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            && t <= DateTimeOffset.MaxValue.UtcTicks)
        {
            cursor = new ObservationCursor(new DateTimeOffset(t, TimeSpan.Zero), i);
            return true;
        }

        return false;
    }
}
