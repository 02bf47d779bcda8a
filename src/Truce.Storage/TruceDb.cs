using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage;

/// <summary>
/// The one database of Truce. The model avoids anything only SQLite understands: enums are stored as
/// their names, money as whole minor units, instants as UTC <see cref="DateTime"/>, so the same model maps
/// onto PostgreSQL when that provider arrives.
/// </summary>
public sealed class TruceDb(DbContextOptions<TruceDb> options) : DbContext(options)
{
    public DbSet<Actor> Actors => Set<Actor>();

    public DbSet<CoalitionMember> Members => Set<CoalitionMember>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeRevision> PledgeRevisions => Set<PledgeRevision>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Names, not numbers: a database read by people and by a second provider stays meaningful.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Actor>(a =>
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
        });

        modelBuilder.Entity<CoalitionMember>(m =>
        {
            m.HasKey(x => x.ActorCode);
            m.HasOne(x => x.Actor).WithOne().HasForeignKey<CoalitionMember>(x => x.ActorCode).OnDelete(DeleteBehavior.Restrict);
            Citations(m.OwnsMany(x => x.Sources), "MemberSources", "MemberCode");
        });

        modelBuilder.Entity<Meeting>(m =>
        {
            m.HasIndex(x => x.Key).IsUnique();
            m.Property(x => x.Key).HasMaxLength(100);
            m.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            Citations(m.OwnsMany(x => x.Sources), "MeetingSources", "MeetingId");
        });

        modelBuilder.Entity<MeetingParticipant>(p =>
        {
            p.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorCode).OnDelete(DeleteBehavior.Restrict);
            p.HasOne(x => x.RepresentedBy).WithMany().HasForeignKey(x => x.RepresentedByCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Pledge>(p =>
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
            Citations(p.OwnsMany(x => x.Sources), "PledgeSources", "PledgeId");
        });

        modelBuilder.Entity<PledgeRevision>(r =>
        {
            r.HasIndex(x => new { x.PledgeId, x.Version }).IsUnique();
            r.HasOne<Pledge>().WithMany().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<User>(u =>
        {
            u.HasIndex(x => x.UserName).IsUnique();
            u.Property(x => x.UserName).HasMaxLength(100);
            u.Property(x => x.MemberCode).HasMaxLength(64);
        });

        modelBuilder.Entity<ApiToken>(t =>
        {
            t.HasIndex(x => x.TokenHash).IsUnique();
            t.Property(x => x.TokenHash).HasMaxLength(64);
            t.Property(x => x.Name).HasMaxLength(100);
            t.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void Citations<TOwner>(OwnedNavigationBuilder<TOwner, Citation> c, string table, string ownerKey)
        where TOwner : class
    {
        c.ToTable(table);
        c.WithOwner().HasForeignKey(ownerKey);
        c.Property<int>("Id");
        c.HasKey("Id");
        c.Property(x => x.Url).HasMaxLength(2000);
    }
}
