using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Verification;

namespace Truce.Storage.Verification;

// How incidents are stored: the incident with its attribution and claim; its moves in a table of their own;
// its reports by source and external id, each in one incident at most (a unique index), so a revised report
// stays where it was.

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> i)
    {
        i.Property(x => x.Version).IsConcurrencyToken();
        i.HasIndex(x => new { x.State, x.ObservedFrom });
        i.Property(x => x.ObservedFrom).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        i.Property(x => x.ObservedTo).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        i.Property(x => x.AttributedTo).HasMaxLength(64);
        i.Property(x => x.ClaimedBy).HasMaxLength(200);
        i.Property(x => x.CreatedBy).HasMaxLength(200);
        i.Property(x => x.Oblast).HasMaxLength(16);
        i.Property(x => x.SectorCode).HasMaxLength(64);
        i.Property(x => x.HelpWanted).HasMaxLength(VerificationFlow.MaxReason);
        i.Property(x => x.MarkingReleasedBy).HasMaxLength(200);
        i.OwnsMany(x => x.History, h =>
        {
            h.ToTable("IncidentHistory");
            h.WithOwner().HasForeignKey("IncidentId");
            h.Property<long>("Id");
            h.HasKey("Id");
            h.Property(x => x.By).HasMaxLength(200);
            h.Property(x => x.Reason).HasMaxLength(VerificationFlow.MaxReason);
        });
        i.OwnsMany(x => x.Reports, r =>
        {
            r.ToTable("IncidentReports");
            r.WithOwner().HasForeignKey("IncidentId");
            r.Property<long>("Id");
            r.HasKey("Id");
            r.Property(x => x.Source).HasMaxLength(64);
            r.Property(x => x.ExternalId).HasMaxLength(200);
            r.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
        });
    }
}
