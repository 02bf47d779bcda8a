using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Truce.Geography;

/// <summary>
/// Which of a set of overlapping zones hold a point, for millions of points. Zones of one baseline nest
/// (Minsk II's 25 km zone lies inside its 35 km one, inside its 70 km one), so the set learns once which zone
/// lies inside which, tests the larger first, and skips every zone inside one the point is outside of.
/// </summary>
public sealed class ZoneSet
{
    private readonly Zone[] _byArea;
    private readonly int _count;

    public ZoneSet(IReadOnlyList<Geometry> zones)
    {
        _count = zones.Count;
        _byArea = zones.Select((area, i) => new Zone(i, area.EnvelopeInternal, new IndexedPointInAreaLocator(area), area.Area))
            .OrderByDescending(z => z.Size).ThenBy(z => z.Index).ToArray();
        foreach (var zone in _byArea)
        {
            Extent.ExpandToInclude(zone.Envelope);
        }

        // Nesting is only known, and only used, for up to 64 zones; more are each tested.
        if (_count > 64)
        {
            return;
        }

        for (var i = 0; i < _byArea.Length; i++)
        {
            var inner = _byArea[i];
            var vertices = zones[inner.Index].Coordinates;
            for (var j = 0; j < i; j++)
            {
                var outer = _byArea[j];
                if (outer.Envelope.Covers(inner.Envelope) && Array.TrueForAll(vertices, v => outer.Locator.Locate(v) != Location.Exterior))
                {
                    inner.Containers |= 1UL << outer.Index;
                }
            }
        }
    }

    /// <summary>The envelope of every zone: a point outside it is in none.</summary>
    public Envelope Extent { get; } = new();

    /// <summary>The indexes (in the order the zones were given) of the zones that hold the point, inside or on the border.</summary>
    public IReadOnlyList<int> Locate(double lon, double lat)
    {
        if (_count == 0 || !Extent.Contains(lon, lat))
        {
            return [];
        }

        var point = new Coordinate(lon, lat);
        if (_count > 64)
        {
            return _byArea.Where(z => z.Envelope.Contains(point) && z.Locator.Locate(point) != Location.Exterior).Select(z => z.Index).Order().ToList();
        }

        // Up to 64 zones: where the point is, and is not, as bits; no list per point.
        var (inside, outside) = (0UL, 0UL);
        foreach (var zone in _byArea)
        {
            var bit = 1UL << zone.Index;
            if ((zone.Containers & outside) != 0 || !zone.Envelope.Contains(point) || zone.Locator.Locate(point) == Location.Exterior)
            {
                outside |= bit;
            }
            else
            {
                inside |= bit;
            }
        }

        if (inside == 0)
        {
            return [];
        }

        var found = new int[System.Numerics.BitOperations.PopCount(inside)];
        for (var (i, rest) = (0, inside); rest != 0; rest &= rest - 1)
        {
            found[i++] = System.Numerics.BitOperations.TrailingZeroCount(rest);
        }

        return found;
    }

    private sealed class Zone(int index, Envelope envelope, IPointOnGeometryLocator locator, double size)
    {
        public int Index { get; } = index;

        public Envelope Envelope { get; } = envelope;

        public IPointOnGeometryLocator Locator { get; } = locator;

        public double Size { get; } = size;

        /// <summary>The zones (as bits of their indexes) this one lies inside.</summary>
        public ulong Containers { get; set; }
    }
}
