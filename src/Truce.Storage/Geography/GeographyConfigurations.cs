using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Geography;
using Truce.Storage.Security;

namespace Truce.Storage.Geography;

// How layer versions and their features are stored. The geometry column's type differs by store
// (SpatialColumns.cs); the bounding box columns are the same on both.

internal sealed class LayerVersionConfiguration : IEntityTypeConfiguration<LayerVersion>
{
    public void Configure(EntityTypeBuilder<LayerVersion> v)
    {
        Releasability.UniqueWithinMarking(v, nameof(LayerVersion.Key), nameof(LayerVersion.ValidFrom));
        v.Property(x => x.Key).HasMaxLength(100);
        v.Property(x => x.Title).HasMaxLength(300);
        v.Property(x => x.ImportedBy).HasMaxLength(200);
        v.HasMany<LayerFeature>().WithOne().HasForeignKey(x => x.LayerVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LayerFeatureConfiguration : IEntityTypeConfiguration<LayerFeature>
{
    public void Configure(EntityTypeBuilder<LayerFeature> f)
    {
        f.HasIndex(x => new { x.LayerVersionId, x.Index }).IsUnique();
        f.HasIndex(x => new { x.LayerVersionId, x.MinLon, x.MaxLon, x.MinLat, x.MaxLat });
        f.Property(x => x.Code).HasMaxLength(64);
        f.Property(x => x.Name).HasMaxLength(300);
        f.Property(x => x.LeftParty).HasMaxLength(64);
        f.Property(x => x.RightParty).HasMaxLength(64);
    }
}
