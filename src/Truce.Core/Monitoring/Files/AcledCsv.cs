using System.Buffers;
using System.Globalization;
using Truce.Core.Common;

namespace Truce.Core.Monitoring.Files;

/// <summary>
/// An ACLED export (2024 columns, in any order, any case) read as observations: the event's day widened by its
/// time precision, its place widened by its geo precision, its sub-event type mapped to Truce's event types,
/// and a deletions file (<c>event_id_cnty, deleted_timestamp</c>) read as withdrawals. ACLED's own
/// <c>timestamp</c> (when a row was last changed) is left out on purpose: an unchanged row re-exported must
/// read the same, so the intake sees a re-send, not a revision.
/// </summary>
internal static class AcledCsv
{
    public const string Source = "acled";

    private static readonly string[] Required = ["event_id_cnty", "event_date", "time_precision", "sub_event_type", "latitude", "longitude", "geo_precision"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "d-MMMM-yyyy", "d MMM yyyy", "d-MMM-yyyy"];

    // Rules' field paths → ACLED's columns. Source and count are Truce's own ("acled", 1): no column to name.
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["externalId"] = "event_id_cnty",
        ["observedFrom"] = "event_date",
        ["observedTo"] = "event_date",
        ["type"] = "sub_event_type",
        ["lat"] = "latitude",
        ["lon"] = "longitude",
        ["radiusMetres"] = "geo_precision",
        ["claimedBy"] = "actor1",
        ["casualties"] = "fatalities",
        ["casualties.best"] = "fatalities",
        ["casualties.low"] = "fatalities",
        ["casualties.high"] = "fatalities",
        ["description"] = "notes",
        ["target"] = "notes",
    };

    /// <summary>
    /// ACLED's sub-event types a ceasefire monitor records, as Truce's event types. Shelling and air strikes
    /// are refined from the notes (<see cref="TypeOf"/>); the rest — protests, riots, agreements, arrests,
    /// abductions, sexual violence, bases, transfers of territory, changes to a group, "Other" — are not fire,
    /// movement or damage that a ceasefire forbids, and are refused by name.
    /// </summary>
    private static readonly Dictionary<string, EventType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Shelling/artillery/missile attack"] = EventType.Artillery,
        ["Air/drone strike"] = EventType.AirStrike,
        ["Armed clash"] = EventType.SmallArms,
        ["Government regains territory"] = EventType.GroundAssault,
        ["Non-state actor overtakes territory"] = EventType.GroundAssault,
        ["Remote explosive/landmine/IED"] = EventType.Mine,
        ["Grenade"] = EventType.Explosion,
        ["Suicide bomb"] = EventType.Explosion,
        ["Chemical weapon"] = EventType.Explosion,
        ["Disrupted weapons use"] = EventType.Explosion,
        ["Attack"] = EventType.SmallArms,
        ["Looting/property destruction"] = EventType.InfrastructureDamage,
    };

    // Keyword rules on the notes, written down as such: ACLED has no weapon or target column, and its notes
    // name them in plain English ("...shelled with Kh-59 missiles...", "...a substation was hit...").
    private static readonly SearchValues<string> MissileWords = SearchValues.Create(["missile", "Iskander", "Kalibr", "Kh-"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> DroneWords = SearchValues.Create(["drone", "UAV", "Shahed", "loitering"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> EnergyWords = SearchValues.Create(["energy infrastructure", "power plant", "substation", "power line", "thermal power", "energy facility"], StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<FileRow> Read(TextReader reader)
    {
        CsvLayout? layout = null;
        Columns? at = null;
        var deletions = false;
        foreach (var (line, fields) in Csv.Read(reader))
        {
            if (CsvLayout.IsBlank(fields))
            {
                continue;
            }

            if (layout is null)
            {
                layout = new CsvLayout(line, fields, ColumnOf);
                deletions = layout.Has("deleted_timestamp") && !layout.Has("event_date");
                var missing = (deletions ? ["event_id_cnty"] : Required).Where(c => !layout.Has(c)).ToList();
                if (missing.Count > 0)
                {
                    var fault = new FileRow { Row = line, Locate = ObservationFiles.Nowhere };
                    fault.Rejections.AddRange(missing.Select(c => new Rejection(line, c, $"The header lacks '{c}', which every ACLED export has (and a deletions file has event_id_cnty and deleted_timestamp).", null)));
                    yield return fault;
                    yield break;
                }

                at = new Columns(layout);
                continue;
            }

            yield return deletions ? Deletion(layout, at!, line, fields) : Row(layout, at!, line, fields);
        }

        if (layout is null)
        {
            yield return ObservationFiles.FileFault(0, "file", "The file is empty: expected ACLED's header line, then one event a line.", null);
        }
    }

    private sealed class Columns(CsvLayout layout)
    {
        public readonly int Id = layout["event_id_cnty"];
        public readonly int Date = layout["event_date"];
        public readonly int TimePrecision = layout["time_precision"];
        public readonly int SubEventType = layout["sub_event_type"];
        public readonly int Actor1 = layout["actor1"];
        public readonly int Latitude = layout["latitude"];
        public readonly int Longitude = layout["longitude"];
        public readonly int GeoPrecision = layout["geo_precision"];
        public readonly int Notes = layout["notes"];
        public readonly int Fatalities = layout["fatalities"];
    }

    private static FileRow Deletion(CsvLayout layout, Columns at, int line, IReadOnlyList<string> fields)
    {
        var id = Cells.At(fields, at.Id)?.Trim();
        var row = new FileRow { Row = line, Withdraws = true, Input = new ObservationInput { Source = Source, ExternalId = id }, Locate = layout.Locator(fields) };
        if (id is null)
        {
            row.Rejections.Add(new Rejection(line, "event_id_cnty", "Required: the id of the ACLED event deleted, e.g. UKR123456.", null));
        }

        return row;
    }

    private static FileRow Row(CsvLayout layout, Columns at, int line, IReadOnlyList<string> fields)
    {
        if (layout.CheckWidth(line, fields) is { } width)
        {
            var bad = new FileRow { Row = line, Locate = layout.Locator(fields) };
            bad.Rejections.Add(width);
            return bad;
        }

        List<Rejection>? rejections = null;
        var notes = Cells.At(fields, at.Notes);
        var (from, to) = Window(Cells.At(fields, at.Date), Cells.At(fields, at.TimePrecision), line, ref rejections);
        var fatalities = Cells.Whole(Cells.At(fields, at.Fatalities), line, "fatalities", ref rejections);
        var input = new ObservationInput
        {
            Source = Source,
            ExternalId = Cells.At(fields, at.Id)?.Trim(),
            ObservedFrom = from,
            ObservedTo = to,
            Type = TypeOf(Cells.At(fields, at.SubEventType), notes, line, ref rejections),
            Count = 1,
            Lat = Cells.Number(Cells.At(fields, at.Latitude), line, "latitude", ref rejections),
            Lon = Cells.Number(Cells.At(fields, at.Longitude), line, "longitude", ref rejections),
            RadiusMetres = Radius(Cells.At(fields, at.GeoPrecision), line, ref rejections),
            ClaimedBy = ClaimedBy(Cells.At(fields, at.Actor1)),
            Casualties = fatalities is { } f ? new CasualtiesInput { Best = f, Low = f, High = f } : null,
            Description = notes,
            Target = notes is not null && notes.AsSpan().ContainsAny(EnergyWords) ? "energy-infrastructure" : null,
        };

        var row = new FileRow { Row = line, Input = input, Locate = layout.Locator(fields) };
        if (rejections is not null)
        {
            row.Rejections.AddRange(rejections);
        }

        return row;
    }

    /// <summary>The day ACLED gives, widened by its time precision: 1 that day, 2 the week around it (−3 … +3 days), 3 its month.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To) Window(string? date, string? precision, int line, ref List<Rejection>? rejections)
    {
        DateOnly day = default;
        var known = date is not null && DateOnly.TryParseExact(date.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        if (!known)
        {
            Cells.Reject(ref rejections, line, "event_date", date is null
                ? "Required: the day of the event, e.g. 2024-03-15 or 15 March 2024."
                : $"Expected a date such as 2024-03-15, 15 March 2024 or 15-March-2024; '{Cells.Shown(date)}' is not a date.", date);
        }

        var span = precision?.Trim() switch
        {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => 0,
        };
        if (span == 0)
        {
            Cells.Reject(ref rejections, line, "time_precision", $"Expected 1 (the day), 2 (the week around it) or 3 (its month); got '{Cells.Shown(precision)}'.", precision);
        }

        if (!known || span == 0)
        {
            return (null, null);
        }

        var (first, last) = span switch
        {
            1 => (day, day),
            2 => (day.AddDays(-3), day.AddDays(3)),
            _ => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
        };
        return (Cells.StartOf(first), Cells.EndOf(last));
    }

    /// <summary>Truce's event type for ACLED's sub-event type; shelling with missiles named is a missile attack, an air strike with drones named a drone strike.</summary>
    private static string? TypeOf(string? subEventType, string? notes, int line, ref List<Rejection>? rejections)
    {
        if (subEventType is null || !Types.TryGetValue(subEventType.Trim(), out var type))
        {
            Cells.Reject(ref rejections, line, "sub_event_type", subEventType is null
                ? "Required: ACLED's sub-event type, e.g. Shelling/artillery/missile attack."
                : $"'{Cells.Shown(subEventType)}' is not an event a ceasefire monitor records; expected one of {string.Join(", ", Types.Keys)}.", subEventType);
            return null;
        }

        var said = notes.AsSpan();
        type = type switch
        {
            EventType.Artillery when said.ContainsAny(MissileWords) => EventType.Missile,
            EventType.AirStrike when said.ContainsAny(DroneWords) => EventType.DroneStrike,
            _ => type,
        };
        return Kebab.Of(type);
    }

    /// <summary>ACLED's geo precision as a radius: 1 the named place (2 km), 2 near it or its district (15 km), 3 only its region (50 km).</summary>
    private static double? Radius(string? precision, int line, ref List<Rejection>? rejections)
    {
        switch (precision?.Trim())
        {
            case "1":
                return 2_000;
            case "2":
                return 15_000;
            case "3":
                return 50_000;
            default:
                Cells.Reject(ref rejections, line, "geo_precision", $"Expected 1 (the place named), 2 (near it or its district) or 3 (its region); got '{Cells.Shown(precision)}'.", precision);
                return null;
        }
    }

    /// <summary>The state a state's forces are: ACLED names them "Military Forces of Russia (2000-)"; every other actor is left unattributed.</summary>
    private static string? ClaimedBy(string? actor1) =>
        actor1 is null ? null
        : actor1.StartsWith("Military Forces of Russia", StringComparison.OrdinalIgnoreCase) ? "RUS"
        : actor1.StartsWith("Military Forces of Ukraine", StringComparison.OrdinalIgnoreCase) ? "UKR"
        : null;
}
