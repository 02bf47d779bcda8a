using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Candidates;
using Truce.Core.Sources;

namespace Truce.Storage.Candidates;

// How candidates are stored: a record of their own beside the document they point into (by id and span), marked
// like it; the queue is read by state, a document's by its id. The version is a concurrency token, so of two
// analysts deciding one candidate at once one is told. Conditions are a short JSON list, always read whole.

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> c)
    {
        c.ToTable("Candidates");
        c.HasIndex(x => new { x.State, x.Id });
        c.HasIndex(x => x.DocumentId);
        c.HasOne<SourceDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        c.Property(x => x.SpeakerName).HasMaxLength(200);
        c.Property(x => x.ActorCode).HasMaxLength(64);
        c.Property(x => x.MemberCode).HasMaxLength(64);
        c.Property(x => x.Category).HasMaxLength(64);
        c.Property(x => x.Unit).HasMaxLength(64);
        c.Property(x => x.Currency).HasMaxLength(3);
        c.Property(x => x.IssueCode).HasMaxLength(64);
        c.Property(x => x.PartyCode).HasMaxLength(64);
        c.Property(x => x.Reason).HasMaxLength(2000);
        c.Property(x => x.DecidedBy).HasMaxLength(200);
        c.Property(x => x.Note).HasMaxLength(CandidateRules.MaxNote);
        c.Property(x => x.Version).IsConcurrencyToken();
    }
}
