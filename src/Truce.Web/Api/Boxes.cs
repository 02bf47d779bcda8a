using System.Globalization;
using NetTopologySuite.Geometries;
using Truce.Core.Common;

namespace Truce.Web.Api;

/// <summary>The one reading of a <c>bbox</c> query parameter, for every endpoint that takes one.</summary>
public static class Boxes
{
    /// <summary>A box as west,south,east,north in degrees, or null when none is asked for.</summary>
    public static Envelope? Read(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            errors.Add("bbox", $"Expected west,south,east,north in degrees; got '{(text.Length <= 60 ? text : text[..60] + "…")}'.");
            return null;
        }

        var west = Instants.Degrees(parts[0], "bbox", 180, errors);
        var south = Instants.Degrees(parts[1], "bbox", 90, errors);
        var east = Instants.Degrees(parts[2], "bbox", 180, errors);
        var north = Instants.Degrees(parts[3], "bbox", 90, errors);
        if (errors.IsEmpty && (west > east || south > north))
        {
            errors.Add("bbox", string.Create(CultureInfo.InvariantCulture, $"West must not exceed east, nor south north; got {west},{south},{east},{north}."));
        }

        return errors.IsEmpty ? new Envelope(west, east, south, north) : null;
    }
}
