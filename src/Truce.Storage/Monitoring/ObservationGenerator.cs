using System.Globalization;
using System.Text;
using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Geography;

namespace Truce.Storage.Monitoring;

/// <summary>A generated row: the observation as a feed would send it and, for a row made bad on purpose, the field <see cref="ObservationRules"/> names for it.</summary>
public sealed record GeneratedObservation(ObservationInput Input, string? Fault);

/// <summary>
/// Synthetic observations for benchmarks, load tests and the demo: the same rows for the same seed, streamed
/// one at a time (constant memory for any count). Nothing here comes from ACLED, UCDP or the OSCE: the shapes
/// follow their published descriptions and the shares their published summaries; every row is made up.
/// </summary>
/// <remarks>
/// <para>Where: dense along the line of contact. A point is picked uniformly along the line (by length), and
/// put at a distance from it along the normal of its segment, on either side with equal odds; the distance is
/// drawn from a skewed mixture — four in five from an exponential with a mean of 4 km, one in five uniform up to
/// 80 km — so about three quarters lie within 10 km and a tail reaches 80 km. Points beyond the border or at
/// sea are kept: reports place things there too.</para>
/// <para>When: row by row alternately in the Minsk II era (15 Feb 2015 00:00 Kyiv to 15 Feb 2016, along the
/// illustrative line of February 2015) and in 2025 (15 March to 31 December, along the illustrative line of
/// March 2025, so the moratorium month of 18 March – 17 April is inside). 2025 starts on 15 March because that
/// is when the 2025 line's version takes over from the 2015 one in the demo layers: a point drawn along the
/// 2025 line but placed against the 2015 line would be measured from the wrong line.</para>
/// <para>What: see <see cref="TypeShares"/>. About one row in ten is an observer's bearing sector and range
/// interval (the OSCE SMM grammar) instead of a point with a radius.</para>
/// <para>Bad rows: with a share <c>p</c>, row <c>i</c> is bad when ⌊(i+1)·p⌋ &gt; ⌊i·p⌋ — exactly ⌊n·p⌋ of
/// the first n rows, spread evenly — and each bad row breaks one rule, taking the kinds in turn
/// (<see cref="Faults"/>).</para>
/// </remarks>
public sealed partial class ObservationGenerator
{
    /// <summary>
    /// Truce's event types with the share of rows each gets. These approximate the published ACLED summaries of
    /// Ukraine's sub-event types (shelling/artillery/missile ≈ 62 %, air/drone strike ≈ 22 %, armed clash
    /// ≈ 10 %, remote explosive/landmine ≈ 2 %, other ≈ 4 %) mapped onto Truce's types; they are not counts of
    /// ACLED rows, and no ACLED row is used. In the Minsk II era the air/drone share is all drone strikes.
    /// </summary>
    public static readonly IReadOnlyList<(string Type, double Share)> TypeShares =
    [
        // Shelling/artillery/missile attack ≈ 62 %
        ("artillery", 0.40), ("mlrs", 0.12), ("missile", 0.05), ("explosion", 0.05),
        // Air/drone strike ≈ 22 %
        ("drone-strike", 0.18), ("air-strike", 0.04),
        // Armed clash ≈ 10 %
        ("small-arms", 0.06), ("ground-assault", 0.04),
        // Remote explosive/landmine/IED ≈ 2 %
        ("mine", 0.02),
        // Other ≈ 4 %: what monitors report besides fire
        ("weapon-sighting", 0.025), ("infrastructure-damage", 0.01), ("restriction-of-movement", 0.005),
    ];

    /// <summary>The field each kind of bad row breaks, as <see cref="ObservationRules"/> names it; bad rows take them in turn.</summary>
    public static readonly IReadOnlyList<string> Faults =
    [
        "lat", "lon", "type", "observedTo", "grading", "count", "sector.maxMetres", "sector.fromBearing", "radiusMetres",
        "weapon", "calibreMm", "casualties", "attachments[0]", "source", "externalId", "observedFrom", "direction", "marking.level",
    ];

