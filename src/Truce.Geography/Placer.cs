using NetTopologySuite.Geometries;

namespace Truce.Geography;

/// <summary>Where a point is: its oblast (ISO 3166-2), raion (KATOTTH), the side that controls it and its distance to the line of contact.</summary>
/// <param name="Side"><c>RUS</c> inside the control area, <c>UKR</c> elsewhere in Ukraine, null outside Ukraine.</param>
public sealed record Place(string? Oblast, string? Raion, string? Side, double? LineDistanceKm);

/// <summary>
/// Places points on one version of the layers: oblasts, raions, the area under Russian control and the line
/// of contact, each indexed once. The oblast comes from the raion's KATOTTH code where a raion holds the
/// point (the raion layer is the finer one), and from the oblast layer only where none does (Crimea, Kyiv
/// city, and water the raion layer covers but the oblast layer leaves out), so the two layers never
/// contradict each other in an answer.
/// </summary>
public sealed class Placer
{
    // KATOTTH's first-level prefixes where they differ from ISO 3166-2; the others share their digits.
    private static readonly Dictionary<string, string> KatotthToIso = new(StringComparer.Ordinal)
    {
        ["UA01"] = "UA-43", ["UA44"] = "UA-09", ["UA73"] = "UA-77", ["UA80"] = "UA-30", ["UA85"] = "UA-40",
    };

    private readonly AreaIndex<string> _oblasts = new();
    private readonly AreaIndex<string> _raions = new();
    private readonly AreaIndex<string> _controlled = new();
    private readonly GeodesicLine? _line;

    /// <param name="oblasts">Areas with their ISO 3166-2 codes.</param>
    /// <param name="raions">Areas with their KATOTTH codes.</param>
    /// <param name="controlled">The area under Russian control (it may reach beyond Ukraine; only points in Ukraine get a side).</param>
    /// <param name="line">The line of contact, if one is in force.</param>
    public Placer(IEnumerable<(string Code, Geometry Area)> oblasts, IEnumerable<(string Code, Geometry Area)> raions, IEnumerable<Geometry> controlled, IReadOnlyList<(double Lon, double Lat)>? line)
    {
        foreach (var (code, area) in oblasts)
        {
            _oblasts.Add(code, area);
        }

        foreach (var (code, area) in raions)
        {
            _raions.Add(code, area);
        }

        foreach (var area in controlled)
        {
            _controlled.Add("RUS", area);
        }

        _line = line is { Count: > 0 } ? new GeodesicLine(line) : null;
    }

    /// <summary>The layers shipped in data/geo: OpenStreetMap's oblasts and raions, the illustrative line and control area of March 2025.</summary>
    public static Placer Shipped(string? folder = null)
    {
        folder ??= GeoJsonLayer.ShippedFolder;
        var line = GeoJsonLayer.Read(Path.Combine(folder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => f.Geometry.Coordinates.Select(c => (c.X, c.Y))).ToList();
        return new Placer(
            GeoJsonLayer.Read(Path.Combine(folder, "ukraine-oblasts.geojson")).Select(f => (f.Properties["iso3166_2"]!, f.Geometry)),
            GeoJsonLayer.Read(Path.Combine(folder, "ukraine-raions.geojson")).Select(f => (f.Properties["katotth"]!, f.Geometry)),
            GeoJsonLayer.Read(Path.Combine(folder, "control-area-2025-03-illustrative.geojson")).Select(f => f.Geometry),
            line);
    }

    public Place Locate(double lat, double lon)
    {
        var raion = _raions.Locate(lon, lat);
        var oblast = raion is not null ? OblastOf(raion) : _oblasts.Locate(lon, lat);
        var side = oblast is null ? null : _controlled.Locate(lon, lat) ?? "UKR";
        var distance = _line is null ? (double?)null : Math.Round(_line.DistanceTo(lat, lon) / 1000, 3);
        return new Place(oblast, raion, side, distance);
    }

    /// <summary>The ISO 3166-2 code of the oblast a KATOTTH code (UA14…) lies in.</summary>
    public static string OblastOf(string katotth)
    {
        var prefix = katotth.Length >= 4 ? katotth[..4] : katotth;
        return KatotthToIso.TryGetValue(prefix, out var iso) ? iso : "UA-" + prefix[2..];
    }
}
