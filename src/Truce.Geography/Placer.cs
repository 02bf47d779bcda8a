using NetTopologySuite.Geometries;

namespace Truce.Geography;

/// <summary>Where a point is: its oblast (ISO 3166-2), raion (KATOTTH), the side that controls it, its distance to the line of contact and the zones it falls in.</summary>
/// <param name="Side"><c>RUS</c> inside the control area, <c>UKR</c> elsewhere in Ukraine, null outside Ukraine or when no control area is in force.</param>
/// <param name="Zones">The names of the provisions' zones that hold the point, in the order the zones were given.</param>
/// <param name="Sector">The code of the sector that holds the point, when a sector layer is in force.</param>
public sealed record Place(string? Oblast, string? Raion, string? Side, double? LineDistanceKm, IReadOnlyList<string> Zones, string? Sector = null);

/// <summary>
/// Places points on one version of the layers: oblasts, raions, the area under Russian control, the line
/// of contact and the zones of the provisions in force, each indexed once. The oblast comes from the raion's
/// KATOTTH code where a raion holds the point (the raion layer is the finer one), and from the oblast layer
/// only where none does (Crimea, Kyiv city, and water the raion layer covers but the oblast layer leaves
/// out), so the two layers never contradict each other in an answer.
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
    private readonly AreaIndex<string>? _controlled;
    private readonly GeodesicLine[] _lines;
    private readonly ZoneSet _zones;
    private readonly AreaIndex<string> _sectors = new();
    private readonly string[] _zoneNames;

    /// <param name="oblasts">Areas with their ISO 3166-2 codes.</param>
    /// <param name="raions">Areas with their KATOTTH codes.</param>
    /// <param name="controlled">The area under Russian control (it may reach beyond Ukraine; only points in Ukraine get a side); null when no control area is in force, and then no point gets a side.</param>
    /// <param name="lines">The line of contact in force (a line or several parts); none when none is.</param>
    /// <param name="zones">The zones of the provisions in force, each with its name.</param>
    /// <param name="sectors">The mission's sectors, each with its code, when a sector layer is in force.</param>
    public Placer(
        IEnumerable<(string Code, Geometry Area)> oblasts,
        IEnumerable<(string Code, Geometry Area)> raions,
        IEnumerable<Geometry>? controlled,
        IEnumerable<Geometry> lines,
        IEnumerable<(string Name, Geometry Area)>? zones = null,
        IEnumerable<(string Code, Geometry Area)>? sectors = null)
    {
        foreach (var (code, area) in sectors ?? [])
        {
            _sectors.Add(code, area);
        }

        foreach (var (code, area) in oblasts)
        {
            _oblasts.Add(code, area);
        }

        foreach (var (code, area) in raions)
        {
            _raions.Add(code, area);
        }

        if (controlled is not null)
        {
            _controlled = new AreaIndex<string>();
            foreach (var area in controlled)
            {
                _controlled.Add("RUS", area);
            }
        }

        _lines = lines.SelectMany(Parts).Select(part => new GeodesicLine(part)).ToArray();
        var names = new List<string>();
        var areas = new List<Geometry>();
        foreach (var (name, area) in zones ?? [])
        {
            if (!area.IsEmpty)
            {
                if (area is not (Polygon or MultiPolygon))
                {
                    throw new ArgumentException($"A zone is a polygon or a multipolygon; {name} is a {area.GeometryType}.", nameof(zones));
                }

                areas.Add(area);
                names.Add(name);
            }
        }

        _zones = new ZoneSet(areas);
        _zoneNames = [.. names];
    }

    /// <summary>The names of the zones this placer tests, in order.</summary>
    public IReadOnlyList<string> ZoneNames => _zoneNames;

    /// <summary>The layers shipped in data/geo: OpenStreetMap's oblasts and raions, the illustrative line and control area of March 2025.</summary>
    public static Placer Shipped(string? folder = null)
    {
        folder ??= GeoJsonLayer.ShippedFolder;
        return new Placer(
            GeoJsonLayer.Read(Path.Combine(folder, "ukraine-oblasts.geojson")).Select(f => (f.Properties["iso3166_2"]!, f.Geometry)),
            GeoJsonLayer.Read(Path.Combine(folder, "ukraine-raions.geojson")).Select(f => (f.Properties["katotth"]!, f.Geometry)),
            GeoJsonLayer.Read(Path.Combine(folder, "control-area-2025-03-illustrative.geojson")).Select(f => f.Geometry),
            GeoJsonLayer.Read(Path.Combine(folder, "line-of-contact-2025-03-illustrative.geojson")).Select(f => f.Geometry));
    }

    public Place Locate(double lat, double lon)
    {
        var raion = _raions.Locate(lon, lat);
        var oblast = raion is not null ? OblastOf(raion) : _oblasts.Locate(lon, lat);
        var side = oblast is null || _controlled is null ? null : _controlled.Locate(lon, lat) ?? "UKR";
        double? distance = null;
        foreach (var line in _lines)
        {
            var metres = line.DistanceTo(lat, lon);
            distance = distance is null ? metres : Math.Min(distance.Value, metres);
        }

        IReadOnlyList<string> zones = [];
        if (_zoneNames.Length > 0)
        {
            var found = _zones.Locate(lon, lat);
            if (found.Count > 0)
            {
                var names = new string[found.Count];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = _zoneNames[found[i]];
                }

                zones = names;
            }
        }

        var sector = _sectors.Count == 0 ? null : _sectors.Locate(lon, lat);
        return new Place(oblast, raion, side, distance is { } m ? Math.Round(m / 1000, 3) : null, zones, sector);
    }

    /// <summary>The vertices of each part of a line (a LineString, or each of a MultiLineString's).</summary>
    public static IEnumerable<IReadOnlyList<(double Lon, double Lat)>> Parts(Geometry line)
    {
        for (var i = 0; i < line.NumGeometries; i++)
        {
            var part = line.GetGeometryN(i).Coordinates.Select(c => (c.X, c.Y)).ToList();
            if (part.Count > 0)
            {
                yield return part;
            }
        }
    }

    /// <summary>The ISO 3166-2 code of the oblast a KATOTTH code (UA14…) lies in.</summary>
    public static string OblastOf(string katotth)
    {
        var prefix = katotth.Length >= 4 ? katotth[..4] : katotth;
        return KatotthToIso.TryGetValue(prefix, out var iso) ? iso : "UA-" + prefix[2..];
    }
}
