using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Security;

namespace Truce.Storage;

/// <summary>
/// The one database of Truce. The model avoids anything only SQLite understands: enums are stored as
/// their names, money as whole minor units, instants as UTC <see cref="DateTime"/>, so the same model maps
/// onto PostgreSQL when that provider arrives.
/// </summary>
/// <remarks>
/// Two rules live here so that no capability can forget them: every marked record is filtered by the
/// releasability of the <see cref="CurrentPrincipal"/> at every query (counts and sums included), and
/// audit entries are numbered, hash-chained and never updated or deleted.
/// </remarks>
public sealed class TruceDb(DbContextOptions<TruceDb> options, CurrentPrincipal current) : DbContext(options)
{
    public DbSet<Actor> Actors => Set<Actor>();

    public DbSet<CoalitionMember> Members => Set<CoalitionMember>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeRevision> PledgeRevisions => Set<PledgeRevision>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CatalogueCapability> Capabilities => Set<CatalogueCapability>();

    public DbSet<MissionSector> Sectors => Set<MissionSector>();

    public DbSet<Mission> Missions => Set<Mission>();

    public DbSet<MissionRequirement> Requirements => Set<MissionRequirement>();

    public DbSet<SavedScenario> Scenarios => Set<SavedScenario>();

    // The parameters of the releasability filter, read from the current principal at each query.
    private bool SeesAll => current.Principal.SeesAll;

    private bool SignedIn => !current.Principal.IsAnonymous;

    private string? OwnMember => SignedIn && current.Principal.SeesOwnMemberMarkings ? current.Principal.MemberCode : null;

    private string OwnMemberToken => OwnMember is { } member ? Marking.Token(member) : "|";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Names, not numbers: a database read by people and by a second provider stays meaningful.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Actor>(a =>
        {
            Marked(a, x => x.Marking);
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
            Marked(m, x => x.Marking);
            m.HasKey(x => x.ActorCode);
            m.HasOne(x => x.Actor).WithOne().HasForeignKey<CoalitionMember>(x => x.ActorCode).OnDelete(DeleteBehavior.Restrict);
            Citations(m.OwnsMany(x => x.Sources), "MemberSources", "MemberCode");
        });

        modelBuilder.Entity<Meeting>(m =>
        {
            Marked(m, x => x.Marking);
            m.HasIndex(x => x.Key).IsUnique();
            m.Property(x => x.Key).HasMaxLength(100);
            m.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
            Citations(m.OwnsMany(x => x.Sources), "MeetingSources", "MeetingId");
        });

