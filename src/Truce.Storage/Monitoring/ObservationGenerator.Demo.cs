using System.Globalization;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Geography;

namespace Truce.Storage.Monitoring;

public sealed partial class ObservationGenerator
{
    /// <summary>How many generated rows the demo file holds beside its hand-placed cases.</summary>
    public const int DemoGenerated = 400;

    /// <summary>The seed of the demo file's generated rows.</summary>
    public const int DemoSeed = 2015;

    /// <summary>
    /// The rows of <c>data/demo/observations.ndjson</c>: the hand-placed cases (<see cref="DemoCases"/>), each a
    /// finding the demo should show, then <see cref="DemoGenerated"/> generated rows (seed <see cref="DemoSeed"/>,
    /// no bad rows). Regenerate the file with
    /// <c>dotnet run -c Release --project benchmarks/Truce.Benchmarks -- --generate-demo-observations data/demo/observations.ndjson</c>.
    /// </summary>
    public static IEnumerable<ObservationInput> Demo(string? geoFolder = null) =>
        DemoCases(geoFolder).Concat(new ObservationGenerator(DemoSeed, 0, geoFolder).Generate(DemoGenerated));

    /// <summary>
    /// Observations placed by hand, each to show one finding. Places near the lines are computed from the lines
    /// themselves — a point on a named segment moved along its normal to a named side, then the distance
    /// corrected until the distance to the line is the one asked — so they stay right if a line is redrawn.
    /// The zones they test (data/demo/agreements.json): Minsk II, in force from 15 Feb 2015 00:00 Kyiv
    /// (14 Feb 22:00 UTC), 25 km for artillery of 100 mm and more, 35 km for MLRS and 70 km for heavy MLRS on
    /// each party's own side — Ukraine's from the line of contact of February 2015 (its right, walking the line
    /// as drawn), the Donbas formations' from the line of the 19 September 2014 memorandum (its left) — complete
    /// within 14 days (by 28 Feb 2015 22:00 UTC); the addendum, in force from 1 Oct 2015, 15 km for tanks,
    /// artillery under 100 mm and mortars up to 120 mm from the line of contact on both sides; the energy
    /// moratorium from 18 Mar 2025 00:00 UTC until 17 Apr 2025 00:00 UTC.
    /// </summary>
    public static IReadOnlyList<ObservationInput> DemoCases(string? geoFolder = null)
    {
        geoFolder ??= GeoJsonLayer.ShippedFolder;
        var contact2015 = new Line(Path.Combine(geoFolder, "line-of-contact-2015-02-illustrative.geojson"));
        var memorandum = new Line(Path.Combine(geoFolder, "minsk-memorandum-line-2014-09-illustrative.geojson"));
        var contact2025 = new Line(Path.Combine(geoFolder, "line-of-contact-2025-03-illustrative.geojson"));

        // West of Marinka: segment 12 of the 2015 line runs due south, so Ukraine's side (right) is west.
        var marinka23 = contact2015.Offset(12, 0.5, Side.Right, 23);
        // North of Shchastia: segment 2 runs west, Ukraine's side is north, and the line bends away from it.
        var shchastia20 = contact2015.Offset(2, 0.5, Side.Right, 20);
        // East of Donetsk: segment 16 of the memorandum line (14 of the 2015 line) runs east-south-east; the formations' side (left) is north-north-east.
        var amvrosiivka25 = memorandum.Offset(16, 0.5, Side.Left, 25);
        var starobesheve10 = contact2015.Offset(14, 0.3, Side.Left, 10);

        return
        [
            // Minsk II, point 2: artillery of 100 mm and more 25 km back on each side.
            Case("osce-smm-kramatorsk", "case-minsk-152mm-after-withdrawal", "2015-04-10T08:30:00Z", "weapon-sighting", marinka23, weapon: "artillery", calibre: 152, count: 2, radius: 200,
                description: "Two 152 mm howitzers (2A65) seen 23 km from the line of contact, after the withdrawal period ended."),
            Case("osce-smm-kramatorsk", "case-minsk-152mm-during-withdrawal", "2015-02-20T10:00:00Z", "weapon-sighting", marinka23, weapon: "artillery", calibre: 152, count: 2, radius: 200,
                description: "Two 152 mm howitzers at the same place while the 14-day withdrawal was still running."),
            Case("osce-smm-kramatorsk", "case-minsk-152mm-far-back", "2015-04-11T09:15:00Z", "weapon-sighting", contact2015.Offset(12, 0.5, Side.Right, 60), weapon: "artillery", calibre: 152, count: 4, radius: 200,
                description: "Four 152 mm howitzers in a holding area 60 km from the line of contact, outside every zone."),
            Case("osce-smm-mariupol", "case-minsk-mlrs-in-70km-zone", "2015-05-12T07:40:00Z", "weapon-sighting", amvrosiivka25, weapon: "mlrs", calibre: 122, count: 3, radius: 200,
                description: "Three BM-21 Grad launchers 25 km from the memorandum line, on the formations' side: inside the 70 km security zone (35 km a side)."),
            Case("osce-smm-luhansk", "case-minsk-sector-across-zone-border", "2015-06-03T10:12:00Z", "artillery", shchastia20, weapon: "artillery", calibre: 122, count: 14, to: "2015-06-03T10:40:00Z",
                sector: (340, 20, 2000, 10000), direction: "outgoing", grading: "A2",
                description: "Positioned 20 km north of the line of contact, the SMM heard 14 outgoing rounds 2–10 km N-NW to N-NE between 10:12 and 10:40; assessed as 122 mm artillery. The sector crosses the 25 km line."),
            Case("osce-smm-donetsk", "case-minsk-restriction-of-movement", "2015-07-14T06:50:00Z", "restriction-of-movement", contact2015.Offset(10, 0.5, Side.Left, 3), grading: "A1",
                description: "An SMM patrol was denied passage at a checkpoint and turned back."),
            Case("osce-smm-donetsk", "case-minsk-window-across-entry-into-force", "2015-02-14T21:30:00Z", "artillery", contact2015.Offset(7, 0.5, Side.Left, 5), weapon: "artillery", calibre: 152, count: 60, to: "2015-02-14T22:40:00Z", radius: 3000,
                description: "Shelling near Debaltseve heard from 23:30 to 00:40 Kyiv time, across the moment the ceasefire took effect."),
            Case("osce-smm-donetsk", "case-minsk-122mm-formations-side", "2015-05-20T11:05:00Z", "weapon-sighting", memorandum.Offset(16, 0.7, Side.Left, 12), weapon: "artillery", calibre: 122, count: 6, radius: 200,
                description: "Six 122 mm howitzers (D-30) 12 km from the memorandum line on the formations' side."),
            Case("osce-smm-mariupol", "case-minsk-smerch-in-140km-zone", "2015-03-28T12:00:00Z", "weapon-sighting", contact2015.Offset(13, 0.5, Side.Right, 55), weapon: "heavy-mlrs", calibre: 300, count: 2, radius: 500,
                description: "Two Smerch launchers 55 km from the line of contact: inside the 140 km zone (70 km a side)."),
            Case("osce-smm-donetsk", "case-minsk-mortar-fire", "2015-08-17T19:20:00Z", "artillery", contact2015.Offset(11, 0.5, Side.Right, 2), weapon: "mortar", calibre: 120, count: 35, to: "2015-08-17T20:05:00Z", radius: 2000, direction: "incoming",
                description: "35 incoming 120 mm mortar rounds: a breach of the ceasefire; mortars were not yet covered by a withdrawal."),

            // The addendum of 29 September 2015: tanks 15 km back.
            Case("osce-smm-donetsk", "case-addendum-tank-within-15km", "2015-10-20T09:45:00Z", "weapon-sighting", starobesheve10, weapon: "tank", calibre: 125, count: 3, radius: 200,
                description: "Three T-72 tanks 10 km from the line of contact, after the addendum's withdrawal began."),
            Case("osce-smm-donetsk", "case-addendum-tank-before-it", "2015-09-15T09:45:00Z", "weapon-sighting", starobesheve10, weapon: "tank", calibre: 125, count: 3, radius: 200,
                description: "The same tanks before the addendum was in force: no withdrawal rule for tanks yet."),

            // After the Minsk process collapsed (21 Feb 2022): no Minsk findings.
            Case("press-monitoring", "case-minsk-after-collapse", "2022-02-22T06:00:00Z", "artillery", contact2015.Offset(11, 0.5, Side.Right, 4), weapon: "artillery", calibre: 122, count: 20, radius: 5000,
                description: "Shelling reported the day after Russia recognised the 'people's republics'."),

            // March 2025, while the Jeddah proposal stood (never in force) and before the moratorium.
            Case("monitor-team-1", "case-jeddah-shelling-pokrovsk", "2025-03-12T05:30:00Z", "artillery", contact2025.Offset(19, 0.3, Side.Right, 6), weapon: "artillery", calibre: 152, count: 25, radius: 2000, direction: "incoming",
                description: "Shelling of Pokrovsk's outskirts the day after Ukraine accepted the US proposal."),
            Case("osint-geolocation", "case-jeddah-drone-odesa-energy", "2025-03-13T01:10:00Z", "drone-strike", (46.48, 30.72), weapon: "drone", count: 4, radius: 1000, target: "energy-infrastructure",
                description: "Drones hit a power substation near Odesa five days before the energy moratorium."),

            // The energy-strike moratorium, 18 March – 17 April 2025.
            Case("monitor-team-2", "case-moratorium-odesa-energy", "2025-03-20T02:00:00Z", "drone-strike", (46.48, 30.72), weapon: "drone", count: 6, radius: 500, target: "energy-infrastructure", claimedBy: "RUS", grading: "B2",
                description: "A drone strike on energy infrastructure in Odesa two days into the moratorium."),

            // The same strike as others saw it: a camera, a channel's post and another channel repeating it (one
            // source for corroboration), and a party's complaint — the verification worklist proposes them together.
            Case("osint-geolocation", "case-moratorium-odesa-energy-video", "2025-03-20T02:04:00Z", "drone-strike", (46.4822, 30.7231), weapon: "drone", count: 5, radius: 300, target: "energy-infrastructure", grading: "B2",
                attachments: ["9f2c4e1a7b3d5f60c8e2a4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5"],
                description: "Geolocated night video of drones striking the substation; the flashes match the monitors' report."),
            Case("telegram-odesa-now", "case-moratorium-odesa-energy-post", "2025-03-20T02:06:00Z", "drone-strike", (46.4791, 30.7174), weapon: "drone", radius: 1000, target: "energy-infrastructure", grading: "C3", origin: "telegram-odesa-now/18342",
                description: "A local channel posts of explosions and a power cut in the district."),
            Case("telegram-south-digest", "case-moratorium-odesa-energy-repost", "2025-03-20T02:11:00Z", "explosion", (46.4835, 30.7212), radius: 1500, grading: "D3", origin: "telegram-odesa-now/18342",
                description: "A digest channel repeats the local channel's post word for word."),
            Case("party-ukr-complaint", "case-moratorium-odesa-energy-complaint", "2025-03-20T01:58:00Z", "drone-strike", (46.4812, 30.7205), weapon: "drone", count: 6, radius: 800, target: "energy-infrastructure", claimedBy: "RUS", grading: "F3",
                description: "Ukraine's complaint to the monitors: Russian drones struck an energy facility in Odesa."),
            Case("monitor-team-3", "case-moratorium-other-target", "2025-03-25T14:00:00Z", "missile", (48.46, 35.04), weapon: "missile", count: 1, radius: 500, target: "logistics-depot", grading: "B2",
                description: "A missile strike on a logistics depot in Dnipro: not a target the moratorium protects."),
            Case("osint-social-media", "case-moratorium-no-target", "2025-04-02T21:30:00Z", "drone-strike", (49.99, 36.23), weapon: "drone", count: 3, radius: 2000, grading: "C3",
                description: "Drone strikes reported in Kharkiv; what was hit is not known."),
            Case("monitor-team-2", "case-moratorium-nikopol-energy", "2025-04-10T07:00:00Z", "artillery", contact2025.Offset(34, 0.4, Side.Right, 8), weapon: "artillery", calibre: 152, count: 12, radius: 1000, target: "energy-infrastructure", direction: "incoming",
                description: "Artillery fire on a power line near Nikopol, across the Dnipro from the line."),
            Case("monitor-team-4", "case-moratorium-damage-not-a-strike", "2025-03-28T09:00:00Z", "infrastructure-damage", (47.84, 35.14), target: "energy-infrastructure", radius: 500,
                description: "Damage to a substation in Zaporizhzhia found on inspection; not itself a strike."),
            Case("monitor-team-1", "case-moratorium-window-across-start", "2025-03-17T22:00:00Z", "drone-strike", (46.48, 30.72), weapon: "drone", count: 5, to: "2025-03-18T01:00:00Z", radius: 1000, target: "energy-infrastructure",
                description: "Drone attacks on Odesa's energy grid through the night the moratorium began."),
            Case("monitor-team-3", "case-moratorium-last-hour", "2025-04-16T23:10:00Z", "missile", (49.99, 36.23), weapon: "missile", count: 2, radius: 1000, target: "energy-infrastructure",
                description: "A missile strike on a thermal power plant in Kharkiv in the moratorium's last hour."),
            Case("monitor-team-3", "case-after-moratorium-energy", "2025-04-20T03:00:00Z", "missile", (49.99, 36.23), weapon: "missile", count: 2, radius: 1000, target: "energy-infrastructure",
                description: "A missile strike on energy infrastructure in Kharkiv after the moratorium expired."),
        ];
    }

