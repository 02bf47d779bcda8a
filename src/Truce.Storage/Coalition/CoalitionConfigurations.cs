using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Coalition;
using Truce.Storage.Common;

namespace Truce.Storage.Coalition;

// How the Coalition module's records are stored. Markings and their filters are added for every marked
// entity by Security/Releasability.cs.

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> a)
    {
        a.HasKey(x => x.Code);
        a.Property(x => x.Code).HasMaxLength(64);
        a.Property(x => x.Name).HasMaxLength(200);
        a.OwnsMany(x => x.Roles, r =>
        {
            r.ToTable("ActorRoles");
            r.WithOwner().HasForeignKey("ActorCode");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Title).HasMaxLength(200);
            r.Property(x => x.OfCode).HasMaxLength(64);
        });
    }
}

internal sealed class CoalitionMemberConfiguration : IEntityTypeConfiguration<CoalitionMember>
{
    public void Configure(EntityTypeBuilder<CoalitionMember> m)
    {
        m.HasKey(x => x.ActorCode);
        m.HasOne(x => x.Actor).WithOne().HasForeignKey<CoalitionMember>(x => x.ActorCode).OnDelete(DeleteBehavior.Restrict);
        Citations.Map(m.OwnsMany(x => x.Sources), "MemberSources", "MemberCode");
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> m)
    {
        m.HasIndex(x => x.Key).IsUnique();
        m.Property(x => x.Key).HasMaxLength(100);
        m.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        Citations.Map(m.OwnsMany(x => x.Sources), "MeetingSources", "MeetingId");
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> p)
    {
        p.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorCode).OnDelete(DeleteBehavior.Restrict);
        p.HasOne(x => x.RepresentedBy).WithMany().HasForeignKey(x => x.RepresentedByCode).OnDelete(DeleteBehavior.Restrict);
    }
}