    /// <summary>The columns of Truce's observation CSV, in order.</summary>
    public const string CsvHeader = "source,externalId,observedFrom,observedTo,type,count,lat,lon,radiusMetres,sectorFromBearing,sectorToBearing,sectorMinMetres,sectorMaxMetres,weapon,calibreMm,target,direction,claimedBy,casualtiesBest,casualtiesLow,casualtiesHigh,attachments,grading,description,markingLevel,markingRelTo,origin";

    private const double ObserverShare = 0.10;

    /// <summary>Minsk II took effect at 00:00 Kyiv time (UTC+2) on 15 February 2015.</summary>
    private static readonly DateTimeOffset MinskFrom = new(2015, 2, 15, 0, 0, 0, TimeSpan.FromHours(2));

    private static readonly Era[] Eras =
    [
        new("2015", "line-of-contact-2015-02-illustrative.geojson", MinskFrom, MinskFrom.AddYears(1), "donbas-formations", "UKR",
            ["osce-smm-donetsk", "osce-smm-luhansk", "osce-smm-mariupol", "osce-smm-kramatorsk", "osce-smm-sievierodonetsk"],
            ["osce-smm-uav", "acoustic-sensor-net", "osint-geolocation", "osint-social-media", "press-monitoring"]),
        new("2025", "line-of-contact-2025-03-illustrative.geojson", new(2025, 3, 15, 0, 0, 0, TimeSpan.Zero), new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "RUS", "UKR",
            ["monitor-team-1", "monitor-team-2", "monitor-team-3", "monitor-team-4"],
            ["acoustic-sensor-net", "satellite-imagery", "uav-patrol", "osint-geolocation", "osint-social-media"]),
    ];

    private static readonly string[] OtherTargets = ["military-position", "residential-area", "railway", "bridge", "industrial-facility", "logistics-depot"];

    private readonly ulong _seed;
    private readonly double _badShare;
    private readonly Walk[] _lines;

    /// <param name="seed">The same seed gives the same rows.</param>
    /// <param name="badShare">The share of rows made bad on purpose, from 0 to 1.</param>
    /// <param name="geoFolder">Where the line files are; the geography shipped beside the program when null.</param>
    public ObservationGenerator(int seed = 1, double badShare = 0, string? geoFolder = null)
    {
        if (!(badShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(badShare), badShare, "A share from 0 to 1.");
        }

        (_seed, _badShare) = ((ulong)(uint)seed, badShare);
        geoFolder ??= GeoJsonLayer.ShippedFolder;
        _lines = Eras.Select(e => Walk.Read(Path.Combine(geoFolder, e.LineFile))).ToArray();
    }

    /// <summary>The first <paramref name="count"/> rows, one at a time.</summary>
    public IEnumerable<ObservationInput> Generate(long count) => Rows(count).Select(r => r.Input);

    /// <summary>The first <paramref name="count"/> rows, each with the field it breaks when it is bad.</summary>
    public IEnumerable<GeneratedObservation> Rows(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (long i = 0; i < count; i++)
        {
            // Each row has its own stream of numbers, so row i is the same whatever count is asked for.
            var random = new SplitMix(_seed, (ulong)i);
            var bad = _badShare > 0 && Math.Floor((i + 1) * _badShare) > Math.Floor(i * _badShare);
            var fault = bad ? Faults[(int)((long)Math.Floor(i * _badShare) % Faults.Count)] : null;
            var row = Row(i, ref random, fault == "sector.maxMetres" || fault == "sector.fromBearing");
            if (fault is not null)
            {
                Break(row, fault, ref random);
            }

            yield return new GeneratedObservation(row, fault);
        }
    }

