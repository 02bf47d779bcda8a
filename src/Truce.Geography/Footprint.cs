using NetTopologySuite.Geometries;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
using NetTopologySuite.Index.HPRtree;
using Truce.Core.Geography;

namespace Truce.Geography;

/// <summary>
/// Where an observation may have happened, as an area: a point; a point with a radius of uncertainty; or, as
/// OSCE monitors reported, an observer's position with a bearing sector and a range interval ("1–7 km W-SW
/// to NW"). Drawn in metres in a plane centred on the point or observer, and judged against a zone whole:
/// inside, outside, or straddling its border.
/// </summary>
public static class Footprint
{
    /// <summary>The greatest radius or range an observation may state: 100 km (a sound heard farther off places nothing).</summary>
    public const double MaxMetres = 100_000;

    private const double ToRadians = Math.PI / 180;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>A point, or the disc of <paramref name="radiusMetres"/> around it (a vertex every 5.6°, as a buffer of 16 segments a quadrant).</summary>
    public static Geometry Around(double lat, double lon, double radiusMetres = 0)
    {
        if (radiusMetres <= 0)
        {
            return Factory.CreatePoint(new Coordinate(lon, lat));
        }

        Check(radiusMetres, nameof(radiusMetres));

        // Drawn straight from the plane's inverse: a buffer operation costs more than the judgment it serves.
        const int segments = 64;
        var plane = new LocalPlane(lat, lon);
        var ring = new Coordinate[segments + 1];
        for (var i = 0; i < segments; i++)
        {
            var (sin, cos) = Math.SinCos(2 * Math.PI * i / segments);
            var (x, y) = plane.Inverse(radiusMetres * sin, radiusMetres * cos);
            ring[i] = new Coordinate(x, y);
        }

        ring[segments] = ring[0].Copy();
        return Factory.CreatePolygon(ring);
    }

    /// <summary>
    /// The sector seen from an observer: bearings in degrees clockwise from north, from <paramref name="fromBearing"/>
    /// round to <paramref name="toBearing"/> (so 225 to 315 is W-SW to NW, and 350 to 10 crosses north), between
    /// two ranges in metres.
    /// </summary>
    public static Geometry Sector(double lat, double lon, double fromBearing, double toBearing, double minMetres, double maxMetres)
    {
        Check(maxMetres, nameof(maxMetres));
        if (minMetres < 0 || minMetres >= maxMetres)
        {
            throw new ArgumentOutOfRangeException(nameof(minMetres), minMetres, "The nearer range is at least 0 and less than the farther.");
        }

        var span = ((toBearing - fromBearing) % 360 + 360) % 360;
        if (span == 0)
        {
            span = 360;
        }

        // The outer arc forwards, the inner arc back, a vertex every degree or so.
        var steps = Math.Max(2, (int)Math.Ceiling(span));
        var ring = new List<Coordinate>(2 * (steps + 1) + 1);
        for (var i = 0; i <= steps; i++)
        {
            ring.Add(At(fromBearing + (span * i / steps), maxMetres));
        }

        for (var i = steps; i >= 0; i--)
        {
            ring.Add(At(fromBearing + (span * i / steps), minMetres));
        }

        ring.Add(ring[0].Copy());
        var plane = new LocalPlane(lat, lon);
        var sector = Factory.CreatePolygon([.. ring]);
        return plane.Back(sector.IsValid ? sector : sector.Buffer(0));
    }

    /// <summary>Whether <paramref name="footprint"/> lies inside <paramref name="zone"/>, outside it, or across its border.</summary>
    public static ZoneRelation Against(Geometry footprint, Geometry zone) => new PreparedZone(zone).Against(footprint);

    /// <summary>
    /// A box that holds the disc of <paramref name="radiusMetres"/> around a point, without drawing it: a metre
    /// of latitude is never less than 1/111,700 of a degree, and of longitude 1/(111,700 cos φ) at the disc's
    /// widest latitude; one per cent more for the plane's approximation.
    /// </summary>
    public static Envelope BoxAround(double lat, double lon, double radiusMetres)
    {
        var dLat = radiusMetres / 110_500 * 1.01;
        var widest = Math.Min(89.9, Math.Abs(lat) + dLat);
        var dLon = Math.Min(180, radiusMetres / (111_000 * Math.Cos(widest * ToRadians)) * 1.01);
        return new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
    }

    private static Coordinate At(double bearing, double metres)
    {
        var (sin, cos) = Math.SinCos(bearing * ToRadians);
        return new Coordinate(metres * sin, metres * cos);
    }

    private static void Check(double metres, string name)
    {
        if (!(metres > 0) || metres > MaxMetres)
        {
            throw new ArgumentOutOfRangeException(name, metres, "A radius or range is more than 0 and at most 100 km.");
        }
    }
}

