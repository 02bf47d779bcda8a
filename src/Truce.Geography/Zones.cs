using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Polygonize;

namespace Truce.Geography;

/// <summary>
/// The zones provisions draw around a baseline — "withdraw heavy weapons 50 km from the line" — in metres
/// on the ground, not in degrees (a degree of longitude is 74 km at Kyiv and 111 km at the equator). The
/// baseline is projected into a plane centred on it (azimuthal equidistant, on the sphere of the Earth's mean
/// radius of curvature there), buffered there, and the zone brought back to longitude and latitude; over a
/// line as long as Ukraine's front the zone's edge stays well inside 0.5 % of the distance asked.
/// </summary>
public static class Zones
{
    /// <summary>The greatest distance a zone may have from its baseline.</summary>
    public const double MaxMetres = 1_000_000;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Everything within <paramref name="metres"/> of the line (both sides), as a polygon in longitude and latitude.</summary>
    public static Geometry Around(IReadOnlyList<(double Lon, double Lat)> baseline, double metres)
    {
        if (baseline.Count == 0)
        {
            throw new ArgumentException("A baseline needs at least one vertex.", nameof(baseline));
        }

        CheckDistance(metres);
        var plane = new LocalPlane(baseline.Average(v => v.Lat), baseline.Average(v => v.Lon));
        Geometry line = baseline.Count == 1
            ? Factory.CreatePoint(plane.Forward(baseline[0]))
            : Factory.CreateLineString(baseline.Select(plane.Forward).ToArray());

        // Enough segments per quarter circle that the arc's chords stay within a few metres of it.
        var zone = line.Buffer(metres, new BufferParameters { QuadrantSegments = 32, EndCapStyle = EndCapStyle.Round });
        return plane.Back(zone);
    }

    /// <summary>
    /// The part of <see cref="Around"/> on one side of the line as drawn: where one party keeps its weapons
    /// back from its own baseline. The zone is cut along the line, with the line carried on past both of its
    /// ends so that the round caps are cut too, and each piece is given to the side of the line's segment
    /// nearest to it.
    /// </summary>
    public static Geometry OneSide(IReadOnlyList<(double Lon, double Lat)> baseline, double metres, LineSide side)
    {
        if (baseline.Count < 2)
        {
            throw new ArgumentException("A line with sides needs at least two vertices.", nameof(baseline));
        }

        CheckDistance(metres);
        var plane = new LocalPlane(baseline.Average(v => v.Lat), baseline.Average(v => v.Lon));
        var points = baseline.Select(plane.Forward).ToList();
        var line = Factory.CreateLineString([.. points]);
        var zone = line.Buffer(metres, new BufferParameters { QuadrantSegments = 32, EndCapStyle = EndCapStyle.Round });

        // The cutting line: the baseline carried 2 × the distance past each end, along its end segments.
        var cut = new List<Coordinate>(points.Count + 2) { Beyond(points[1], points[0], 2 * metres) };
        cut.AddRange(points);
        cut.Add(Beyond(points[^2], points[^1], 2 * metres));
        var cutter = Factory.CreateLineString([.. cut]);

        var polygonizer = new Polygonizer();
        polygonizer.Add(zone.Boundary.Union(cutter));
        var pieces = polygonizer.GetPolygons().Where(p => zone.Contains(p.InteriorPoint)).Where(p => SideOf(cut, p.InteriorPoint.Coordinate) == side).ToList();
        if (pieces.Count == 0)
        {
            return Factory.CreatePolygon();
        }

        return plane.Back(Factory.BuildGeometry(pieces).Union());
    }

    private static void CheckDistance(double metres)
    {
        if (!(metres > 0) || metres > MaxMetres)
        {
            throw new ArgumentOutOfRangeException(nameof(metres), metres, "A zone's distance is more than 0 and at most 1,000 km.");
        }
    }

    private static Coordinate Beyond(Coordinate from, Coordinate end, double metres)
    {
        var (dx, dy) = (end.X - from.X, end.Y - from.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return length == 0 ? end.Copy() : new Coordinate(end.X + (dx / length * metres), end.Y + (dy / length * metres));
    }

    // The side of the nearest segment of the line the point lies on; the sign of the cross product says which.
    private static LineSide SideOf(List<Coordinate> line, Coordinate p)
    {
        var best = double.MaxValue;
        var cross = 0.0;
        for (var i = 0; i < line.Count - 1; i++)
        {
            var (a, b) = (line[i], line[i + 1]);
            var segment = new LineSegment(a, b);
            var distance = segment.Distance(p);
            if (distance < best)
            {
                best = distance;
                cross = ((b.X - a.X) * (p.Y - a.Y)) - ((b.Y - a.Y) * (p.X - a.X));
            }
        }

        return cross > 0 ? LineSide.Left : LineSide.Right;
    }

}

/// <summary>A side of a line, walking it from its first vertex to its last.</summary>
public enum LineSide
{
    Left,
    Right,
}
