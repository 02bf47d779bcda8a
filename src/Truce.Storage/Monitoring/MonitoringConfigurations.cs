using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Monitoring;

namespace Truce.Storage.Monitoring;

// How observations are stored: one row per version of a report, the current one flagged; its bearing sector
// and casualties in columns of its own row; its findings as a table. Indexed for the map's query (time, then
// place) and for idempotency (source, external id).

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> o)
    {
        o.HasIndex(x => new { x.Source, x.ExternalId, x.Version }).IsUnique();
        // The map's query walks this index: its time window, box and worst verdict are all answered in it.
        o.HasIndex(x => new { x.IsCurrent, x.ObservedFrom, x.Lon, x.Lat, x.Worst });
        // Instants as UTC ticks on both stores, so the map's time window is an indexed range on either.
        o.Property(x => x.ObservedFrom).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        o.Property(x => x.ObservedTo).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        o.Property(x => x.Source).HasMaxLength(64);
        o.Property(x => x.ExternalId).HasMaxLength(200);
        o.Property(x => x.Weapon).HasMaxLength(64);
        o.Property(x => x.Target).HasMaxLength(64);
        o.Property(x => x.Origin).HasMaxLength(ObservationRules.MaxOrigin);
        o.Property(x => x.ClaimedBy).HasMaxLength(64);
        o.Property(x => x.ContentHash).HasMaxLength(64);
        o.Property(x => x.ReceivedBy).HasMaxLength(200);
        o.Property(x => x.Oblast).HasMaxLength(16);
        o.Property(x => x.Raion).HasMaxLength(32);
        o.Property(x => x.SectorCode).HasMaxLength(64);
        o.Property(x => x.Side).HasMaxLength(64);
        o.Property(x => x.Grading).HasConversion(g => g.ToString(), s => Parse(s)).HasMaxLength(2);
        o.Property(x => x.Attachments).HasConversion(
                v => string.Join('|', v),
                s => s.Split('|', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), v => v.Aggregate(0, (h, t) => HashCode.Combine(h, t.GetHashCode(StringComparison.Ordinal))), v => v.ToList()))
            .HasMaxLength(3300);
        o.OwnsOne(x => x.Sector, s =>
        {
            s.Property(x => x.FromBearing).HasColumnName("SectorFromBearing");
            s.Property(x => x.ToBearing).HasColumnName("SectorToBearing");
            s.Property(x => x.MinMetres).HasColumnName("SectorMinMetres");
            s.Property(x => x.MaxMetres).HasColumnName("SectorMaxMetres");
        });
        o.OwnsOne(x => x.Casualties, c =>
        {
            c.Property(x => x.Best).HasColumnName("CasualtiesBest");
            c.Property(x => x.Low).HasColumnName("CasualtiesLow");
            c.Property(x => x.High).HasColumnName("CasualtiesHigh");
        });
        o.OwnsMany(x => x.Findings, f =>
        {
            f.ToTable("ObservationFindings");
            f.WithOwner().HasForeignKey("ObservationId");
            f.Property<long>("Id");
            f.HasKey("Id");
            f.Property(x => x.Agreement).HasMaxLength(100);
            f.Property(x => x.Reason).HasMaxLength(2000);
        });
    }

    private static Grading Parse(string text) => Grading.TryParse(text, out var grading) ? grading : Grading.Ungraded;
}