    private ObservationInput Row(long index, ref SplitMix random, bool observer)
    {
        var eraIndex = (int)(index % 2);
        var era = Eras[eraIndex];
        var line = _lines[eraIndex];
        var minsk = eraIndex == 0;
        observer |= random.Next() < ObserverShare;

        var minutes = (long)((era.To - era.From).TotalMinutes * random.Next());
        var from = era.From.AddMinutes(minutes).ToUniversalTime();
        var type = PickType(ref random);
        if (minsk && type == "air-strike")
        {
            type = "drone-strike";
        }

        var left = random.Next() < 0.5;
        var km = random.Next() < 0.8 ? Math.Min(80, -4 * Math.Log(1 - random.Next())) : 80 * random.Next();
        km = Math.Max(0.05, km);
        var (onLine, bearing) = line.At(line.LengthKm * random.Next());
        var normal = bearing + (left ? -90 : 90);
        var (lat, lon) = Destination(onLine.Lat, onLine.Lon, normal, km * 1000);

        var source = observer ? Pick(era.Observers, ref random) : Pick(era.Others, ref random);
        var input = new ObservationInput
        {
            Source = source,
            ExternalId = string.Create(CultureInfo.InvariantCulture, $"{era.Name}-{index + 1:D7}"),
            ObservedFrom = from,
            Type = type,
            Lat = Math.Round(lat, 5),
            Lon = Math.Round(lon, 5),
        };

        var (weapon, calibre, count) = Weapon(type, minsk, ref random);
        (input.Weapon, input.CalibreMm, input.Count) = (weapon, calibre, count);
        var durationMinutes = observer ? 5 + (int)(random.Next() * 55) : random.Next() < 0.15 ? 24 * 60 - 1 : random.Next() < 0.5 ? 0 : 1 + (int)(random.Next() * 30);
        input.ObservedTo = durationMinutes == 0 ? null : from.AddMinutes(durationMinutes);

        if (observer)
        {
            // Heard or seen from the observer's position, towards the line: a sector of 20–90° and a range interval.
            var width = 20 + Math.Round(random.Next() * 70);
            var towards = normal + 180 + ((random.Next() - 0.5) * 60);
            var min = Math.Round(random.Next() * 3) * 1000;
            input.Sector = new SectorInput
            {
                FromBearing = Bearing(towards - (width / 2)),
                ToBearing = Bearing(towards + (width / 2)),
                MinMetres = min,
                MaxMetres = min + ((1 + Math.Round(random.Next() * 7)) * 1000),
            };
            input.Grading = Pick(["A1", "A2", "B1", "B2"], ref random);
            input.Description = Heard(input, from, ref random);
            input.Marking = new MarkingInput { Level = "public" };
        }
        else
        {
            input.RadiusMetres = source switch
            {
                "osce-smm-uav" or "uav-patrol" or "satellite-imagery" => 100,
                "acoustic-sensor-net" => 500 + (Math.Round(random.Next() * 25) * 100),
                "press-monitoring" => 5000,
                _ => Math.Round(random.Next() * 10) * 100,
            };
            input.Grading = source.StartsWith("osint", StringComparison.Ordinal) || source == "press-monitoring"
                ? Pick(["C2", "C3", "D3", "F6", "B3"], ref random)
                : Pick(["A2", "B1", "B2", "B3", "C2"], ref random);
            var assessed = weapon is null || (weapon == type && calibre is null) ? string.Empty : $"; assessed as {(calibre is { } mm ? $"{mm} mm " : string.Empty)}{Words(weapon)}";
            input.Description = string.Create(CultureInfo.InvariantCulture, $"Generated: {Words(type)}, {count} reported{assessed}, about {km:0.#} km from the line.");
            var marking = random.Next();
            input.Marking = marking < 0.05 ? new MarkingInput { Level = "rel-to", RelTo = ["GBR", "FRA"] }
                : marking < 0.35 ? new MarkingInput { Level = "public" }
                : new MarkingInput { Level = "coalition" };
        }

        input.Target = Target(type, minsk, ref random);
        if (type is "artillery" or "mlrs" or "missile" or "drone-strike" or "air-strike" or "explosion" or "small-arms")
        {
            var direction = random.Next();
            input.Direction = direction < 0.45 ? "incoming" : direction < 0.75 ? "outgoing" : direction < 0.85 ? "unknown" : null;
        }

        if (random.Next() < 0.4)
        {
            // Whom the source holds responsible: usually the party across the line from where it landed.
            input.ClaimedBy = left ? era.Right : era.Left;
        }

        if (type is not ("weapon-sighting" or "restriction-of-movement") && random.Next() < 0.1)
        {
            var best = (int)(random.Next() * 6);
            input.Casualties = new CasualtiesInput { Best = best, Low = Math.Max(0, best - (int)(random.Next() * 2)), High = best + (int)(random.Next() * 3) };
        }

        if (random.Next() < 0.2)
        {
            input.Attachments = [Hash(ref random)];
            if (random.Next() < 0.3)
            {
                input.Attachments.Add(Hash(ref random));
            }
        }

        return input;
    }

