namespace Truce.Geography;

/// <summary>
/// A line (the line of contact, a baseline) prepared for many distance queries: each vertex's sines and
/// cosines are computed once, so a query costs an arccosine and a sine per vertex in the plane centred on
/// the point (as <see cref="Geodesy.DistanceToLine"/> does), then one ellipsoidal distance to the nearest point.
/// </summary>
public sealed class GeodesicLine
{
    private const double ToRadians = Math.PI / 180;
    private readonly (double Lon, double Lat)[] _vertices;
    private readonly (double SinLat, double CosLat, double SinLon, double CosLon)[] _trig;

    /// <param name="vertices">(longitude, latitude) in degrees, as GeoJSON orders them; at least one.</param>
    public GeodesicLine(IReadOnlyList<(double Lon, double Lat)> vertices)
    {
        if (vertices.Count == 0)
        {
            throw new ArgumentException("A line needs at least one vertex.", nameof(vertices));
        }

        _vertices = [.. vertices];
        _trig = _vertices.Select(v =>
        {
            var (sinLat, cosLat) = Math.SinCos(v.Lat * ToRadians);
            var (sinLon, cosLon) = Math.SinCos(v.Lon * ToRadians);
            return (sinLat, cosLat, sinLon, cosLon);
        }).ToArray();
    }

    /// <summary>The geodesic distance in metres from the point to the nearest point of the line.</summary>
    public double DistanceTo(double lat, double lon)
    {
        var (sinLat0, cosLat0) = Math.SinCos(lat * ToRadians);
        var (sinLon0, cosLon0) = Math.SinCos(lon * ToRadians);
        (double X, double Y) Project(int i)
        {
            var v = _trig[i];
            var sinDLon = (v.SinLon * cosLon0) - (v.CosLon * sinLon0);
            var cosDLon = (v.CosLon * cosLon0) + (v.SinLon * sinLon0);
            var cosC = Math.Clamp((sinLat0 * v.SinLat) + (cosLat0 * v.CosLat * cosDLon), -1, 1);
            var c = Math.Acos(cosC);
            var k = c == 0 ? 1 : c / Math.Sin(c);
            return (k * v.CosLat * sinDLon, k * ((cosLat0 * v.SinLat) - (sinLat0 * v.CosLat * cosDLon)));
        }

        if (_vertices.Length == 1)
        {
            return Geodesy.Distance(lat, lon, _vertices[0].Lat, _vertices[0].Lon);
        }

        var best = double.MaxValue;
        (double Lon, double Lat) nearest = _vertices[0];
        var previous = Project(0);
        for (var i = 1; i < _vertices.Length; i++)
        {
            var next = Project(i);
            var (dx, dy) = (next.X - previous.X, next.Y - previous.Y);
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp(-((previous.X * dx) + (previous.Y * dy)) / length, 0, 1);
            var (x, y) = (previous.X + (t * dx), previous.Y + (t * dy));
            if ((x * x) + (y * y) < best)
            {
                best = (x * x) + (y * y);
                var (a, b) = (_vertices[i - 1], _vertices[i]);
                nearest = (a.Lon + (t * (b.Lon - a.Lon)), a.Lat + (t * (b.Lat - a.Lat)));
            }

            previous = next;
        }

        return Geodesy.Distance(lat, lon, nearest.Lat, nearest.Lon);
    }
}
