using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using Truce.Geography;

namespace Truce.Benchmarks;

/// <summary>
/// Placement of a million points on the shipped layers (oblasts, the simplified raions, the illustrative
/// control area and line of contact), on one thread: 70 % uniform over Ukraine's bounding box, 30 % within
/// about 30 km of the line, where observations crowd. And the time to build the raion layer's index.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class PlacementBenchmarks
{
    private const int Points = 1_000_000;
    private Placer _placer = null!;
    private (double Lat, double Lon)[] _points = null!;
    private List<(string Code, Geometry Area)> _raions = null!;
    private Placer _withZones = null!;
    private List<(double Lon, double Lat)> _line = null!;

    [GlobalSetup]
    public void Setup()
    {
        _placer = Placer.Shipped();
        _raions = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "ukraine-raions.geojson")).Select(f => (f.Properties["katotth"]!, f.Geometry)).ToList();
        var line = GeoJsonLayer.Read(Path.Combine(GeoJsonLayer.ShippedFolder, "line-of-contact-2025-03-illustrative.geojson"))
            .SelectMany(f => f.Geometry.Coordinates).ToArray();
        var random = new Random(2025);
        _points = new (double, double)[Points];
        for (var i = 0; i < Points; i++)
        {
            if (i % 10 < 7)
            {
                _points[i] = (44.3 + (random.NextDouble() * 8.1), 22.1 + (random.NextDouble() * 18.2));
            }
            else
            {
                var s = random.Next(line.Length - 1);
                var t = random.NextDouble();
                var (a, b) = (line[s], line[s + 1]);
                _points[i] = (a.Y + (t * (b.Y - a.Y)) + ((random.NextDouble() - 0.5) * 0.54), a.X + (t * (b.X - a.X)) + ((random.NextDouble() - 0.5) * 0.8));
            }
        }

        // The same layers with six withdrawal zones as Minsk II drew them (25, 35 and 70 km on each side of the line).
        _line = line.Select(c => (c.X, c.Y)).ToList();
        var folder = GeoJsonLayer.ShippedFolder;
        _withZones = new Placer(
            GeoJsonLayer.Read(Path.Combine(folder, "ukraine-oblasts.geojson")).Select(f => (f.Properties["iso3166_2"]!, f.Geometry)),
            _raions,
            GeoJsonLayer.Read(Path.Combine(folder, "control-area-2025-03-illustrative.geojson")).Select(f => f.Geometry),
            GeoJsonLayer.Read(Path.Combine(folder, "line-of-contact-2025-03-illustrative.geojson")).Select(f => f.Geometry),
            DrawZones());

        foreach (var placer in new[] { _placer, _withZones })
        {
            placer.Locate(48.7, 37.6); // every tree built before the measured runs
            foreach (var (lat, lon) in _points.Take(10_000))
            {
                placer.Locate(lat, lon);
            }
        }
    }

    [Benchmark(Description = "place a point (oblast, raion, side, distance to the line)", OperationsPerInvoke = Points)]
    public double Place()
    {
        var sum = 0.0;
        foreach (var (lat, lon) in _points)
        {
            var place = _placer.Locate(lat, lon);
            sum += (place.LineDistanceKm ?? 0) + (place.Raion is null ? 0 : 1);
        }

        return sum;
    }

    [Benchmark(Description = "place a point, and test it against six one-sided withdrawal zones", OperationsPerInvoke = Points)]
    public int PlaceWithZones()
    {
        var zones = 0;
        foreach (var (lat, lon) in _points)
        {
            zones += _withZones.Locate(lat, lon).Zones.Count;
        }

        return zones;
    }

    [Benchmark(Description = "draw six one-sided zones (25, 35, 70 km each side) of the line of March 2025")]
    public int DrawSixZones() => DrawZones().Sum(z => z.Area.NumPoints);

    private List<(string Name, Geometry Area)> DrawZones() =>
        [.. new[] { 25.0, 35, 70 }.SelectMany(km => new[] { LineSide.Left, LineSide.Right }.Select(side => ($"{side}-{km}", Zones.OneSide(_line, km * 1000, side))))];

    [Benchmark(Description = "build the raion layer's index (126 raions, every area's own index included)")]
    public int BuildRaionIndex()
    {
        var index = new AreaIndex<string>();
        foreach (var (code, area) in _raions)
        {
            index.Add(code, area);
        }

        // The tree is built at the first query, each area's point-in-area index at its first point.
        var found = 0;
        foreach (var (_, area) in _raions)
        {
            var inside = area.InteriorPoint.Coordinate;
            found += index.Locate(inside.X, inside.Y) is null ? 0 : 1;
        }

        return found;
    }
}