    private static string PickType(ref SplitMix random)
    {
        var u = random.Next();
        foreach (var (type, share) in TypeShares)
        {
            if ((u -= share) < 0)
            {
                return type;
            }
        }

        return TypeShares[^1].Type;
    }

    /// <summary>A weapon, calibre and count that fit the type: the classes the withdrawal rules name come up often in sightings and shelling.</summary>
    private static (string? Weapon, int? Calibre, int Count) Weapon(string type, bool minsk, ref SplitMix random)
    {
        var u = random.Next();
        var many = 1 + (int)(Math.Pow(random.Next(), 3) * 40);
        return type switch
        {
            "artillery" => u < 0.35 ? ("artillery", Pick([122, 152], ref random), many)
                : u < 0.55 ? ("mortar", Pick([82, 120, 120], ref random), many)
                : u < 0.65 ? ("tank", 125, many)
                : u < 0.75 ? ("artillery", null, many) // "assessed as artillery", calibre not told
                : (null, null, many),
            "mlrs" => u < 0.8 ? ("mlrs", 122, many) : ("heavy-mlrs", Pick([220, 300], ref random), 1 + (int)(random.Next() * 12)),
            "missile" => minsk ? ("tactical-missile", 650, 1) : ("missile", null, 1 + (int)(random.Next() * 3)),
            "drone-strike" => ("drone", null, 1 + (int)(random.Next() * 10)),
            "air-strike" => ("aircraft", null, 1 + (int)(random.Next() * 4)),
            "small-arms" => ("small-arms", null, many),
            "ground-assault" => u < 0.3 ? ("tank", 125, 1 + (int)(random.Next() * 6)) : (null, null, 1),
            "weapon-sighting" => u < 0.4 ? ("artillery", Pick([122, 152, 152], ref random), 1 + (int)(random.Next() * 12))
                : u < 0.55 ? ("mlrs", 122, 1 + (int)(random.Next() * 6))
                : u < 0.65 ? ("heavy-mlrs", Pick([220, 300], ref random), 1 + (int)(random.Next() * 4))
                : u < 0.85 ? ("tank", 125, 1 + (int)(random.Next() * 10))
                : u < 0.95 ? ("mortar", 120, 1 + (int)(random.Next() * 6))
                : ("artillery", 100, 1 + (int)(random.Next() * 4)),
            _ => (null, null, 1),
        };
    }

    /// <summary>What was hit: energy infrastructure for about a quarter of the 2025 strikes, another target or none for the rest.</summary>
    private static string? Target(string type, bool minsk, ref SplitMix random)
    {
        var u = random.Next();
        return type switch
        {
            "artillery" or "mlrs" or "missile" or "drone-strike" or "air-strike" or "explosion" or "infrastructure-damage" =>
                !minsk && u < 0.25 ? "energy-infrastructure"
                : u < 0.7 ? Pick(OtherTargets, ref random)
                : null,
            _ => null,
        };
    }

