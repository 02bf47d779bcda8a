using Truce.Core.Monitoring;

namespace Truce.Core.Verification;

/// <summary>A generated report and the true event it describes, which fusion does not see and evaluation does.</summary>
public sealed record GeneratedReport(FusionReport Report, long EventId);

/// <summary>
/// A day of true events along a line of contact, each reported one to five times by distinct sources, with the
/// errors real reports have: a place off by up to half a kilometre east-west and north-south, a time off by up to
/// ten minutes, and one type in ten a neighbouring one (artillery as an explosion). The same seed gives the same
/// day on every runtime, so precision and recall figures can be repeated.
/// </summary>
/// <remarks>
/// Sources are local, as on a real line: each 5 km stretch has two patrol teams, a camera and two acoustic
/// sensors, which report the events of their stretch; 30 channels report anywhere, and a channel often repeats
/// another channel's post (same origin). Local sources are what make "one source does not report one event
/// twice" informative: two events close together are often seen by the same patrol.
/// </remarks>
public sealed class FusionGenerator
{
    private const double StretchKm = 5;
    private const int Channels = 30;
    private const double KmPerDegreeLat = 110.574;
    private const double KmPerDegreeLonAtEquator = 111.320;
    private static readonly string[] LocalKinds = ["patrol-a", "patrol-b", "camera", "acoustic-a", "acoustic-b"];

    // A front line's mix, shelling first (OSCE SMM daily reports and ACLED's "shelling/artillery" share).
    private static readonly (EventType Type, double Share)[] Mix =
    [
        (EventType.Artillery, 0.30), (EventType.Explosion, 0.20), (EventType.Mlrs, 0.07),
        (EventType.DroneStrike, 0.18), (EventType.AirStrike, 0.04), (EventType.Missile, 0.03),
        (EventType.SmallArms, 0.13), (EventType.GroundAssault, 0.05),
    ];

    private readonly (double Lon, double Lat)[] _line;
    private readonly double[] _startKm;
    private readonly ulong _seed;

