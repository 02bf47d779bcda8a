namespace Truce.Geography;

/// <summary>
/// Distances on the WGS 84 ellipsoid, in metres, from latitudes and longitudes in degrees: what a monitor
/// means by "23 km from the line". Vincenty's inverse formula, accurate to well under a millimetre for any
/// two points that are not nearly antipodal (never the case between two places in or around Ukraine).
/// </summary>
public static class Geodesy
{
    public const double SemiMajorAxis = 6_378_137.0;
    public const double Flattening = 1 / 298.257223563;
    private const double SemiMinorAxis = SemiMajorAxis * (1 - Flattening);
    private const double ToRadians = Math.PI / 180;

    /// <summary>The geodesic distance in metres between two points given in degrees.</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        var l = (lon2 - lon1) * ToRadians;
        var u1 = Math.Atan((1 - Flattening) * Math.Tan(lat1 * ToRadians));
        var u2 = Math.Atan((1 - Flattening) * Math.Tan(lat2 * ToRadians));
        var (sinU1, cosU1) = Math.SinCos(u1);
        var (sinU2, cosU2) = Math.SinCos(u2);

        double lambda = l, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        for (var iteration = 0; ; iteration++)
        {
            var (sinLambda, cosLambda) = Math.SinCos(lambda);
            var east = cosU2 * sinLambda;
            var north = (cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda);
            sinSigma = Math.Sqrt((east * east) + (north * north));
            if (sinSigma == 0)
            {
                return 0; // the same point
            }

            cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosLambda);
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - (sinAlpha * sinAlpha);
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - (2 * sinU1 * sinU2 / cos2Alpha); // 0 on the equator
            var c = Flattening / 16 * cos2Alpha * (4 + (Flattening * (4 - (3 * cos2Alpha))));
            var previous = lambda;
            lambda = l + ((1 - c) * Flattening * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12 || iteration == 200)
            {
                break; // converged (200 rounds only near the antipode, where the last value is kept)
            }
        }

        var uSquared = cos2Alpha * ((SemiMajorAxis * SemiMajorAxis) - (SemiMinorAxis * SemiMinorAxis)) / (SemiMinorAxis * SemiMinorAxis);
        var a = 1 + (uSquared / 16384 * (4096 + (uSquared * (-768 + (uSquared * (320 - (175 * uSquared)))))));
        var b = uSquared / 1024 * (256 + (uSquared * (-128 + (uSquared * (74 - (47 * uSquared))))));
        var deltaSigma = b * sinSigma * (cos2SigmaM + (b / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
            - (b / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
        return SemiMinorAxis * a * (sigma - deltaSigma);
    }

    /// <summary>
    /// The geodesic distance in metres from a point to a line given as (longitude, latitude) vertices, as
    /// GeoJSON orders them. The nearest point of each segment is found in a plane centred on the point
    /// (azimuthal equidistant on the sphere: distances and bearings from the point kept), and the distance to
    /// the nearest of those is then measured on the ellipsoid; the error is far inside 0.5 % of the distance.
    /// </summary>
    public static double DistanceToLine(double lat, double lon, IReadOnlyList<(double Lon, double Lat)> line)
    {
        if (line.Count == 0)
        {
            throw new ArgumentException("A line needs at least one vertex.", nameof(line));
        }

        var best = double.MaxValue;
        var bestAt = line[0];
        var previous = Project(lat, lon, line[0]);
        if (line.Count == 1)
        {
            return Distance(lat, lon, line[0].Lat, line[0].Lon);
        }

        for (var i = 1; i < line.Count; i++)
        {
            var next = Project(lat, lon, line[i]);
            var (dx, dy) = (next.X - previous.X, next.Y - previous.Y);
            var length = (dx * dx) + (dy * dy);
            var t = length == 0 ? 0 : Math.Clamp(-((previous.X * dx) + (previous.Y * dy)) / length, 0, 1);
            var (x, y) = (previous.X + (t * dx), previous.Y + (t * dy));
            var squared = (x * x) + (y * y);
            if (squared < best)
            {
                best = squared;
                bestAt = (line[i - 1].Lon + (t * (line[i].Lon - line[i - 1].Lon)), line[i - 1].Lat + (t * (line[i].Lat - line[i - 1].Lat)));
            }

            previous = next;
        }

        return Distance(lat, lon, bestAt.Lat, bestAt.Lon);
    }

    // A vertex in the plane centred on (lat, lon): spherical distance (radians) along its bearing.
    private static (double X, double Y) Project(double lat, double lon, (double Lon, double Lat) vertex)
    {
        var (sinLat0, cosLat0) = Math.SinCos(lat * ToRadians);
        var (sinLat, cosLat) = Math.SinCos(vertex.Lat * ToRadians);
        var (sinDLon, cosDLon) = Math.SinCos((vertex.Lon - lon) * ToRadians);
        var cosC = Math.Clamp((sinLat0 * sinLat) + (cosLat0 * cosLat * cosDLon), -1, 1);
        var c = Math.Acos(cosC);
        if (c == 0)
        {
            return (0, 0);
        }

        var k = c / Math.Sin(c);
        return (k * cosLat * sinDLon, k * ((cosLat0 * sinLat) - (sinLat0 * cosLat * cosDLon)));
    }
}
