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
    /// For many queries of one line, prepare it once: <see cref="GeodesicLine"/>.
    /// </summary>
    public static double DistanceToLine(double lat, double lon, IReadOnlyList<(double Lon, double Lat)> line) =>
        new GeodesicLine(line).DistanceTo(lat, lon);
}
