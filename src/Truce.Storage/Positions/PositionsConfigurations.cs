using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Positions;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Positions;

// How negotiation issues and positions are stored: an issue by its key, its options as a table of their own in
// the order people read them; a position as a record of its own (never overwritten: a party's new position is a
// new record from its date), its sources as a table like every record's. The short code lists (parties,
// acceptable set, red line, illustrative fields) are JSON columns: always read whole, never filtered on.

internal sealed class NegotiationIssueConfiguration : IEntityTypeConfiguration<NegotiationIssue>
{
    public void Configure(EntityTypeBuilder<NegotiationIssue> i)
    {
        i.ToTable("NegotiationIssues");
        i.HasKey(x => x.Code);
        i.Property(x => x.Code).HasMaxLength(64);
        i.Property(x => x.Title).HasMaxLength(IssueRules.MaxTitle);
        i.Property(x => x.Unit).HasMaxLength(64);
        i.OwnsMany(x => x.Options, o =>
        {
            o.ToTable("IssueOptions");
            o.WithOwner().HasForeignKey("IssueCode");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(x => x.Code).HasMaxLength(64);
            o.Property(x => x.Words).HasMaxLength(IssueRules.MaxWords);
        });
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> p)
    {
        p.ToTable("Positions");

        // One position of a party on an issue a day (the latest must be one), among the records of one marking.
        Releasability.UniqueWithinMarking(p, nameof(Position.PartyCode), nameof(Position.IssueCode), nameof(Position.AsOf));
        p.Property(x => x.PartyCode).HasMaxLength(64);
        p.Property(x => x.IssueCode).HasMaxLength(64);
        p.Property(x => x.Stance).HasMaxLength(PositionRules.MaxStance);
        p.Property(x => x.Preferred).HasMaxLength(64);
        p.Property(x => x.RecordedBy).HasMaxLength(200);
        p.HasOne<NegotiationIssue>().WithMany().HasForeignKey(x => x.IssueCode).OnDelete(DeleteBehavior.Restrict);
        p.Ignore(x => x.HasRedLine);
        Citations.Map(p.OwnsMany(x => x.Sources), "PositionSources", "PositionId");
    }
}