    /// <param name="line">The line's vertices, longitude and latitude in degrees (two at least).</param>
    /// <param name="seed">Fixes the day.</param>
    public FusionGenerator(IReadOnlyList<(double Lon, double Lat)> line, int seed)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentOutOfRangeException.ThrowIfLessThan(line.Count, 2);
        _line = [.. line];
        _seed = (ulong)seed;
        _startKm = new double[_line.Length];
        for (var i = 1; i < _line.Length; i++)
        {
            var (east, north) = Kilometres(_line[i - 1], _line[i]);
            _startKm[i] = _startKm[i - 1] + Math.Sqrt((east * east) + (north * north));
        }
    }

    /// <summary>The line's length in kilometres.</summary>
    public double LengthKm => _startKm[^1];

    /// <summary>The reports of <paramref name="events"/> true events on <paramref name="day"/> (UTC), in no particular order.</summary>
    public IReadOnlyList<GeneratedReport> Day(int events = 20_000, DateOnly? day = null)
    {
        var random = new SplitMix64(_seed);
        var midnight = new DateTimeOffset((day ?? new DateOnly(2025, 6, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var reports = new List<GeneratedReport>(events * 3);
        var used = new List<string>(5);
        for (long eventId = 1; eventId <= events; eventId++)
        {
            var km = random.Next() * LengthKm;
            var (lon, lat) = NearLine(km, Gaussian(ref random) * 2.0);
            var at = midnight.AddMinutes(random.Next() * 1440);
            var type = Pick(ref random);
            var count = 1 + (int)(random.Next() * 12);
            var weapon = WeaponOf(type, ref random);
            var stretch = (int)(km / StretchKm);
            string? post = null;
            used.Clear();
            var times = 1 + (int)(random.Next() * 5);
            for (var n = 0; n < times; n++)
            {
                var (source, origin) = ChooseSource(ref random, stretch, eventId, used, ref post);
                used.Add(source);
                var east = (random.Next() - 0.5) * 1.0;
                var north = (random.Next() - 0.5) * 1.0;
                var minutes = (random.Next() - 0.5) * 20;
                var reported = random.Next() < 0.10 ? Mislabel(type, ref random) : type;
                var time = at.AddMinutes(minutes);
                var report = new FusionReport(
                    0,
                    source,
                    origin,
                    lat + (north / KmPerDegreeLat),
                    lon + (east / (KmPerDegreeLonAtEquator * Math.Cos(lat * Math.PI / 180))),
                    time.AddMinutes(-2),
                    time.AddMinutes(2),
                    reported,
                    source.StartsWith("patrol", StringComparison.Ordinal) ? weapon : null,
                    Math.Max(1, count + (int)((random.Next() - 0.5) * 4)));
                reports.Add(new GeneratedReport(report, eventId));
            }
        }

        // Shuffled, then numbered, so that nothing about a report's place in the batch tells its event.
        for (var i = reports.Count - 1; i > 0; i--)
        {
            var j = (int)(random.Next() * (i + 1));
            (reports[i], reports[j]) = (reports[j], reports[i]);
        }

        return [.. reports.Select((r, i) => r with { Report = r.Report with { Id = i + 1 } })];
    }

    /// <summary>Sources are distinct within an event; a channel may repeat the event's first channel post.</summary>
    private static (string Source, string? Origin) ChooseSource(ref SplitMix64 random, int stretch, long eventId, List<string> used, ref string? post)
    {
        if (random.Next() < 0.7)
        {
            var free = LocalKinds.Select(k => $"{k}-{stretch:D3}").Where(s => !used.Contains(s)).ToList();
            if (free.Count > 0)
            {
                return (free[(int)(random.Next() * free.Count)], null);
            }
        }

        string channel;
        do
        {
            channel = $"channel-{1 + (int)(random.Next() * Channels):D2}";
        }
        while (used.Contains(channel));

        if (post is not null && random.Next() < 0.5)
        {
            return (channel, post);
        }

        var own = $"{channel}/post-{eventId}";
        post ??= own;
        return (channel, own);
    }

    private static EventType Pick(ref SplitMix64 random)
    {
        var x = random.Next();
        foreach (var (type, share) in Mix)
        {
            if ((x -= share) < 0)
            {
                return type;
            }
        }

        return Mix[^1].Type;
    }

    private static EventType Mislabel(EventType type, ref SplitMix64 random)
    {
        var neighbours = EventFamilies.NeighboursOf(type);
        return neighbours.Count == 0 ? type : neighbours[(int)(random.Next() * neighbours.Count)];
    }

    private static string? WeaponOf(EventType type, ref SplitMix64 random) => type switch
    {
        EventType.Artillery => random.Next() < 0.5 ? "artillery" : "mortar",
        EventType.Mlrs => "mlrs",
        EventType.GroundAssault => random.Next() < 0.5 ? "tank" : null,
        _ => null,
    };

    /// <summary>A normal deviate (Box–Muller), for how far from the line an event is: most within a few kilometres.</summary>
    private static double Gaussian(ref SplitMix64 random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.Next())) * Math.Cos(2 * Math.PI * random.Next());

    /// <summary>The point <paramref name="km"/> along the line and <paramref name="offsetKm"/> to its left (negative: right).</summary>
    private (double Lon, double Lat) NearLine(double km, double offsetKm)
    {
        var i = Array.BinarySearch(_startKm, km);
        var segment = Math.Clamp(i >= 0 ? i : ~i - 1, 0, _line.Length - 2);
        var (a, b) = (_line[segment], _line[segment + 1]);
        var length = _startKm[segment + 1] - _startKm[segment];
        var t = length == 0 ? 0 : Math.Clamp((km - _startKm[segment]) / length, 0, 1);
        var (lon, lat) = (a.Lon + (t * (b.Lon - a.Lon)), a.Lat + (t * (b.Lat - a.Lat)));
        var (east, north) = Kilometres(a, b);
        var norm = Math.Max(1e-9, Math.Sqrt((east * east) + (north * north)));
        var (leftEast, leftNorth) = (-north / norm * offsetKm, east / norm * offsetKm);
        return (lon + (leftEast / (KmPerDegreeLonAtEquator * Math.Cos(lat * Math.PI / 180))), lat + (leftNorth / KmPerDegreeLat));
    }

    private static (double East, double North) Kilometres((double Lon, double Lat) a, (double Lon, double Lat) b) =>
        ((b.Lon - a.Lon) * KmPerDegreeLonAtEquator * Math.Cos((a.Lat + b.Lat) / 2 * Math.PI / 180), (b.Lat - a.Lat) * KmPerDegreeLat);

    /// <summary>
    /// SplitMix64 (Steele, Lea and Flood): a few lines whose output is fixed by its definition, so a seed gives
    /// the same day on every runtime — <see cref="Random"/> promises that for no version.
    /// </summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = (seed * 0x9E3779B97F4A7C15UL) ^ 0x5851F42D4C957F2DUL;

        /// <summary>A number in [0, 1) with 53 random bits.</summary>
        public double Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
    }
}
