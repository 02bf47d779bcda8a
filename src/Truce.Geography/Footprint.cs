using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
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

    /// <summary>A point, or the disc of <paramref name="radiusMetres"/> around it.</summary>
    public static Geometry Around(double lat, double lon, double radiusMetres = 0)
    {
        if (radiusMetres <= 0)
        {
            return Factory.CreatePoint(new Coordinate(lon, lat));
        }

        Check(radiusMetres, nameof(radiusMetres));
        var plane = new LocalPlane(lat, lon);
        return plane.Back(Factory.CreatePoint(new Coordinate(0, 0)).Buffer(radiusMetres, new BufferParameters { QuadrantSegments = 16 }));
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
    public static ZoneRelation Against(Geometry footprint, Geometry zone) =>
        zone.Covers(footprint) ? ZoneRelation.Inside
        : zone.Intersects(footprint) ? ZoneRelation.Straddles
        : ZoneRelation.Outside;

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
