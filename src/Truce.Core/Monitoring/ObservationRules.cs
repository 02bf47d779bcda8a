using System.Globalization;
using System.Text.RegularExpressions;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Monitoring;

/// <summary>
/// Checks an <see cref="ObservationInput"/> and builds the observation, naming every field at fault and what
/// was expected: the same rules for the API, files (where a field is a column) and the monitor's form.
/// </summary>
public static partial class ObservationRules
{
    /// <summary>The longest window one observation may cover: 31 days (ACLED's coarsest precision is a month).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public const int MaxCount = 100_000;
    public const int MaxCasualties = 1_000_000;
    public const int MaxCalibreMm = 1_000;
    public const double MaxMetres = 100_000;
    public const int MaxOrigin = 500;

    /// <summary>The weapons an observation may name (kebab codes); <see cref="WeaponClasses"/> maps them to withdrawal classes.</summary>
    public static readonly IReadOnlyList<string> Weapons = ["artillery", "mortar", "tank", "mlrs", "heavy-mlrs", "tactical-missile", "small-arms", "drone", "missile", "aircraft"];

    public static Observation? Read(ObservationInput input, ValidationErrors errors)
    {
        var before = errors.Count;
        var (source, externalId) = Key(input, errors);

        if (input.ObservedFrom is not { } from)
        {
            errors.Add("observedFrom", "Required: when it was observed (an instant with its offset, e.g. 2025-03-20T10:12:00+02:00).");
            from = default;
        }
        else
        {
            DomainLimits.CheckDate(DateOnly.FromDateTime(from.UtcDateTime), errors, "observedFrom");
        }

        var to = input.ObservedTo ?? from;
        if (input.ObservedTo is not null && !errors.Has("observedFrom") && (to < from || to - from > MaxWindow))
        {
            errors.Add("observedTo", $"The window ends at or after it starts and lasts at most {MaxWindow.TotalDays} days.");
        }

        var type = EventType.Explosion;
        if (!Kebab.TryParse(input.Type, out type))
        {
            errors.Add("type", $"'{Shown(input.Type)}' is not an event type; expected one of {Kebab.Choices<EventType>()}.");
        }

        var count = input.Count ?? 1;
        if (count is < 1 or > MaxCount)
        {
            errors.Add("count", $"From 1 to {MaxCount.ToString("N0", CultureInfo.InvariantCulture)}; got {count.ToString(CultureInfo.InvariantCulture)}.");
        }

        var lat = Degrees(input.Lat, 90, errors, "lat");
        var lon = Degrees(input.Lon, 180, errors, "lon");
        var radius = input.RadiusMetres ?? 0;
        if (!double.IsFinite(radius) || radius < 0 || radius > MaxMetres)
        {
            errors.Add("radiusMetres", $"From 0 to {MaxMetres.ToString("N0", CultureInfo.InvariantCulture)} metres.");
        }

        BearingSector? sector = null;
        if (input.Sector is { } s)
        {
            var fromBearing = Bearing(s.FromBearing, errors, "sector.fromBearing");
            var toBearing = Bearing(s.ToBearing, errors, "sector.toBearing");
            var min = s.MinMetres ?? 0;
            var max = s.MaxMetres;
            if (max is not { } farthest || !double.IsFinite(farthest) || farthest <= 0 || farthest > MaxMetres || !double.IsFinite(min) || min < 0 || min >= farthest)
            {
                errors.Add("sector.maxMetres", $"The range interval: 0 ≤ minMetres < maxMetres ≤ {MaxMetres.ToString("N0", CultureInfo.InvariantCulture)}.");
            }
            else
            {
                sector = new BearingSector(fromBearing, toBearing, min, farthest);
            }
        }

        var weapon = Code(input.Weapon, errors, "weapon", required: false);
        if (weapon is not null && !Weapons.Contains(weapon))
        {
            errors.Add("weapon", $"'{Shown(weapon)}' is not a weapon Truce knows; expected one of {string.Join(", ", Weapons)}.");
        }

        if (input.CalibreMm is { } calibre && calibre is < 1 or > MaxCalibreMm)
        {
            errors.Add("calibreMm", $"From 1 to {MaxCalibreMm} mm; got {calibre.ToString(CultureInfo.InvariantCulture)}.");
        }

        var direction = FireDirection.Unknown;
        if (!string.IsNullOrWhiteSpace(input.Direction) && !Kebab.TryParse(input.Direction, out direction))
        {
            errors.Add("direction", $"'{Shown(input.Direction)}' is not a direction; expected one of {Kebab.Choices<FireDirection>()}.");
        }

        Casualties? casualties = null;
        if (input.Casualties is { } c)
        {
            var best = c.Best ?? 0;
            var (low, high) = (c.Low ?? best, c.High ?? best);
            if (low < 0 || high > MaxCasualties || low > best || best > high)
            {
                errors.Add("casualties", $"Expected 0 ≤ low ≤ best ≤ high ≤ {MaxCasualties.ToString("N0", CultureInfo.InvariantCulture)}; got low {low}, best {best}, high {high}.");
            }
            else
            {
                casualties = new Casualties(best, low, high);
            }
        }

        var attachments = new List<string>();
        if (TextRules.CheckList(input.Attachments, errors, "attachments"))
        {
            for (var i = 0; i < (input.Attachments?.Count ?? 0); i++)
            {
                var hash = input.Attachments![i]?.Trim().ToLowerInvariant();
                if (hash is null || !Sha256().IsMatch(hash))
                {
                    errors.Add($"attachments[{i}]", "Expected the attachment's SHA-256 as 64 hexadecimal digits.");
                }
                else
                {
                    attachments.Add(hash);
                }
            }
        }

        var grading = Grading.Ungraded;
        if (!string.IsNullOrWhiteSpace(input.Grading) && !Grading.TryParse(input.Grading.Trim(), out grading))
        {
            errors.Add("grading", $"'{Shown(input.Grading)}' is not an Admiralty grading; expected a letter A–F and a digit 1–6, e.g. B2.");
        }

        var marking = MarkingRules.Read(input.Marking, source ?? string.Empty, errors);
        var observation = new Observation
        {
            Source = source ?? string.Empty,
            ExternalId = externalId ?? string.Empty,
            ObservedFrom = from.ToUniversalTime(),
            ObservedTo = to.ToUniversalTime(),
            Type = type,
            Count = count,
            Lat = lat,
            Lon = lon,
            RadiusMetres = radius,
            Sector = sector,
            Weapon = weapon,
            CalibreMm = input.CalibreMm,
            Target = Code(input.Target, errors, "target", required: false),
            Direction = direction,
            ClaimedBy = TextRules.Read(input.ClaimedBy, TextRules.MaxCode, errors, "claimedBy"),
            Casualties = casualties,
            Attachments = attachments,
            Grading = grading,
            Description = TextRules.Read(input.Description, 4000, errors, "description", multiline: true),
            Origin = TextRules.Read(input.Origin, MaxOrigin, errors, "origin"),
            Marking = marking ?? Marking.Coalition(),
        };
        return errors.Count > before ? null : observation;
    }