    /// <summary>Breaks one rule of a valid row; the row keeps its shape.</summary>
    private static void Break(ObservationInput row, string fault, ref SplitMix random)
    {
        row.Description = $"Generated bad row: breaks {fault}.";
        switch (fault)
        {
            case "lat": row.Lat = 90 + 1 + Math.Round(random.Next() * 30, 3); break;
            case "lon": row.Lon = -(180 + 1 + Math.Round(random.Next() * 30, 3)); break;
            case "type": row.Type = "shelling"; break;
            case "observedTo": row.ObservedTo = row.ObservedFrom!.Value.AddHours(-2); break;
            case "grading": row.Grading = "G7"; break;
            case "count": row.Count = -3; break;
            case "sector.maxMetres": row.Sector!.MaxMetres = row.Sector.MinMetres!.Value - 500; break;
            case "sector.fromBearing": row.Sector!.FromBearing = 400; break;
            case "radiusMetres": (row.Sector, row.RadiusMetres) = (null, -50); break;
            case "weapon": row.Weapon = "catapult"; break;
            case "calibreMm": (row.Weapon, row.CalibreMm) = ("artillery", 0); break;
            case "casualties": row.Casualties = new CasualtiesInput { Best = 2, Low = 5, High = 6 }; break;
            case "attachments[0]": row.Attachments = ["not-a-sha-256"]; break;
            case "source": row.Source = null; break;
            case "externalId": row.ExternalId = null; break;
            case "observedFrom": (row.ObservedFrom, row.ObservedTo) = (null, null); break;
            case "direction": row.Direction = "sideways"; break;
            case "marking.level": row.Marking = new MarkingInput { Level = "secret" }; break;
            default: throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a fault the generator makes.");
        }
    }

    /// <summary>The OSCE grammar: "the team heard N explosions 1–7 km W-SW to NW between 10:12 and 10:40; assessed as 120 mm mortar".</summary>
    private static string Heard(ObservationInput o, DateTimeOffset from, ref SplitMix random)
    {
        var s = o.Sector!;
        var what = o.Type switch
        {
            "small-arms" => "bursts of small-arms fire",
            "weapon-sighting" => "weapons",
            "restriction-of-movement" => "a restriction of its movement",
            "drone-strike" or "air-strike" or "missile" => "impacts",
            _ => random.Next() < 0.5 ? "undetermined explosions" : "outgoing rounds",
        };
        var verb = o.Type is "weapon-sighting" or "restriction-of-movement" ? "saw" : "heard";
        var to = o.ObservedTo ?? from;
        var assessed = o.Weapon is null ? string.Empty : $"; assessed as {(o.CalibreMm is { } mm ? $"{mm} mm " : string.Empty)}{Words(o.Weapon)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"Generated: the team {verb} {o.Count} {what} {s.MinMetres / 1000:0}–{s.MaxMetres / 1000:0} km {Compass(s.FromBearing!.Value)} to {Compass(s.ToBearing!.Value)}, between {from:HH:mm} and {to:HH:mm} UTC{assessed}.");
    }

    private static string Compass(double bearing) =>
        (string[])["N", "N-NE", "NE", "E-NE", "E", "E-SE", "SE", "S-SE", "S", "S-SW", "SW", "W-SW", "W", "W-NW", "NW", "N-NW"] is var points
            ? points[(int)Math.Round(bearing / 22.5) % 16]
            : string.Empty;

    private static string Words(string kebab) => kebab.Replace('-', ' ');

    private static double Bearing(double degrees) => Math.Round(((degrees % 360) + 360) % 360);

    private static T Pick<T>(T[] choices, ref SplitMix random) => choices[(int)(random.Next() * choices.Length)];

    private static string Hash(ref SplitMix random)
    {
        Span<byte> bytes = stackalloc byte[32];
        for (var i = 0; i < bytes.Length; i += 8)
        {
            BitConverter.TryWriteBytes(bytes[i..], random.NextUInt64());
        }

        return Convert.ToHexStringLower(bytes);
    }

    private const double EarthRadius = 6_371_008.8;
    private const double ToRadians = Math.PI / 180;

    /// <summary>The point <paramref name="metres"/> from a start along a bearing, on the sphere of the Earth's mean radius.</summary>
    private static (double Lat, double Lon) Destination(double lat, double lon, double bearing, double metres)
    {
        var delta = metres / EarthRadius;
        var (sinPhi, cosPhi) = Math.SinCos(lat * ToRadians);
        var (sinDelta, cosDelta) = Math.SinCos(delta);
        var (sinTheta, cosTheta) = Math.SinCos(bearing * ToRadians);
        var sinPhi2 = (sinPhi * cosDelta) + (cosPhi * sinDelta * cosTheta);
        var lambda = Math.Atan2(sinTheta * sinDelta * cosPhi, cosDelta - (sinPhi * sinPhi2));
        return (Math.Asin(sinPhi2) / ToRadians, lon + (lambda / ToRadians));
    }

