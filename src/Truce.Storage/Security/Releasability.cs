using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// The releasability rule as a query filter, put on every entity of the model by one loop: a record that
/// carries a <see cref="Marking"/> (<see cref="IMarked"/>) is filtered by it; a record that belongs to one
/// (a meeting's participants, a pledge's revisions and stored view) is as releasable as its owner. Everything else must be
/// named in <see cref="Unmarked"/>; <c>ReleasabilityModelTests</c> fails on any entity that is neither.
/// </summary>
/// <remarks>
/// The rule, for the principal a read is made for: admins see all; anyone sees PUBLIC; signed-in
/// principals see COALITION; a principal of member M also sees REL TO lists naming M and NATIONAL records
/// owned by M (viewers excepted). <see cref="Principal.MaySee"/> is the same rule in memory.
/// </remarks>
public static class Releasability
{
    /// <summary>The name of the filter, the only one <see cref="TruceDb.ExistsUnfilteredAsync"/> may step past.</summary>
    public const string FilterName = "Releasability";

    /// <summary>
    /// Records no person reads through a marked view: accounts, tokens and the audit trail, for admins only
    /// (enforced by the services); the sign-in throttle's counts and the cookie keys, read by the server alone.
    /// </summary>
    public static readonly IReadOnlySet<Type> Unmarked = new HashSet<Type>
    {
        typeof(User), typeof(ApiToken), typeof(AuditEntry), typeof(AddressThrottle), typeof(CookieKey),
    };

    internal static void Apply(ModelBuilder model, TruceDb db)
    {
        foreach (var entity in model.Model.GetEntityTypes().Where(e => !e.IsOwned() && typeof(IMarked).IsAssignableFrom(e.ClrType)).ToList())
        {
            var builder = model.Entity(entity.ClrType);
            builder.ComplexProperty(typeof(Marking), nameof(IMarked.Marking), m =>
            {
                m.IsRequired();
                m.Property(nameof(Marking.Level)).HasColumnName("MarkingLevel");
                m.Property(nameof(Marking.RelToList)).HasColumnName("MarkingRelTo").HasMaxLength(400);
                m.Property(nameof(Marking.Owner)).HasColumnName("MarkingOwner").HasMaxLength(64);
            });

            // x => Rule(x.Marking): the rule's parameter replaced by the entity's own marking property.
            var x = Expression.Parameter(entity.ClrType, "x");
            var rule = Rule(db);
            var body = new Substitute(rule.Parameters[0], Expression.Property(x, nameof(IMarked.Marking))).Visit(rule.Body);
            builder.HasQueryFilter(FilterName, Expression.Lambda(body, x));
        }

        // Records without a marking of their own are as releasable as the record they belong to.
        model.Entity<MeetingParticipant>().HasQueryFilter(FilterName, p => db.Meetings.Any(m => m.Id == p.MeetingId));
        model.Entity<PledgeRevision>().HasQueryFilter(FilterName, r => db.Pledges.Any(p => p.Id == r.PledgeId));
        model.Entity<StoredPledgeView>().HasQueryFilter(FilterName, v => db.Pledges.Any(p => p.Id == v.PledgeId));
    }

    /// <summary>The column that scopes a unique name by the record's marking (<see cref="UniqueWithinMarking"/>).</summary>
    public const string ScopeColumn = "MarkingScope";

    /// <summary>
    /// Makes <paramref name="keys"/> unique among records of the same marking only, so that a writer is never
    /// told a name is taken by a record they may not read. Two records may then share a name under different
    /// markings; a writer always marks a record so that they can read it themselves (<see cref="MarkingChecks"/>),
    /// so a name taken under the writer's own marking is one the writer can see, and the refusal reveals
    /// nothing. Services check the names a writer can see; the index settles races.
    /// </summary>
    internal static void UniqueWithinMarking<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> builder, params string[] keys)
        where T : class, IMarked
    {
        builder.Property<string>(ScopeColumn).HasMaxLength(500).IsRequired();
        builder.HasIndex([.. keys, ScopeColumn]).IsUnique();
    }

    /// <summary>Fills the scope of every record added with a scoped unique name; its marking does not change afterwards.</summary>
    internal static void StampScopes(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<IMarked>().Where(e => e.State == EntityState.Added && e.Metadata.FindProperty(ScopeColumn) is not null))
        {
            entry.Property(ScopeColumn).CurrentValue = entry.Entity.Marking.ToString();
        }
    }

    /// <summary>Whether the model filters <paramref name="entity"/> by releasability.</summary>
    public static bool IsFiltered(IReadOnlyEntityType entity) => entity.FindDeclaredQueryFilter(FilterName) is not null;

    // The parameters are plain properties of the context, read from the current one at each query.
    private static Expression<Func<Marking, bool>> Rule(TruceDb db) => m =>
        db.ReaderSeesAll
        || m.Level == MarkingLevel.Public
        || (db.ReaderSignedIn && m.Level == MarkingLevel.Coalition)
        || (db.ReaderMember != null
            && ((m.Level == MarkingLevel.RelTo && m.RelToList.Contains(db.ReaderMemberToken))
                || (m.Level == MarkingLevel.National && m.Owner == db.ReaderMember)));

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