    /// <summary>Only what identifies a report, for a row that withdraws one (a dataset's deleted row).</summary>
    public static Observation? ReadKey(ObservationInput input, ValidationErrors errors)
    {
        var before = errors.Count;
        var (source, externalId) = Key(input, errors);
        return errors.Count > before ? null : new Observation { Source = source!, ExternalId = externalId! };
    }

    private static (string? Source, string? ExternalId) Key(ObservationInput input, ValidationErrors errors)
    {
        var source = Code(input.Source, errors, "source", required: true);
        var externalId = TextRules.Read(input.ExternalId, 200, errors, "externalId");
        if (externalId is null && !errors.Has("externalId"))
        {
            errors.Add("externalId", "Required: the source's own id for the observation, which makes a re-send the same observation.");
        }

        return (source, externalId);
    }

    private static double Degrees(double? value, double limit, ValidationErrors errors, string field)
    {
        if (value is { } v && double.IsFinite(v) && Math.Abs(v) <= limit)
        {
            return v;
        }

        errors.Add(field, $"Required: degrees between -{limit} and {limit} (WGS 84).");
        return 0;
    }

    private static double Bearing(double? value, ValidationErrors errors, string field)
    {
        if (value is { } v && double.IsFinite(v) && v is >= 0 and <= 360)
        {
            return v;
        }

        errors.Add(field, "Required: a bearing in degrees from 0 to 360, clockwise from north.");
        return 0;
    }

    private static string? Code(string? text, ValidationErrors errors, string field, bool required)
    {
        var code = TextRules.Read(text, TextRules.MaxCode, errors, field)?.ToLowerInvariant();
        if (code is null)
        {
            if (required && !errors.Has(field))
            {
                errors.Add(field, "Required: a short code, e.g. osce-team-3 or acled.");
            }

            return null;
        }

        if (!TextRules.IsKey(code))
        {
            errors.Add(field, $"'{Shown(code)}' is not a code; expected lower-case letters, digits and hyphens.");
            return null;
        }

        return code;
    }

    private static string Shown(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";


    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
