using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;

namespace Truce.Web.Pages.Monitoring;

/// <summary>
/// The monitor's form for one observation, as the browser sends it: every field as text, read here into an
/// <see cref="ObservationInput"/> so that a value the browser could not turn into a number or a time is named
/// in plain words under the field the API names (<c>lat</c>, <c>sector.fromBearing</c>).
/// </summary>
public sealed class ReportForm
{
    public string? Source { get; set; }

    public string? ExternalId { get; set; }

    /// <summary>A <c>datetime-local</c> value, read as UTC.</summary>
    public string? ObservedFrom { get; set; }

    public string? ObservedTo { get; set; }

    public string? Type { get; set; }

    public string? Count { get; set; }

    public string? Lat { get; set; }

    public string? Lon { get; set; }

    public string? RadiusMetres { get; set; }

    public string? FromBearing { get; set; }

    public string? ToBearing { get; set; }

    public string? MinMetres { get; set; }

    public string? MaxMetres { get; set; }

    public string? Weapon { get; set; }

    public string? CalibreMm { get; set; }

    public string? Target { get; set; }

    public string? Direction { get; set; }

    public string? ClaimedBy { get; set; }

    public string? CasualtiesBest { get; set; }

    public string? CasualtiesLow { get; set; }

    public string? CasualtiesHigh { get; set; }

    public string? Reliability { get; set; }

    public string? Credibility { get; set; }

    public string? Description { get; set; }

    public string? MarkingLevel { get; set; } = "coalition";

    public string? MarkingRelTo { get; set; }

    public ObservationInput ToInput(ValidationErrors errors)
    {
        var input = new ObservationInput
        {
            Source = Source,
            ExternalId = ExternalId,
            ObservedFrom = Time(ObservedFrom, "observedFrom", errors),
            ObservedTo = Time(ObservedTo, "observedTo", errors),
            Type = Type,
            Count = Whole(Count, "count", errors),
            Lat = Number(Lat, "lat", errors, "degrees north, e.g. 46.48"),
            Lon = Number(Lon, "lon", errors, "degrees east, e.g. 30.72"),
            RadiusMetres = Number(RadiusMetres, "radiusMetres", errors, "metres"),
            Weapon = Blank(Weapon),
            CalibreMm = Whole(CalibreMm, "calibreMm", errors),
            Target = Blank(Target),
            Direction = Blank(Direction),
            ClaimedBy = Blank(ClaimedBy),
            Description = Blank(Description),
            Marking = new MarkingInput
            {
                Level = Blank(MarkingLevel) ?? "coalition",
                RelTo = Blank(MarkingRelTo)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            },
        };

        if (new[] { FromBearing, ToBearing, MinMetres, MaxMetres }.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            input.Sector = new SectorInput
            {
                FromBearing = Number(FromBearing, "sector.fromBearing", errors, "degrees from 0 to 360"),
                ToBearing = Number(ToBearing, "sector.toBearing", errors, "degrees from 0 to 360"),
                MinMetres = Number(MinMetres, "sector.minMetres", errors, "metres"),
                MaxMetres = Number(MaxMetres, "sector.maxMetres", errors, "metres"),
            };
        }

        if (new[] { CasualtiesBest, CasualtiesLow, CasualtiesHigh }.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            input.Casualties = new CasualtiesInput
            {
                Best = Whole(CasualtiesBest, "casualties", errors),
                Low = Whole(CasualtiesLow, "casualties", errors),
                High = Whole(CasualtiesHigh, "casualties", errors),
            };
        }

        var (reliability, credibility) = (Blank(Reliability), Blank(Credibility));
        if (reliability is not null && credibility is not null)
        {
            input.Grading = reliability + credibility;
        }
        else if (reliability is not null || credibility is not null)
        {
            errors.Add("grading", "Choose both how reliable the source is and how credible the information, or neither.");
        }

        return input;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? Time(string? text, string field, ValidationErrors errors)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        }

        errors.Add(field, $"'{Shown(value)}' is not a date and time; expected one in UTC such as 2025-03-20 02:00.");
        return null;
    }

    private static double? Number(string? text, string field, ValidationErrors errors, string expected)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        errors.Add(field, $"'{Shown(value)}' is not a number; expected {expected}, with a dot for decimals.");
        return null;
    }

    private static int? Whole(string? text, string field, ValidationErrors errors)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (!errors.Has(field))
        {
            errors.Add(field, $"'{Shown(value)}' is not a whole number.");
        }

        return null;
    }

    private static string Shown(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
