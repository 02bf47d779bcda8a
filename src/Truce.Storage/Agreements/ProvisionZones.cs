using System.Globalization;
using NetTopologySuite.Geometries;
using Truce.Core.Agreements;
using Truce.Core.Geography;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Geography;

namespace Truce.Storage.Agreements;

/// <summary>One zone a provision draws: for whom, which weapons, how far from which line, and the area.</summary>
/// <param name="Name">Stable and unique among zones: <c>minsk-ii/2/UKR/artillery-100mm-plus</c>; a column of batch placement.</param>
/// <param name="Side">Which side of the baseline the zone lies on (the party's own, by the line's <c>left</c>/<c>right</c> properties), or both when the line does not say.</param>
public sealed record Zone(
    string Name,
    string Agreement,
    int Provision,
    string? Actor,
    string? WeaponClass,
    double? DistanceKm,
    string? Layer,
    int? LayerVersionId,
    string Side,
    Geometry Area);

/// <summary>A zone as drawn once per layer version, distance and party: its area and the side of the line it lies on.</summary>
public sealed record DrawnZone(Geometry Area, string Side);

/// <summary>
/// The zones a provision draws on the ground. A weapon withdrawal draws, for each party and weapon class, the
/// band of its distance on the party's own side of the party's baseline — the line as it stood on the
/// baseline's date, in metres (Zones) — and a disengagement area is its polygon. Zones are cached per layer
/// version and distance, so a map or a million placements compute each once.
/// </summary>
public sealed class ProvisionZones(GeoLayers layers, GeometryCache<DrawnZone> cache)
{
    /// <summary>The zones of one provision, as the reader may see its baselines; a baseline with no version the reader may see draws nothing.</summary>
    public async Task<IReadOnlyList<Zone>> OfAsync(Principal reader, Agreement agreement, Provision provision, CancellationToken ct = default)
    {
        var zones = new List<Zone>();
        var prefix = $"{agreement.Key}/{provision.Number.ToString(CultureInfo.InvariantCulture)}";
        if (provision.Kind == ProvisionKind.DisengagementArea && provision.Area is { } area)
        {
            zones.Add(new Zone(prefix, agreement.Key, provision.Number, null, null, null, null, null, "both", area));
            return zones;
        }

        if (provision.Kind != ProvisionKind.WeaponWithdrawal)
        {
            return zones;
        }

        foreach (var baseline in provision.Baselines)
        {
            var version = (await layers.InForceAsync(reader, baseline.AsOf, ct)).FirstOrDefault(v => v.Key == baseline.LayerKey);
            if (version is null || !LayerVersion.IsLine(version.Kind))
            {
                continue;
            }

            foreach (var rule in provision.Withdrawals.Where(r => r.ActorCode is null || r.ActorCode == baseline.ActorCode))
            {
                // The line's features are read only when this version's zone for this party and distance is first drawn.
                var key = string.Create(CultureInfo.InvariantCulture, $"{version.Id}/{rule.DistanceKm:R}/{baseline.ActorCode}");
                var drawn = await cache.GetAsync(key, async () => Draw(await layers.FeaturesAsync(reader, version.Id, ct: ct), rule.DistanceKm * 1000, baseline.ActorCode));
                zones.Add(new Zone(
                    $"{prefix}/{baseline.ActorCode}/{rule.WeaponClass}",
                    agreement.Key,
                    provision.Number,
                    baseline.ActorCode,
                    rule.WeaponClass,
                    rule.DistanceKm,
                    baseline.LayerKey,
                    version.Id,
                    drawn.Side,
                    drawn.Area));
            }
        }

        return zones;
    }

    /// <summary>The zone on <paramref name="party"/>'s side of the line, by the features' <c>left</c>/<c>right</c>; both sides when they do not name it.</summary>
    private static DrawnZone Draw(IReadOnlyList<LayerFeature> features, double metres, string party)
    {
        var side = features.All(f => f.LeftParty == party) ? LineSide.Left
            : features.All(f => f.RightParty == party) ? LineSide.Right
            : (LineSide?)null;
        var parts = features.SelectMany(f => Placer.Parts(f.Geometry)).Where(p => p.Count >= 2).ToList();
        var drawn = parts.Select(p => side is { } s ? Zones.OneSide(p, metres, s) : Zones.Around(p, metres)).ToList();
        var zone = drawn.Count == 1 ? drawn[0] : new GeometryFactory(new PrecisionModel(), 4326).BuildGeometry(drawn).Union();
        zone.SRID = 4326;
        return new DrawnZone(zone, side is null ? "both" : side == LineSide.Left ? "left" : "right");
    }
}
