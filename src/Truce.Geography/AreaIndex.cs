using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Truce.Geography;

/// <summary>
/// Which of a layer's areas (oblasts, raions, the control area) holds a point, for millions of points: the
/// areas' envelopes in an STR tree, and each area's own indexed point-in-area test, built once per layer
/// version. (<c>Geometry.Contains</c> per point would manage about a thousand a second.) A point on a border
/// shared by two areas belongs to the one added first, so the answer never depends on the order of a query.
/// </summary>
public sealed class AreaIndex<TKey>
{
    private readonly STRtree<Entry> _tree = new();
    private int _count;

    /// <summary>Adds an area (a polygon or multipolygon, in longitude/latitude). Adding after the first query is refused.</summary>
    public AreaIndex<TKey> Add(TKey key, Geometry area)
    {
        if (area is not (Polygon or MultiPolygon))
        {
            throw new ArgumentException($"An area is a polygon or a multipolygon; got a {area.GeometryType}.", nameof(area));
        }

        _tree.Insert(area.EnvelopeInternal, new Entry(key, new IndexedPointInAreaLocator(area), _count++));
        return this;
    }

    public int Count => _count;

    /// <summary>The area holding the point (inside or on its border), or default when none does.</summary>
    public TKey? Locate(double lon, double lat)
    {
        var visitor = new Finder(new Coordinate(lon, lat));
        _tree.Query(new Envelope(visitor.Point), visitor);
        return visitor.Found is null ? default : visitor.Found.Key;
    }

    private sealed record Entry(TKey Key, IPointOnGeometryLocator Locator, int Order);

    // Visits the areas whose envelopes hold the point, without a list per query.
    private sealed class Finder(Coordinate point) : NetTopologySuite.Index.IItemVisitor<Entry>
    {
        public Coordinate Point { get; } = point;

        public Entry? Found { get; private set; }

        public void VisitItem(Entry item)
        {
            if ((Found is null || item.Order < Found.Order) && item.Locator.Locate(Point) != Location.Exterior)
            {
                Found = item;
            }
        }
    }
}