/// <summary>
/// A zone prepared once for judging many footprints. Most footprints are far from the zone's border: when no
/// edge of the zone comes near the footprint's box, the footprint is wholly inside or wholly outside, and one
/// point-in-area test says which — a few microseconds instead of an overlay. Only footprints near the border
/// are judged on their exact shape.
/// </summary>
public sealed class PreparedZone
{
    private readonly IPreparedGeometry _prepared;
    private readonly IndexedPointInAreaLocator _locator;
    private readonly HPRtree<LineSegment> _edges = new();
    private readonly Envelope _extent;

    public PreparedZone(Geometry area)
    {
        _prepared = PreparedGeometryFactory.Prepare(area);
        _locator = new IndexedPointInAreaLocator(area);
        _extent = area.EnvelopeInternal;
        foreach (var ring in Rings(area))
        {
            var points = ring.Coordinates;
            for (var i = 1; i < points.Length; i++)
            {
                var edge = new LineSegment(points[i - 1], points[i]);
                _edges.Insert(new Envelope(edge.P0, edge.P1), edge);
            }
        }

        _edges.Build();
    }

    /// <summary>Whether the footprint is inside the zone, outside it, or across its border.</summary>
    /// <param name="box">The footprint's bounding box, or one that holds it.</param>
    /// <param name="anyPoint">A point of the footprint.</param>
    /// <param name="shape">The footprint itself, drawn only when it lies near the border.</param>
    public ZoneRelation Against(Envelope box, Coordinate anyPoint, Func<Geometry> shape)
    {
        if (!_extent.Intersects(box))
        {
            return ZoneRelation.Outside;
        }

        var nearBorder = false;
        _edges.Query(box, new Visitor(() => nearBorder = true));
        if (!nearBorder)
        {
            return _locator.Locate(anyPoint) == Location.Exterior ? ZoneRelation.Outside : ZoneRelation.Inside;
        }

        var footprint = shape();
        return _prepared.Covers(footprint) ? ZoneRelation.Inside
            : _prepared.Intersects(footprint) ? ZoneRelation.Straddles
            : ZoneRelation.Outside;
    }

    public ZoneRelation Against(Geometry footprint) => Against(footprint.EnvelopeInternal, footprint.Coordinate, () => footprint);

    /// <summary>
    /// The disc of <paramref name="radiusMetres"/> around a point, judged without drawing it: across the border
    /// when an edge of the zone passes within the radius, otherwise inside or outside as its centre is. Distances
    /// to the nearby edges are measured in metres on a plane tangent at the centre (within a fraction of a per
    /// cent at 100 km), which is as exact as the 64-sided polygon <see cref="Footprint.Around"/> draws.
    /// </summary>
    public ZoneRelation AgainstDisc(double lat, double lon, double radiusMetres)
    {
        var box = radiusMetres > 0 ? Footprint.BoxAround(lat, lon, radiusMetres) : new Envelope(lon, lon, lat, lat);
        if (!_extent.Intersects(box))
        {
            return ZoneRelation.Outside;
        }

        var inside = _locator.Locate(new Coordinate(lon, lat)) != Location.Exterior;
        if (radiusMetres > 0)
        {
            var nearest = new NearestEdge(lat, lon);
            _edges.Query(box, nearest);
            if (nearest.Metres <= radiusMetres)
            {
                return ZoneRelation.Straddles;
            }
        }

        return inside ? ZoneRelation.Inside : ZoneRelation.Outside;
    }

    private static IEnumerable<LineString> Rings(Geometry area)
    {
        for (var i = 0; i < area.NumGeometries; i++)
        {
            if (area.GetGeometryN(i) is Polygon polygon)
            {
                yield return polygon.ExteriorRing;
                foreach (var hole in polygon.InteriorRings)
                {
                    yield return hole;
                }
            }
        }
    }

    /// <summary>The distance in metres from a point to the nearest of the edges visited.</summary>
    private sealed class NearestEdge : IItemVisitor<LineSegment>
    {
        private readonly double _lat, _lon, _metresPerDegreeLat, _metresPerDegreeLon;

        public NearestEdge(double lat, double lon)
        {
            (_lat, _lon) = (lat, lon);
            var phi = lat * Math.PI / 180;
            _metresPerDegreeLat = 111_132.92 - (559.82 * Math.Cos(2 * phi)) + (1.175 * Math.Cos(4 * phi));
            _metresPerDegreeLon = (111_412.84 * Math.Cos(phi)) - (93.5 * Math.Cos(3 * phi));
        }

        public double Metres { get; private set; } = double.PositiveInfinity;

        public void VisitItem(LineSegment item)
        {
            var (ax, ay) = ((item.P0.X - _lon) * _metresPerDegreeLon, (item.P0.Y - _lat) * _metresPerDegreeLat);
            var (bx, by) = ((item.P1.X - _lon) * _metresPerDegreeLon, (item.P1.Y - _lat) * _metresPerDegreeLat);
            var (dx, dy) = (bx - ax, by - ay);
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1);
            var (px, py) = (ax + (t * dx), ay + (t * dy));
            Metres = Math.Min(Metres, Math.Sqrt((px * px) + (py * py)));
        }
    }

    private sealed class Visitor(Action found) : IItemVisitor<LineSegment>
    {
        public void VisitItem(LineSegment item) => found();
    }
}
