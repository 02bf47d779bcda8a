using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

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
    private const double ToRadians = Math.PI / 180;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Everything within <paramref name="metres"/> of the line (both sides), as a polygon in longitude and latitude.</summary>
    public static Geometry Around(IReadOnlyList<(double Lon, double Lat)> baseline, double metres)
    {
        if (baseline.Count == 0)
        {
            throw new ArgumentException("A baseline needs at least one vertex.", nameof(baseline));
        }

        if (!(metres > 0) || metres > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(metres), metres, "A zone's distance is more than 0 and at most 1,000 km.");
        }

        var plane = new Plane(baseline.Average(v => v.Lat), baseline.Average(v => v.Lon));
        Geometry line = baseline.Count == 1
            ? Factory.CreatePoint(plane.Forward(baseline[0]))
            : Factory.CreateLineString(baseline.Select(plane.Forward).ToArray());

        // Enough segments per quarter circle that the arc's chords stay within a few metres of it.
        var zone = line.Buffer(metres, new BufferParameters { QuadrantSegments = 32, EndCapStyle = EndCapStyle.Round });
        return Back(zone, plane);
    }

    private static Geometry Back(Geometry projected, Plane plane)
    {
        var copy = projected.Copy();
        copy.Apply(new Unproject(plane));
        copy.GeometryChanged();
        return Factory.CreateGeometry(copy);
    }

    /// <summary>An azimuthal equidistant plane on a sphere with the local mean radius of curvature (metres).</summary>
    private sealed class Plane
    {
        private readonly double _lat0, _lon0, _sinLat0, _cosLat0, _radius;

        public Plane(double lat0, double lon0)
        {
            (_lat0, _lon0) = (lat0 * ToRadians, lon0 * ToRadians);
            (_sinLat0, _cosLat0) = Math.SinCos(_lat0);
            var e2 = Geodesy.Flattening * (2 - Geodesy.Flattening);
            var w = Math.Sqrt(1 - (e2 * _sinLat0 * _sinLat0));
            var meridian = Geodesy.SemiMajorAxis * (1 - e2) / (w * w * w);
            var normal = Geodesy.SemiMajorAxis / w;
            _radius = Math.Sqrt(meridian * normal);
        }

        public Coordinate Forward((double Lon, double Lat) p)
        {
            var (sinLat, cosLat) = Math.SinCos(p.Lat * ToRadians);
            var (sinDLon, cosDLon) = Math.SinCos((p.Lon * ToRadians) - _lon0);
            var c = Math.Acos(Math.Clamp((_sinLat0 * sinLat) + (_cosLat0 * cosLat * cosDLon), -1, 1));
            var k = c == 0 ? 1 : c / Math.Sin(c);
            return new Coordinate(_radius * k * cosLat * sinDLon, _radius * k * ((_cosLat0 * sinLat) - (_sinLat0 * cosLat * cosDLon)));
        }

        public (double Lon, double Lat) Inverse(double x, double y)
        {
            var rho = Math.Sqrt((x * x) + (y * y));
            if (rho == 0)
            {
                return (_lon0 / ToRadians, _lat0 / ToRadians);
            }

            var c = rho / _radius;
            var (sinC, cosC) = Math.SinCos(c);
            var lat = Math.Asin((cosC * _sinLat0) + (y * sinC * _cosLat0 / rho));
            var lon = _lon0 + Math.Atan2(x * sinC, (rho * _cosLat0 * cosC) - (y * _sinLat0 * sinC));
            return (lon / ToRadians, lat / ToRadians);
        }
    }

    private sealed class Unproject(Plane plane) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (lon, lat) = plane.Inverse(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, lon);
            seq.SetY(i, lat);
        }
    }
}
