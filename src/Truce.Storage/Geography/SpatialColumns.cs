using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Truce.Core.Geography;

namespace Truce.Storage.Geography;

/// <summary>
/// Geometry as each store keeps it. PostgreSQL: PostGIS <c>geometry</c> columns in SRID 4326, the layer
/// features' with a GiST index, so spatial filters can run in the database. SQLite: well-known binary
/// (no SpatiaLite, which this machine's SQLite cannot load; see decision 24), found through the indexed
/// bounding box columns and tested exactly in memory with NetTopologySuite.
/// </summary>
internal static class SpatialColumns
{
    /// <summary>Before the model is built: on SQLite, geometry is a value (WKB), not an entity to navigate to.</summary>
    public static void Conventions(ModelConfigurationBuilder conventions, bool postgres)
    {
        if (!postgres)
        {
            conventions.Properties<Geometry>().HaveConversion<WkbConverter>();
        }
    }

    public static void Apply(ModelBuilder model, bool postgres)
    {
        if (!postgres)
        {
            return;
        }

        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => typeof(Geometry).IsAssignableFrom(p.ClrType)).ToList())
        {
            property.SetColumnType("geometry(Geometry,4326)");
        }

        model.Entity<LayerFeature>().HasIndex(x => x.Geometry).HasMethod("gist");
    }

    internal sealed class WkbConverter() : ValueConverter<Geometry, byte[]>(g => Write(g), b => Read(b))
    {
        private static byte[] Write(Geometry geometry) => new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false).Write(geometry);

        private static Geometry Read(byte[] wkb)
        {
            var geometry = new WKBReader().Read(wkb);
            geometry.SRID = 4326;
            return geometry;
        }
    }
}
