using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Planning;
using Truce.Storage.Security;

namespace Truce.Storage.Planning;

// How the capability catalogue, sectors, missions with their lines and saved scenarios are stored.

internal sealed class CatalogueCapabilityConfiguration : IEntityTypeConfiguration<CatalogueCapability>
{
    public void Configure(EntityTypeBuilder<CatalogueCapability> c)
    {
        c.HasKey(x => x.Code);
        c.Property(x => x.Code).HasMaxLength(64);
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.Measure).HasMaxLength(40);
    }
}

internal sealed class MissionSectorConfiguration : IEntityTypeConfiguration<MissionSector>
{
    public void Configure(EntityTypeBuilder<MissionSector> s)
    {
        s.HasKey(x => x.Code);
        s.Property(x => x.Code).HasMaxLength(64);
        s.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class MissionConfiguration : IEntityTypeConfiguration<Mission>
{
    public void Configure(EntityTypeBuilder<Mission> m)
    {
        m.HasKey(x => x.Code);
        m.Property(x => x.Code).HasMaxLength(64);
        m.HasMany(x => x.Requirements).WithOne().HasForeignKey(x => x.MissionCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MissionRequirementConfiguration : IEntityTypeConfiguration<MissionRequirement>
{
    public void Configure(EntityTypeBuilder<MissionRequirement> r)
    {
        Releasability.UniqueWithinMarking(r, nameof(MissionRequirement.MissionCode), nameof(MissionRequirement.Code));
        r.Property(x => x.Code).HasMaxLength(64);
        r.Property(x => x.CapabilityCode).HasMaxLength(64);
        r.Property(x => x.SectorCode).HasMaxLength(64);
    }
}

internal sealed class SavedScenarioConfiguration : IEntityTypeConfiguration<SavedScenario>
{
    public void Configure(EntityTypeBuilder<SavedScenario> s)
    {
        Releasability.UniqueWithinMarking(s, nameof(SavedScenario.Name));
        s.Property(x => x.Name).HasMaxLength(200);
        s.Property(x => x.Version).IsConcurrencyToken();
    }
}