    private enum Side
    {
        Left,
        Right,
    }

    private static ObservationInput Case(
        string source, string id, string at, string type, (double Lat, double Lon) where,
        string? weapon = null, int? calibre = null, int count = 1, string? to = null, double radius = 0, (double From, double To, double Min, double Max)? sector = null,
        string? target = null, string? direction = null, string? claimedBy = null, string? grading = null, string? description = null,
        string? origin = null, List<string?>? attachments = null) => new()
        {
            Source = source,
            ExternalId = id,
            ObservedFrom = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture),
            ObservedTo = to is null ? null : DateTimeOffset.Parse(to, CultureInfo.InvariantCulture),
            Type = type,
            Count = count,
            Lat = where.Lat,
            Lon = where.Lon,
            RadiusMetres = sector is null ? radius : null,
            Sector = sector is { } s ? new SectorInput { FromBearing = s.From, ToBearing = s.To, MinMetres = s.Min, MaxMetres = s.Max } : null,
            Weapon = weapon,
            CalibreMm = calibre,
            Target = target,
            Direction = direction,
            ClaimedBy = claimedBy,
            Grading = grading ?? (source.StartsWith("osce", StringComparison.Ordinal) ? "A1" : source.StartsWith("monitor", StringComparison.Ordinal) ? "B2" : "C3"),
            Description = "Hand-placed demo case: " + description,
            Origin = origin,
            Attachments = attachments,
            Marking = new MarkingInput { Level = source.StartsWith("osce", StringComparison.Ordinal) ? "public" : "coalition" },
        };

    /// <summary>A line from a file, for placing points at a distance from one of its segments.</summary>
    private sealed class Line(string path)
    {
        private readonly Walk _walk = Walk.Read(path);
        private readonly GeodesicLine _measure = new(GeoJsonLayer.Read(path).SelectMany(f => Placer.Parts(f.Geometry)).OrderByDescending(p => p.Count).First());

        /// <summary>
        /// The point <paramref name="km"/> from the line, on <paramref name="side"/> of segment
        /// <paramref name="segment"/> (0-based) at fraction <paramref name="t"/> along it: moved along the
        /// segment's normal, then the step corrected until the geodesic distance to the line is the one asked
        /// (a bend nearby can make the nearest point another segment's), to about a metre.
        /// </summary>
        public (double Lat, double Lon) Offset(int segment, double t, Side side, double km)
        {
            if (segment < 0 || segment >= _walk.Segments)
            {
                throw new ArgumentOutOfRangeException(nameof(segment), segment, $"The line has {_walk.Segments} segments.");
            }

            var (onLine, bearing) = _walk.OnSegment(segment, t);
            var normal = bearing + (side == Side.Left ? -90 : 90);
            var step = km * 1000;
            var point = onLine;
            for (var i = 0; i < 8; i++)
            {
                point = Destination(onLine.Lat, onLine.Lon, normal, step);
                var actual = _measure.DistanceTo(point.Lat, point.Lon);
                if (Math.Abs(actual - (km * 1000)) < 1)
                {
                    break;
                }

                step *= km * 1000 / actual;
            }

            return (Math.Round(point.Lat, 5), Math.Round(point.Lon, 5));
        }
    }
}
