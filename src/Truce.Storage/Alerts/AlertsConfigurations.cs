using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Truce.Core.Alerts;

namespace Truce.Storage.Alerts;

// How rules and alerts are stored: a rule with its version as a concurrency token; an alert with its instants
// as UTC ticks (so both stores order and compare them in queries), the observations that triggered it in a
// table of their own, and two unique indexes that settle a race between nodes the lock did not (one alert per
// rule, sector and episode start; one per rule and verified incident).

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> r)
    {
        r.Property(x => x.Version).IsConcurrencyToken();
        r.Property(x => x.Name).HasMaxLength(AlertRuleRules.MaxName);
        r.Property(x => x.SectorCode).HasMaxLength(64);
        r.Property(x => x.AgreementKey).HasMaxLength(100);
        r.Property(x => x.CreatedBy).HasMaxLength(200);
        r.Property(x => x.UpdatedBy).HasMaxLength(200);
        r.Property(x => x.CreatedAt).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        r.Property(x => x.UpdatedAt).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        r.HasIndex(x => new { x.Kind, x.IsEnabled });
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    // Applied to the values of the nullable instants; a null stays NULL.
    private static readonly ValueConverter<DateTimeOffset, long> Ticks = new(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));

    public void Configure(EntityTypeBuilder<Alert> a)
    {
        a.Property(x => x.RuleName).HasMaxLength(AlertRuleRules.MaxName);
        a.Property(x => x.SectorCode).HasMaxLength(64);
        a.Property(x => x.Why).HasMaxLength(2000);
        a.Property(x => x.RaisedAt).HasConversion(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
        a.Property(x => x.EpisodeStart).HasConversion(Ticks);
        a.Property(x => x.EpisodeEnd).HasConversion(Ticks);
        a.HasOne<AlertRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => x.RaisedAt);
        a.HasIndex(x => new { x.RuleId, x.SectorCode, x.EpisodeStart }).IsUnique();
        a.HasIndex(x => new { x.RuleId, x.IncidentId }).IsUnique();
        a.OwnsMany(x => x.Observations, o =>
        {
            o.ToTable("AlertObservations");
            o.WithOwner().HasForeignKey("AlertId");
            o.Property<long>("Id");
            o.HasKey("Id");
        });
    }
}