        modelBuilder.Entity<MeetingParticipant>(p =>
        {
            p.HasQueryFilter(x => Meetings.Any(m => m.Id == x.MeetingId));
            p.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorCode).OnDelete(DeleteBehavior.Restrict);
            p.HasOne(x => x.RepresentedBy).WithMany().HasForeignKey(x => x.RepresentedByCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Pledge>(p =>
        {
            Marked(p, x => x.Marking);
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
            // A pledge's history is as releasable as the pledge.
            r.HasQueryFilter(x => Pledges.Any(p => p.Id == x.PledgeId));
            r.HasIndex(x => new { x.PledgeId, x.Version }).IsUnique();
            r.HasOne<Pledge>().WithMany().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<User>(u =>
        {
            u.HasIndex(x => x.UserName).IsUnique();
            u.Property(x => x.UserName).HasMaxLength(100);
            u.Property(x => x.MemberCode).HasMaxLength(64);
        });

        modelBuilder.Entity<CatalogueCapability>(c =>
        {
            Marked(c, x => x.Marking);
            c.HasKey(x => x.Code);
            c.Property(x => x.Code).HasMaxLength(64);
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Measure).HasMaxLength(40);
        });

        modelBuilder.Entity<MissionSector>(s =>
        {
            Marked(s, x => x.Marking);
            s.HasKey(x => x.Code);
            s.Property(x => x.Code).HasMaxLength(64);
            s.Property(x => x.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Mission>(m =>
        {
            Marked(m, x => x.Marking);
            m.HasKey(x => x.Code);
            m.Property(x => x.Code).HasMaxLength(64);
            m.HasMany(x => x.Requirements).WithOne().HasForeignKey(x => x.MissionCode).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MissionRequirement>(r =>
        {
            Marked(r, x => x.Marking);
            r.HasIndex(x => new { x.MissionCode, x.Code }).IsUnique();
            r.Property(x => x.Code).HasMaxLength(64);
            r.Property(x => x.CapabilityCode).HasMaxLength(64);
            r.Property(x => x.SectorCode).HasMaxLength(64);
        });

        modelBuilder.Entity<SavedScenario>(s =>
        {
            Marked(s, x => x.Marking);
            s.HasIndex(x => x.Name).IsUnique();
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.Seq).IsUnique();
            e.HasIndex(x => x.Action);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(60);
            e.Property(x => x.Target).HasMaxLength(200);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.BeforeHash).HasMaxLength(64);
            e.Property(x => x.AfterHash).HasMaxLength(64);
            e.Ignore(x => x.PendingOrder);
        });

        modelBuilder.Entity<ApiToken>(t =>
        {
            t.Property(x => x.Scopes).HasMaxLength(200);
            t.HasIndex(x => x.TokenHash).IsUnique();
            t.Property(x => x.TokenHash).HasMaxLength(64);
            t.Property(x => x.Name).HasMaxLength(100);
            t.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>
    /// Maps a marking to three columns and filters the entity by it: admins see all; anyone sees PUBLIC;
    /// signed-in principals see COALITION; a principal of member M also sees REL TO lists naming M and
    /// NATIONAL records owned by M (viewers excepted). <see cref="Principal.MaySee"/> is the same rule in memory.
    /// </summary>
    private void Marked<T>(EntityTypeBuilder<T> entity, Expression<Func<T, Marking>> marking)
        where T : class
    {
        entity.ComplexProperty(Expression.Lambda<Func<T, Marking?>>(marking.Body, marking.Parameters), m =>
        {
            m.Property(x => x.Level).HasColumnName("MarkingLevel");
            m.Property(x => x.RelToList).HasColumnName("MarkingRelTo").HasMaxLength(400);
            m.Property(x => x.Owner).HasColumnName("MarkingOwner").HasMaxLength(64);
        });

        Expression<Func<Marking, bool>> rule = m =>
            SeesAll
            || m.Level == MarkingLevel.Public
            || (SignedIn && m.Level == MarkingLevel.Coalition)
            || (OwnMember != null
                && ((m.Level == MarkingLevel.RelTo && m.RelToList.Contains(OwnMemberToken))
                    || (m.Level == MarkingLevel.National && m.Owner == OwnMember)));

        // Put the entity's marking where the rule has its parameter: x => rule(x.Marking).
        var body = new Substitute(rule.Parameters[0], marking.Body).Visit(rule.Body);
        entity.HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, marking.Parameters[0]));
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException("Audit entries are chained by SaveChangesAsync only.")
            : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Saves, numbering and chaining any new audit entries from the current head of the trail. The head is
    /// read inside the write transaction (on SQLite, BEGIN IMMEDIATE takes the write lock first), so two
    /// writers cannot both append entry N; the unique index on Seq catches any that would.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        var pending = ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.PendingOrder).ToList();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await ChainAsync(pending, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await ChainAsync(pending, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private async Task ChainAsync(List<AuditEntry> pending, CancellationToken ct)
    {
        var head = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
        var seq = head?.Seq ?? 0;
        var previous = head?.Hash ?? AuditEntry.Genesis;
        foreach (var entry in pending)
        {
            entry.Seq = ++seq;
            entry.PreviousHash = previous;
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
        }
    }

    // History and audit are append-only in code as well as in intent.
    private void GuardAppendOnly()
    {
        var tampered = ChangeTracker.Entries()
            .Where(e => e.Entity is AuditEntry or PledgeRevision && e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.GetType().Name)
            .FirstOrDefault();
        if (tampered is not null)
        {
            throw new InvalidOperationException($"{tampered} rows are append-only: they are never changed or deleted.");
        }
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
