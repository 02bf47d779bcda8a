using System.Globalization;
using Truce.Core.Monitoring;

namespace Truce.Web.Pages.Monitoring;

/// <summary>An observation's codes as a monitor says them: verdicts, the Admiralty grading, the place, the sector, the form's fields.</summary>
public static class ObservationWords
{
    /// <summary>The NATO Admiralty code's reliability of the source, A–F.</summary>
    public static readonly IReadOnlyList<(char Code, string Words)> Reliability =
    [
        ('A', "completely reliable"),
        ('B', "usually reliable"),
        ('C', "fairly reliable"),
        ('D', "not usually reliable"),
        ('E', "unreliable"),
        ('F', "reliability cannot be judged"),
    ];

    /// <summary>The NATO Admiralty code's credibility of the information, 1–6.</summary>
    public static readonly IReadOnlyList<(int Code, string Words)> Credibility =
    [
        (1, "confirmed by other sources"),
        (2, "probably true"),
        (3, "possibly true"),
        (4, "doubtful"),
        (5, "improbable"),
        (6, "truth cannot be judged"),
    ];

    /// <summary>Target classes the provisions name, offered to the form (any code may be typed).</summary>
    public static readonly IReadOnlyList<string> Targets = ["energy-infrastructure", "commercial-vessels", "civilian-housing", "military-position"];

    /// <summary>A worst verdict or a finding's verdict in words: violation, undetermined, not a violation, none.</summary>
    public static string Verdict(string kebab) => kebab switch
    {
        "violation" => "Violation",
        "undetermined" => "Undetermined",
        "not-a-violation" => "Not a violation",
        _ => "No finding",
    };

    /// <summary>"B2 — usually reliable, probably true".</summary>
    public static string Grading(string code) =>
        Core.Monitoring.Grading.TryParse(code, out var g)
            ? $"{g} — {Reliability.First(r => r.Code == g.Reliability).Words}, {Credibility.First(c => c.Code == g.Credibility).Words}"
            : code;

    /// <summary>Where it was placed: oblast, raion, side of the line and distance to it, or that it lies outside the layers.</summary>
    public static string Place(string? oblast, string? raion, string? side, double? lineDistanceKm)
    {
        var parts = new List<string>();
        if (oblast is not null)
        {
            parts.Add($"oblast {oblast}");
        }

        if (raion is not null)
        {
            parts.Add($"raion {raion}");
        }

        if (side is not null)
        {
            parts.Add($"{side} side");
        }

        if (lineDistanceKm is { } km)
        {
            parts.Add($"{km.ToString("0.#", CultureInfo.InvariantCulture)} km from the line of contact");
        }

        return parts.Count == 0 ? "Outside the oblasts and lines Truce holds for its time" : string.Join(", ", parts);
    }

    /// <summary>"bearings 250° to 320° from the observer, 1,000–7,000 m away".</summary>
    public static string Sector(BearingSector s) => string.Create(CultureInfo.InvariantCulture,
        $"bearings {s.FromBearing:0.#}° to {s.ToBearing:0.#}° clockwise from north, {s.MinMetres:N0}–{s.MaxMetres:N0} m from the observer");

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["source"] = "Source",
        ["externalId"] = "External id",
        ["observedFrom"] = "Observed from",
        ["observedTo"] = "Observed to",
        ["type"] = "Type",
        ["count"] = "Count",
        ["lat"] = "Latitude",
        ["lon"] = "Longitude",
        ["radiusMetres"] = "Radius",
        ["sector.fromBearing"] = "Sector: from bearing",
        ["sector.toBearing"] = "Sector: to bearing",
        ["sector.minMetres"] = "Sector: nearest",
        ["sector.maxMetres"] = "Sector: range",
        ["weapon"] = "Weapon",
        ["calibreMm"] = "Calibre",
        ["target"] = "Target",
        ["direction"] = "Direction",
        ["claimedBy"] = "Claimed by",
        ["casualties"] = "Casualties",
        ["grading"] = "Grading",
        ["description"] = "Description",
        ["marking.level"] = "Marking",
        ["marking.relTo"] = "Released to",
    };

    /// <summary>The form's label for a field the rules name.</summary>
    public static string Field(string field) => Fields.TryGetValue(field, out var label) ? label : Labels.Field(field);

    /// <summary>The id of the form's input for a field the rules name, to link an error to it.</summary>
    public static string InputId(string field) => field.Replace('.', '-');
}
