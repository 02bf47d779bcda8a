using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Truce.Core.Agreements;
using Truce.Core.Alerts;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Geography;
using Truce.Core.Monitoring;
using Truce.Core.Verification;
using Truce.Core.Planning;
using Truce.Core.Security;
using Truce.Storage.Geography;
using Truce.Storage.Security;

namespace Truce.Storage;

/// <summary>
/// The one database of Truce, on SQLite or PostgreSQL. Each module configures its own entities
/// (<c>*Configurations.cs</c> in its folder, applied from this assembly); the model avoids anything only one
/// store understands (enums as names, money in minor units, instants as UTC), and text compares byte by byte
/// on both (PostgreSQL columns take the "C" collation, SQLite's BINARY), so sorting and paging agree.
/// The cookie keys live here too (<see cref="CookieKey"/>), so every node reads one key ring.
/// </summary>
/// <remarks>
/// Two rules live in the storage layer so that no module can forget them. Releasability: every marked
/// record is filtered for the principal a read is made for (<see cref="ReadAs"/>), at every query, counts
/// and sums included (<see cref="Releasability"/>). Integrity: audit entries are numbered and hash-chained
/// inside the save's transaction, and append-only records are never changed or deleted (the interceptors
/// <see cref="AppendOnlyGuard"/> and <see cref="AuditChain"/>, and <see cref="SaveChangesAsync(bool, CancellationToken)"/>).
/// </remarks>
public sealed class TruceDb(DbContextOptions<TruceDb> options) : DbContext(options)
{
    private ILogger? _log;
    private Principal? _reader;

    // Contexts are pooled: a context back in the pool reads for nobody until it is given a principal again.
    public override void Dispose()
    {
        _reader = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _reader = null;
        return base.DisposeAsync();
    }

    private ILogger Log => _log ??= this.GetService<ILoggerFactory>()?.CreateLogger<TruceDb>() ?? NullLogger<TruceDb>.Instance;

    public DbSet<Actor> Actors => Set<Actor>();

    public DbSet<CoalitionMember> Members => Set<CoalitionMember>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeRevision> PledgeRevisions => Set<PledgeRevision>();

    public DbSet<StoredPledgeView> PledgeViews => Set<StoredPledgeView>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CatalogueCapability> Capabilities => Set<CatalogueCapability>();

    public DbSet<MissionSector> Sectors => Set<MissionSector>();

    public DbSet<Mission> Missions => Set<Mission>();

    public DbSet<MissionRequirement> Requirements => Set<MissionRequirement>();

    public DbSet<SavedScenario> Scenarios => Set<SavedScenario>();

    public DbSet<AddressThrottle> SignInThrottles => Set<AddressThrottle>();

    public DbSet<CookieKey> CookieKeys => Set<CookieKey>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Provision> Provisions => Set<Provision>();

    public DbSet<LayerVersion> LayerVersions => Set<LayerVersion>();

    public DbSet<LayerFeature> LayerFeatures => Set<LayerFeature>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<Core.Sources.SourceDocument> Documents => Set<Core.Sources.SourceDocument>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<Core.Positions.NegotiationIssue> NegotiationIssues => Set<Core.Positions.NegotiationIssue>();

    public DbSet<Core.Positions.Position> Positions => Set<Core.Positions.Position>();

    public DbSet<Core.Candidates.Candidate> Candidates => Set<Core.Candidates.Candidate>();

    /// <summary>
    /// The principal reads are made for. A query of a marked record without one is a bug in the calling
    /// service, so it fails loudly rather than reading as anybody.
    /// </summary>
    internal Principal Reader => _reader ?? throw new InvalidOperationException(
        "A marked record was read without saying for whom: call ReadAs(principal) with the principal the service was given.");

    // The releasability filter's parameters: plain properties, which EF reads from the current context at
    // each query (Security/Releasability.cs), so one compiled query serves every principal.
    internal bool ReaderSeesAll => Reader.SeesAll;

    internal bool ReaderSignedIn => !Reader.IsAnonymous;

    /// <summary>The member whose REL TO and NATIONAL records the reader sees, or null.</summary>
    internal string? ReaderMember => Reader.SeesOwnMemberMarkings && !Reader.IsAnonymous ? Reader.MemberCode : null;

    /// <summary>The reader's member as it stands in a REL TO list (<c>|GBR|</c>); a token no list holds when there is none.</summary>
    internal string ReaderMemberToken => ReaderMember is { } member ? Marking.Token(member) : "|";

    /// <summary>
    /// Reads for <paramref name="principal"/> until the returned scope ends. Services call it with the
    /// principal they were given; a system principal's reads are logged with its job.
    /// </summary>
    public IDisposable ReadAs(Principal principal)
    {
        if (principal.IsSystem)
        {
            Log.LogInformation("The system principal reads for the job '{Job}', seeing every marking.", principal.Job);
        }

        var previous = _reader;
        _reader = principal;
        return new Restore(this, previous);
    }

    /// <summary>
    /// Whether any record matches, whatever its marking: the one way past the releasability filter, for
    /// checks that must see every record (is this code taken? is this member real?). It answers yes or no,
    /// never the record, and is logged with its reason.
    /// </summary>
    internal Task<bool> ExistsUnfilteredAsync<T>(Expression<Func<T, bool>> predicate, string why, CancellationToken ct)
        where T : class
    {
        Log.LogDebug("Existence check past the markings on {Entity} for {Principal}: {Why}", typeof(T).Name, _reader?.Name ?? "nobody", why);
#pragma warning disable RS0030 // The one sanctioned use: see BannedSymbols.txt.
        return Set<T>().IgnoreQueryFilters([Releasability.FilterName]).AnyAsync(predicate, ct);
#pragma warning restore RS0030
    }

    /// <summary>
    /// Saves; a save that adds audit entries runs in a transaction (the caller's, or one opened and ended
    /// here), so that <see cref="AuditChain"/> reads the trail's head under the write lock. A failed or
    /// cancelled save leaves nothing behind.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Releasability.StampScopes(ChangeTracker);
        if (Database.CurrentTransaction is not null || AuditChain.Pending(this).Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Once the rows are written, the commit is not abandoned because the caller stopped waiting.
        await transaction.CommitAsync(CancellationToken.None);
        return saved;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Names, not numbers: a database read by people and by a second provider stays meaningful.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        SpatialColumns.Conventions(configurationBuilder, Database.IsNpgsql());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TruceDb).Assembly);
        Releasability.Apply(modelBuilder, this);
        SpatialColumns.Apply(modelBuilder, Database.IsNpgsql());
        if (Database.IsNpgsql())
        {
            modelBuilder.HasPostgresExtension("postgis");

            // Byte order, as SQLite compares: a sort, a keyset page and a unique name mean the same on both
            // stores, whatever locale the cluster was made with.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
            {
                property.SetCollation("C");
            }
        }
    }

    private sealed class Restore(TruceDb db, Principal? previous) : IDisposable
    {
        public void Dispose() => db._reader = previous;
    }
}