    private sealed record Era(string Name, string LineFile, DateTimeOffset From, DateTimeOffset To, string Left, string Right, string[] Observers, string[] Others);

    /// <summary>A line prepared for picking points along it by length: each segment's length and bearing.</summary>
    private sealed class Walk
    {
        private readonly (double Lon, double Lat)[] _vertices;
        private readonly double[] _startKm;
        private readonly double[] _bearing;

        private Walk(IReadOnlyList<(double Lon, double Lat)> vertices)
        {
            _vertices = [.. vertices];
            _startKm = new double[_vertices.Length];
            _bearing = new double[_vertices.Length - 1];
            for (var i = 1; i < _vertices.Length; i++)
            {
                var (a, b) = (_vertices[i - 1], _vertices[i]);
                _startKm[i] = _startKm[i - 1] + (Geodesy.Distance(a.Lat, a.Lon, b.Lat, b.Lon) / 1000);
                _bearing[i - 1] = InitialBearing(a, b);
            }
        }

        public double LengthKm => _startKm[^1];

        public int Segments => _bearing.Length;

        public static Walk Read(string path)
        {
            var part = GeoJsonLayer.Read(path).SelectMany(f => Placer.Parts(f.Geometry)).OrderByDescending(p => p.Count).FirstOrDefault()
                ?? throw new InvalidDataException($"{path} holds no line.");
            return part.Count >= 2 ? new Walk(part) : throw new InvalidDataException($"{path}: a line needs two vertices.");
        }

        /// <summary>The point <paramref name="km"/> along the line, and the bearing of its segment.</summary>
        public ((double Lat, double Lon) Point, double Bearing) At(double km)
        {
            var i = Array.BinarySearch(_startKm, km);
            var segment = Math.Clamp(i >= 0 ? i : ~i - 1, 0, _bearing.Length - 1);
            var length = _startKm[segment + 1] - _startKm[segment];
            var t = length == 0 ? 0 : Math.Clamp((km - _startKm[segment]) / length, 0, 1);
            return (Along(segment, t), _bearing[segment]);
        }

        /// <summary>The point a fraction <paramref name="t"/> along segment <paramref name="segment"/> (0-based), and its bearing.</summary>
        public ((double Lat, double Lon) Point, double Bearing) OnSegment(int segment, double t) => (Along(segment, t), _bearing[segment]);

        private (double Lat, double Lon) Along(int segment, double t)
        {
            var (a, b) = (_vertices[segment], _vertices[segment + 1]);
            return (a.Lat + (t * (b.Lat - a.Lat)), a.Lon + (t * (b.Lon - a.Lon)));
        }

        private static double InitialBearing((double Lon, double Lat) a, (double Lon, double Lat) b)
        {
            var (sin1, cos1) = Math.SinCos(a.Lat * ToRadians);
            var (sin2, cos2) = Math.SinCos(b.Lat * ToRadians);
            var (sinD, cosD) = Math.SinCos((b.Lon - a.Lon) * ToRadians);
            return Math.Atan2(sinD * cos2, (cos1 * sin2) - (sin1 * cos2 * cosD)) / ToRadians;
        }
    }

    /// <summary>
    /// SplitMix64 (Steele, Lea and Flood): a few lines whose output is fixed by its definition, so a seed
    /// gives the same rows on every runtime — <see cref="Random"/> promises that for no version.
    /// </summary>
    private struct SplitMix(ulong seed, ulong stream)
    {
        private ulong _state = (seed * 0x9E3779B97F4A7C15UL) ^ (stream * 0xD1B54A32D192ED03UL) ^ 0x5851F42D4C957F2DUL;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A number in [0, 1) with 53 random bits.</summary>
        public double Next() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
    }
}
