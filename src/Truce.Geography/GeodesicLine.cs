namespace Truce.Geography;

/// <summary>
/// A line (the line of contact, a baseline) prepared for many distance queries: a cheap pass over every
/// segment in scaled degrees keeps the three nearest; those are measured in the plane centred on the point
/// (azimuthal equidistant on the sphere, from each vertex's sines and cosines computed once), and the
/// nearest point found is measured on the ellipsoid.
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
        if (_vertices.Length == 1)
        {
            return Geodesy.Distance(lat, lon, _vertices[0].Lat, _vertices[0].Lon);
        }

        // First a cheap pass in degrees, longitudes scaled by the cosine of the point's latitude: it ranks the
        // segments well enough to keep the few that can be nearest; only those are measured properly.
        var scale = Math.Cos(lat * ToRadians);
        Span<(double Squared, int Segment)> candidates = stackalloc (double, int)[Candidates];
        var kept = 0;
        for (var i = 1; i < _vertices.Length; i++)
        {
            var (a, b) = (_vertices[i - 1], _vertices[i]);
            var (ax, ay) = ((a.Lon - lon) * scale, a.Lat - lat);
            var (dx, dy) = ((b.Lon - a.Lon) * scale, b.Lat - a.Lat);
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1);
            var (x, y) = (ax + (t * dx), ay + (t * dy));
            Keep(candidates, ref kept, ((x * x) + (y * y), i));
        }

        var (sinLat0, cosLat0) = Math.SinCos(lat * ToRadians);
        var (sinLon0, cosLon0) = Math.SinCos(lon * ToRadians);
        var best = double.MaxValue;
        (double Lon, double Lat) nearest = _vertices[0];
        for (var k = 0; k < kept; k++)
        {
            var i = candidates[k].Segment;
            var p = Project(i - 1, sinLat0, cosLat0, sinLon0, cosLon0);
            var q = Project(i, sinLat0, cosLat0, sinLon0, cosLon0);
            var (dx, dy) = (q.X - p.X, q.Y - p.Y);
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp(-((p.X * dx) + (p.Y * dy)) / length, 0, 1);
            var (x, y) = (p.X + (t * dx), p.Y + (t * dy));
            if ((x * x) + (y * y) < best)
            {
                best = (x * x) + (y * y);
                var (a, b) = (_vertices[i - 1], _vertices[i]);
                nearest = (a.Lon + (t * (b.Lon - a.Lon)), a.Lat + (t * (b.Lat - a.Lat)));
            }
        }

        return Geodesy.Distance(lat, lon, nearest.Lat, nearest.Lon);
    }

    // How many segments the cheap pass keeps for the proper one.
    private const int Candidates = 3;

    // Keeps the smallest few, in a small array kept sorted by insertion.
    private static void Keep(Span<(double Squared, int Segment)> kept, ref int count, (double Squared, int Segment) candidate)
    {
        if (count == kept.Length && candidate.Squared >= kept[count - 1].Squared)
        {
            return;
        }

        var at = count < kept.Length ? count++ : count - 1;
        while (at > 0 && kept[at - 1].Squared > candidate.Squared)
        {
            kept[at] = kept[at - 1];
            at--;
        }

        kept[at] = candidate;
    }

    // A vertex in the plane centred on the point: spherical distance (radians) along its bearing.
    private (double X, double Y) Project(int i, double sinLat0, double cosLat0, double sinLon0, double cosLon0)
    {
        var v = _trig[i];
        var sinDLon = (v.SinLon * cosLon0) - (v.CosLon * sinLon0);
        var cosDLon = (v.CosLon * cosLon0) + (v.SinLon * sinLon0);
        var c = Math.Acos(Math.Clamp((sinLat0 * v.SinLat) + (cosLat0 * v.CosLat * cosDLon), -1, 1));
        var k = c == 0 ? 1 : c / Math.Sin(c);
        return (k * v.CosLat * sinDLon, k * ((cosLat0 * v.SinLat) - (sinLat0 * v.CosLat * cosDLon)));
    }
}
