using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Sources;

namespace Truce.Storage.Sources;

// How documents are stored: the body exactly as taken in, unique by its SHA-256 (the same text twice is one
// document); the statements found in it as spans into the body, in a table of their own.

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> d)
    {
        d.ToTable("Documents");
        d.HasIndex(x => x.BodyHash).IsUnique();
        d.HasIndex(x => x.Date);
        d.Property(x => x.Title).HasMaxLength(DocumentRules.MaxTitle);
        d.Property(x => x.Outlet).HasMaxLength(DocumentRules.MaxOutlet);
        d.Property(x => x.Url).HasMaxLength(DocumentRules.MaxUrl);
        d.Property(x => x.BodyHash).HasMaxLength(64);
        d.Property(x => x.AddedBy).HasMaxLength(200);
        d.OwnsMany(x => x.Statements, s =>
        {
            s.ToTable("DocumentStatements");
            s.WithOwner().HasForeignKey("DocumentId");
            s.Property<long>("Id");
            s.HasKey("Id");
            s.Property(x => x.SpeakerName).HasMaxLength(200);
            s.Property(x => x.ActorCode).HasMaxLength(64);
            s.Property(x => x.OnBehalfOf).HasMaxLength(64);
            s.Property(x => x.Cue).HasMaxLength(100);
            s.HasIndex(x => x.ActorCode);
        });
    }
}
