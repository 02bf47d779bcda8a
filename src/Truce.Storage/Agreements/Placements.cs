using System.Globalization;
using NetTopologySuite.Geometries;
using Truce.Core.Geography;
using Truce.Core.Security;
using Truce.Geography;
using Truce.Storage.Geography;

namespace Truce.Storage.Agreements;

/// <summary>The layers and zones a placement at a time used, so an answer can say what it rests on.</summary>
public sealed record PlacementBasis(DateTimeOffset At, IReadOnlyList<LayerVersion> Layers, IReadOnlyList<Zone> Zones);

/// <summary>
/// Where points are at a time: each layer's version valid on that date, the zones of the provisions in force
/// at that instant, indexed once per set of versions (<see cref="GeometryCache{T}"/>) and then placed in
/// memory — at hundreds of thousands of points a second, which no round trip to a database matches
/// (decision 23). The set is what the reader may see, so two readers share a placer only when they see the same.
/// </summary>
public sealed class Placements(GeoLayers layers, AgreementBook agreements, ProvisionZones zones, GeometryCache<Placer> cache)
{
    public async Task<(Placer Placer, PlacementBasis Basis)> AtAsync(Principal reader, DateTimeOffset at, CancellationToken ct = default)
    {
        at = at.ToUniversalTime();
        var inForce = await layers.InForceAsync(reader, DateOnly.FromDateTime(at.UtcDateTime), ct);
        var drawn = new List<Zone>();
        foreach (var agreement in await agreements.InForceAsync(reader, at, ct))
        {
            foreach (var provision in agreement.Provisions.OrderBy(p => p.Number))
            {
                drawn.AddRange(await zones.OfAsync(reader, agreement, provision, ct));
            }
        }

        var used = new[] { LayerKind.Oblasts, LayerKind.Raions, LayerKind.ControlArea, LayerKind.LineOfContact, LayerKind.Sectors }
            .Select(kind => inForce.FirstOrDefault(v => v.Kind == kind)).OfType<LayerVersion>().ToList();
        var key = string.Join(',', used.Select(v => v.Id.ToString(CultureInfo.InvariantCulture)))
            + "|" + string.Join(',', drawn.Select(z => $"{z.Name}@{z.LayerVersionId}"));
        var placer = await cache.GetAsync(key, () => BuildAsync(reader, used, drawn, ct));
        return (placer, new PlacementBasis(at, used, drawn));
    }

    private async Task<Placer> BuildAsync(Principal reader, IReadOnlyList<LayerVersion> used, IReadOnlyList<Zone> drawn, CancellationToken ct)
    {
        async Task<IReadOnlyList<LayerFeature>> Of(LayerKind kind) =>
            used.FirstOrDefault(v => v.Kind == kind) is { } version ? await layers.FeaturesAsync(reader, version.Id, ct: ct) : [];

        var oblasts = await Of(LayerKind.Oblasts);
        var raions = await Of(LayerKind.Raions);
        var control = used.Any(v => v.Kind == LayerKind.ControlArea) ? await Of(LayerKind.ControlArea) : null;
        var line = await Of(LayerKind.LineOfContact);
        var sectors = await Of(LayerKind.Sectors);
        return new Placer(
            oblasts.Where(f => f.Code is not null).Select(f => (f.Code!, f.Geometry)),
            raions.Where(f => f.Code is not null).Select(f => (f.Code!, f.Geometry)),
            control?.Select(f => f.Geometry),
            line.Select(f => f.Geometry),
            drawn.Select(z => (z.Name, z.Area)),
            sectors.Select(f => (f.Code ?? f.Name ?? f.Index.ToString(CultureInfo.InvariantCulture), f.Geometry)));
    }
}
