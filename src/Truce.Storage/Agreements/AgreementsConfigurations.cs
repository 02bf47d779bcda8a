using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Agreements;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Agreements;

// How agreements and their provisions are stored: the agreement's parties, roles, links, history and sources
// as tables of their own (filterable on any store); provisions as records with their own marking. A
// disengagement area's geometry is mapped per store by Geography/SpatialColumns.cs.

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> a)
    {
        Releasability.UniqueWithinMarking(a, nameof(Agreement.Key));
        a.Property(x => x.Key).HasMaxLength(100);
        a.Property(x => x.Title).HasMaxLength(AgreementRules.MaxTitle);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.ExpiresAt);
        a.Ignore(x => x.ExtensionDays);
        a.HasMany(x => x.Provisions).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        a.OwnsMany(x => x.Parties, p =>
        {
            p.ToTable("AgreementParties");
            p.WithOwner().HasForeignKey("AgreementId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.Property(x => x.ActorCode).HasMaxLength(64);
            p.Ignore(x => x.Binds);
        });
        a.OwnsMany(x => x.Roles, r =>
        {
            r.ToTable("AgreementRoles");
            r.WithOwner().HasForeignKey("AgreementId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.ActorCode).HasMaxLength(64);
        });
        a.OwnsMany(x => x.Links, l =>
        {
            l.ToTable("AgreementLinks");
            l.WithOwner().HasForeignKey("AgreementId");
            l.Property<int>("Id");
            l.HasKey("Id");
            l.Property(x => x.OtherKey).HasMaxLength(100);
        });
        a.OwnsMany(x => x.History, h =>
        {
            h.ToTable("AgreementHistory");
            h.WithOwner().HasForeignKey("AgreementId");
            h.Property<int>("Id");
            h.HasKey("Id");
            h.Property(x => x.By).HasMaxLength(200);
        });
        Citations.Map(a.OwnsMany(x => x.Sources), "AgreementSources", "AgreementId");
    }
}

internal sealed class ProvisionConfiguration : IEntityTypeConfiguration<Provision>
{
    public void Configure(EntityTypeBuilder<Provision> p)
    {
        p.HasIndex(x => new { x.AgreementId, x.Number }).IsUnique();

        // Short lists of words, kept in one column each: "land|sea", "energy-infrastructure".
        p.Property(x => x.Domains).HasConversion(
                v => string.Join('|', v.Select(d => d.ToString())),
                s => s.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Domain>).ToList(),
                new ValueComparer<List<Domain>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToList()))
            .HasMaxLength(100);
        p.Property(x => x.TargetClasses).HasConversion(
                v => string.Join('|', v),
                s => s.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, t) => HashCode.Combine(h, t.GetHashCode(StringComparison.Ordinal))), v => v.ToList()))
            .HasMaxLength(2000);
        p.OwnsMany(x => x.Withdrawals, w =>
        {
            w.ToTable("ProvisionWithdrawals");
            w.WithOwner().HasForeignKey("ProvisionId");
            w.Property<int>("Id");
            w.HasKey("Id");
            w.Property(x => x.WeaponClass).HasMaxLength(64);
            w.Property(x => x.ActorCode).HasMaxLength(64);
        });
        p.OwnsMany(x => x.Baselines, b =>
        {
            b.ToTable("ProvisionBaselines");
            b.WithOwner().HasForeignKey("ProvisionId");
            b.Property<int>("Id");
            b.HasKey("Id");
            b.Property(x => x.ActorCode).HasMaxLength(64);
            b.Property(x => x.LayerKey).HasMaxLength(100);
        });
    }
}
