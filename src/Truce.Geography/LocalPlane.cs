using NetTopologySuite.Geometries;

namespace Truce.Geography;

/// <summary>
/// An azimuthal equidistant plane centred on a place, on a sphere with the Earth's mean radius of curvature
/// there: distances from the centre are true, and nearby ones within a fraction of a per cent — where zones
/// and an observation's footprint are drawn in metres and brought back to longitude and latitude.
/// </summary>
internal sealed class LocalPlane
{
    private const double ToRadians = Math.PI / 180;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private readonly double _lat0, _lon0, _sinLat0, _cosLat0, _radius;

    public LocalPlane(double lat0, double lon0)
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

    /// <summary>A geometry drawn in this plane, brought back to longitude and latitude (SRID 4326).</summary>
    public Geometry Back(Geometry projected)
    {
        var copy = projected.Copy();
        copy.Apply(new Unproject(this));
        copy.GeometryChanged();
        return Factory.CreateGeometry(copy);
    }

    private sealed class Unproject(LocalPlane plane) : ICoordinateSequenceFilter
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
