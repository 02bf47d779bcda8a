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

        _placer.Locate(48.7, 37.6); // every tree built before the measured runs
        foreach (var (lat, lon) in _points.Take(10_000))
        {
            _placer.Locate(lat, lon);
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
