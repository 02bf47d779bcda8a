using Truce.Core.Common;
using Truce.Geography;

namespace Truce.Storage.Agreements;

/// <summary>Where a point is at a time, and what the answer rests on: the layer versions and the agreements' zones used.</summary>
public sealed record PlaceView(
    double Lat,
    double Lon,
    DateTimeOffset At,
    string? Oblast,
    string? Raion,
    string? Sector,
    string? Side,
    double? LineDistanceKm,
    IReadOnlyList<string> Zones,
    IReadOnlyList<string> Layers)
{
    public static PlaceView From(double lat, double lon, Place place, PlacementBasis basis) => new(
        lat, lon, basis.At, place.Oblast, place.Raion, place.Sector, place.Side, place.LineDistanceKm, place.Zones,
        basis.Layers.Select(v => $"{v.Key}@{v.ValidFrom:yyyy-MM-dd}").ToList());
}
