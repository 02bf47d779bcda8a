using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Storage.Common;

namespace Truce.Storage.Commitments;

// How the commitments ledger is stored: the current row of each pledge and its append-only revisions.

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> p)
    {
        p.HasIndex(x => x.Key).IsUnique();
        p.HasIndex(x => x.MemberCode);
        p.HasIndex(x => x.Category);
        p.HasIndex(x => x.Stage);
        p.Property(x => x.Key).HasMaxLength(100);
        p.Property(x => x.MemberCode).HasMaxLength(64);
        p.Property(x => x.Title).HasMaxLength(PledgeRules.MaxTitle);
        p.Property(x => x.Currency).HasMaxLength(3);
        p.Property(x => x.UpdatedBy).HasMaxLength(200);

        // The version is the optimistic-concurrency token: two writers who read version 3 cannot both
        // write version 4, even if the API's If-Match check raced.
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasOne<CoalitionMember>().WithMany().HasForeignKey(x => x.MemberCode).OnDelete(DeleteBehavior.Restrict);
        p.OwnsMany(x => x.Conditions, c =>
        {
            c.ToTable("PledgeConditions");
            c.WithOwner().HasForeignKey("PledgeId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.HasIndex(x => x.Kind);
        });
        Citations.Map(p.OwnsMany(x => x.Sources), "PledgeSources", "PledgeId");
    }
}

internal sealed class PledgeRevisionConfiguration : IEntityTypeConfiguration<PledgeRevision>
{
    public void Configure(EntityTypeBuilder<PledgeRevision> r)
    {
        r.HasIndex(x => new { x.PledgeId, x.Version }).IsUnique();
        r.HasOne<Pledge>().WithMany().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredPledgeViewConfiguration : IEntityTypeConfiguration<StoredPledgeView>
{
    public void Configure(EntityTypeBuilder<StoredPledgeView> v)
    {
        v.ToTable("PledgeViews");
        v.HasKey(x => x.PledgeId);
        v.Property(x => x.PledgeId).ValueGeneratedNever();
        v.HasOne<Pledge>().WithOne().HasForeignKey<StoredPledgeView>(x => x.PledgeId).OnDelete(DeleteBehavior.Cascade);
    }
}
