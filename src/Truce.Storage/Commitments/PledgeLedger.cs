using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Security;

namespace Truce.Storage.Commitments;

public enum LedgerOutcome
{
    Ok,
    Created,
    NotFound,
    Invalid,
    Forbidden,
    Stale,
}

/// <summary>What a write to the ledger came to; <see cref="Message"/> says why it was refused.</summary>
public sealed record LedgerResult(LedgerOutcome Outcome, PledgeView? Pledge = null, ValidationErrors? Errors = null, string? Message = null);

/// <summary>
/// The commitments ledger: every member's pledges with their history. All writes go through here, so the
/// rules hold for the API, the pages, the CLI and the scenario loader alike: validation, who may change
/// which member's pledges, a new version and an append-only history entry per change, an audit entry,
/// and optimistic concurrency on the version. Reads see what the current principal may see (the
/// releasability filters of <see cref="TruceDb"/>); writes read as the principal who writes.
/// </summary>
public sealed class PledgeLedger(TruceDb db, TimeProvider clock, CurrentPrincipal current, AuditTrail audit)
{
    // Personnel pledges are those whose unit counts people; a squadron or a frigate is not a head count.
    private static readonly string[] PersonnelUnits = ["troops", "personnel", "soldiers"];

    public async Task<Page<PledgeView>> ListAsync(PledgeQuery query, CancellationToken ct = default)
    {
        var filtered = Filter(db.Pledges.AsNoTracking(), query);
        var total = await filtered.CountAsync(ct);
        var (ordered, keyText) = Order(filtered, query);
        var rows = await ordered.Take(query.Limit + 1).ToListAsync(ct);
        var more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var names = await MemberNamesAsync(ct);
        var next = more ? Cursor.Encode(query.Sort, keyText(rows[^1]), rows[^1].Id) : null;
        return new Page<PledgeView>(rows.Select(p => PledgeView.From(p, names.GetValueOrDefault(p.MemberCode))).ToList(), total, next);
    }

    /// <summary>Whether a cursor was issued for this sort; a cursor from another sort would skip rows.</summary>
    public static string? CheckCursor(PledgeQuery query)
    {
        if (query.Cursor is null)
        {
            return null;
        }

        if (!Cursor.TryDecode(query.Cursor, out var sort, out _, out _) || sort != query.Sort)
        {
            return $"This cursor does not belong to sort '{query.Sort}'; start again without a cursor.";
        }

        try
        {
            // Builds the seek condition (parsing the cursor's key) without touching the database.
            Order(Enumerable.Empty<Pledge>().AsQueryable(), query);
            return null;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return "This cursor is damaged; start again without a cursor.";
        }
    }

    public async Task<PledgeView?> GetAsync(int id, CancellationToken ct = default)
    {
        var pledge = await db.Pledges.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return pledge is null ? null : await ViewAsync(pledge, ct);
    }

    public async Task<IReadOnlyList<PledgeRevisionView>?> HistoryAsync(int id, CancellationToken ct = default)
    {
        if (!await db.Pledges.AnyAsync(p => p.Id == id, ct))
        {
            return null;
        }

        var revisions = await db.PledgeRevisions.AsNoTracking().Where(r => r.PledgeId == id).OrderByDescending(r => r.Version).ToListAsync(ct);
        return revisions.Select(r => new PledgeRevisionView(
            r.Version,
            DateTime.SpecifyKind(r.ChangedAtUtc, DateTimeKind.Utc),
            r.ChangedBy,
            r.Reason,
            JsonSerializer.Deserialize<List<FieldChange>>(r.ChangesJson, TruceJson.Options) ?? [])).ToList();
    }

    /// <summary>
    /// The dashboard's figures, aggregated in the database: loading the pledges would also load every
    /// owned condition and source (217 ms for 10,000 pledges against 11 ms this way; docs/benchmarks.md).
    /// </summary>
    public async Task<LedgerTotals> TotalsAsync(CancellationToken ct = default)
    {
        var byCategoryAndStage = await db.Pledges.GroupBy(p => new { p.Category, p.Stage })
            .Select(g => new { g.Key.Category, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var live = db.Pledges.Where(p => p.Stage != PledgeStage.Withdrawn);
        var troops = live.Where(p => p.Category == PledgeCategory.Troops && p.Unit != null && PersonnelUnits.Contains(p.Unit.ToLower()));
        Task<long> Sum(IQueryable<Pledge> pledges) => pledges.SumAsync(p => p.Quantity ?? 0, ct);
        var eurMinor = await live.Where(p => p.Category == PledgeCategory.Funding || p.Category == PledgeCategory.MilitaryAid)
            .SumAsync(p => p.ValueEurMinor ?? 0, ct);
        return new LedgerTotals(
            await db.Members.CountAsync(ct),
            byCategoryAndStage.Sum(g => g.Count),
            byCategoryAndStage
                .OrderBy(g => g.Category).ThenBy(g => g.Stage)
                .Select(g => new CategoryStageCount(Kebab.Of(g.Category), Kebab.Of(g.Stage), g.Count))
                .ToList(),
            await Sum(troops),
            await Sum(troops.Where(p => p.Conditions.Any(c => c.Kind == ConditionKind.UsBackstop))),
            await Sum(troops.Where(p => p.Conditions.Any(c => c.Kind == ConditionKind.UnMandate))),
            await Sum(troops.Where(p => p.Conditions.Any(c => c.Kind == ConditionKind.UsBackstop || c.Kind == ConditionKind.UnMandate))),
            Money.FromMinor(eurMinor, "EUR"));
    }

    public async Task<LedgerResult> CreateAsync(PledgeInput input, Principal principal, string? key = null, CancellationToken ct = default)
    {
        if (!principal.CanEditPledges)
        {
            return new LedgerResult(LedgerOutcome.Forbidden, Message: principal.RefusalToEditPledgeOf(input.Member ?? "any member"));
        }

        using var acting = current.Use(principal);
        var pledge = new Pledge { MemberCode = string.Empty, Title = string.Empty, UpdatedBy = principal.Name, Key = key };
        var errors = PledgeRules.Apply(input, pledge, previousStage: null, mayCorrectStage: false);
        if (errors.IsEmpty)
        {
            await CheckMemberAsync(pledge.MemberCode, errors, ct);
            await CheckCapabilityAsync(pledge.CapabilityCode, errors, ct);
            await CheckMarkingAsync(pledge.Marking, principal, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            return new LedgerResult(LedgerOutcome.Invalid, Errors: errors);
        }

        if (!principal.MayEditPledgeOf(pledge.MemberCode))
        {
            return new LedgerResult(LedgerOutcome.Forbidden, Message: principal.RefusalToEditPledgeOf(pledge.MemberCode));
        }

        var now = Now();
        pledge.Version = 1;
        pledge.CreatedAtUtc = now;
        pledge.UpdatedAtUtc = now;
        // The pledge needs its id before its first revision can point at it; one transaction keeps the two
        // together (joining the caller's, when the scenario loader already opened one).
        var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(ct);
        var view = await ViewAsync(pledge, ct);
        var snapshot = AddRevision(pledge, null, view, input.Reason ?? "Entered in the ledger", principal, now);
        audit.Append(principal, "pledge.created", $"pledge/{pledge.Id}", after: snapshot, detail: $"{pledge.MemberCode}: {pledge.Title} ({pledge.Marking})");
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
            await tx.DisposeAsync();
        }
        return new LedgerResult(LedgerOutcome.Created, view);
    }

    /// <param name="expectedVersion">The version the writer last read; any other means someone changed it since.</param>
    public async Task<LedgerResult> UpdateAsync(int id, int expectedVersion, PledgeInput input, Principal principal, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var (pledge, refusal) = await LoadForWriteAsync(id, expectedVersion, principal, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var before = await ViewAsync(pledge, ct);
        var errors = PledgeRules.Apply(input, pledge, pledge.Stage, mayCorrectStage: principal.Role == Role.Admin);
        if (errors.IsEmpty && pledge.MemberCode != before.Member)
        {
            await CheckMemberAsync(pledge.MemberCode, errors, ct);
        }

        if (errors.IsEmpty && pledge.CapabilityCode != before.CapabilityCode)
        {
            await CheckCapabilityAsync(pledge.CapabilityCode, errors, ct);
        }

        if (errors.IsEmpty)
        {
            await CheckMarkingAsync(pledge.Marking, principal, errors, ct);
        }

        if (!errors.IsEmpty)
        {
            db.ChangeTracker.Clear();
            return new LedgerResult(LedgerOutcome.Invalid, Errors: errors);
        }

        if (!principal.MayEditPledgeOf(pledge.MemberCode))
        {
            db.ChangeTracker.Clear();
            return new LedgerResult(LedgerOutcome.Forbidden, Message: principal.RefusalToEditPledgeOf(pledge.MemberCode));
        }

        var after = await ViewAsync(pledge, ct);
        if (PledgeDiff.Between(before, after, TruceJson.Options).Count == 0)
        {
            // Nothing changed: no new version, so an idempotent retry does not pad the history.
            return new LedgerResult(LedgerOutcome.Ok, before);
        }

        var now = Now();
        pledge.Version++;
        pledge.UpdatedAtUtc = now;
        pledge.UpdatedBy = principal.Name;
        after = await ViewAsync(pledge, ct);
        var snapshot = AddRevision(pledge, before, after, input.Reason!, principal, now);
        audit.Append(
            principal, "pledge.changed", $"pledge/{pledge.Id}", await StoredSnapshotAsync(pledge.Id, pledge.Version - 1, before, ct), snapshot,
            $"version {pledge.Version}: {string.Join(", ", PledgeDiff.Between(before, after, TruceJson.Options).Select(c => c.Field))}");
        return await SaveVersionAsync(id, expectedVersion, after, ct);
    }

    private async Task<LedgerResult> SaveVersionAsync(int id, int expectedVersion, PledgeView after, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var latest = await db.Pledges.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
            return latest is { } version ? Stale(version, expectedVersion) : new LedgerResult(LedgerOutcome.NotFound, Message: $"No pledge {id}.");
        }

        return new LedgerResult(LedgerOutcome.Ok, after);
    }

    /// <summary>
    /// The previous version exactly as its revision stored it, so that an audit entry's before-hash matches
    /// the history byte for byte (a recomputed view could differ, e.g. after an actor was renamed).
    /// </summary>
    private async Task<string> StoredSnapshotAsync(int pledgeId, int version, PledgeView fallback, CancellationToken ct) =>
        await db.PledgeRevisions.AsNoTracking().Where(r => r.PledgeId == pledgeId && r.Version == version).Select(r => r.SnapshotJson).FirstOrDefaultAsync(ct)
            ?? JsonSerializer.Serialize(fallback, TruceJson.Options);

    /// <summary>The pledge a write changes, or why the write is refused: missing, not this principal's to change, or stale.</summary>
    private async Task<(Pledge Pledge, LedgerResult? Refusal)> LoadForWriteAsync(int id, int expectedVersion, Principal principal, CancellationToken ct)
    {
        var pledge = await db.Pledges.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pledge is null)
        {
            return (null!, new LedgerResult(LedgerOutcome.NotFound, Message: $"No pledge {id}."));
        }

        if (!principal.MayEditPledgeOf(pledge.MemberCode))
        {
            return (pledge, new LedgerResult(LedgerOutcome.Forbidden, Message: principal.RefusalToEditPledgeOf(pledge.MemberCode)));
        }

        return pledge.Version == expectedVersion ? (pledge, null) : (pledge, Stale(pledge.Version, expectedVersion));
    }

    private static LedgerResult Stale(int current, int expected) => new(
        LedgerOutcome.Stale,
        Message: $"The pledge is at version {current}, not {expected}: someone changed it since you read it. Read it again and reapply your change.");

    private async Task CheckMemberAsync(string member, ValidationErrors errors, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.ActorCode == member, ct))
        {
            var codes = await db.Members.OrderBy(m => m.ActorCode).Select(m => m.ActorCode).ToListAsync(ct);
            errors.Add("member", $"'{member}' is not a coalition member; expected one of {string.Join(", ", codes)}.");
        }
    }

    /// <returns>The snapshot of the new version, whose hash the audit entry carries.</returns>
    private string AddRevision(Pledge pledge, PledgeView? before, PledgeView after, string reason, Principal principal, DateTime now)
    {
        var snapshot = JsonSerializer.Serialize(after, TruceJson.Options);
        db.PledgeRevisions.Add(new PledgeRevision
        {
            PledgeId = pledge.Id,
            Version = pledge.Version,
            ChangedAtUtc = now,
            ChangedBy = principal.Name,
            Reason = reason.Trim(),
            ChangesJson = JsonSerializer.Serialize(PledgeDiff.Between(before, after, TruceJson.Options), TruceJson.Options),
            SnapshotJson = snapshot,
        });
        return snapshot;
    }

    /// <summary>
    /// Changes who may read a pledge (e.g. NATIONAL → COALITION once a parliament has voted): a new version
    /// with its own history entry and a <c>pledge.released</c> audit entry. Only those who may edit the
    /// pledge may release it, and only to a marking they can still see.
    /// </summary>
    public async Task<LedgerResult> ReleaseAsync(int id, int expectedVersion, MarkingInput marking, string? reason, Principal principal, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var (pledge, refusal) = await LoadForWriteAsync(id, expectedVersion, principal, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var next = MarkingRules.Read(marking, pledge.MemberCode, errors);
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Required: say why the pledge is released, for the history.");
        }

        if (next is not null)
        {
            await CheckMarkingAsync(next, principal, errors, ct);
            if (errors.IsEmpty && next.SameAs(pledge.Marking))
            {
                errors.Add("marking.level", $"The pledge is already {pledge.Marking}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return new LedgerResult(LedgerOutcome.Invalid, Errors: errors);
        }

        var before = await ViewAsync(pledge, ct);
        var was = pledge.Marking.ToString();
        var now = Now();
        pledge.Marking = next!;
        pledge.Version++;
        pledge.UpdatedAtUtc = now;
        pledge.UpdatedBy = principal.Name;
        var after = await ViewAsync(pledge, ct);
        var snapshot = AddRevision(pledge, before, after, reason!, principal, now);
        audit.Append(principal, "pledge.released", $"pledge/{pledge.Id}", await StoredSnapshotAsync(pledge.Id, pledge.Version - 1, before, ct), snapshot, $"{was} → {pledge.Marking}");
        return await SaveVersionAsync(id, expectedVersion, after, ct);
    }

    /// <summary>Every pledge matching the filters (no paging), recorded in the audit trail as an export.</summary>
    public async Task<IReadOnlyList<PledgeView>> ExportAsync(PledgeQuery query, Principal principal, string format, CancellationToken ct = default)
    {
        using var acting = current.Use(principal);
        var (ordered, _) = Order(Filter(db.Pledges.AsNoTracking(), query), query with { Cursor = null });
        var rows = await ordered.ToListAsync(ct);
        var names = await MemberNamesAsync(ct);
        await audit.RecordAsync(principal, "pledges.exported", "pledges", $"{rows.Count} pledges as {format}; filter: {Describe(query)}", ct);
        return rows.Select(p => PledgeView.From(p, names.GetValueOrDefault(p.MemberCode))).ToList();
    }

    private static string Describe(PledgeQuery q) => string.Join(
        ", ",
        new[]
        {
            q.Member is null ? null : $"member={q.Member}",
            q.Category is null ? null : $"category={Kebab.Of(q.Category.Value)}",
            q.Stage is null ? null : $"stage={Kebab.Of(q.Stage.Value)}",
            q.Condition is null ? null : $"condition={Kebab.Of(q.Condition.Value)}",
            q.Search is null ? null : $"q={q.Search}",
        }.Where(x => x is not null).DefaultIfEmpty("none"));

    private async Task CheckCapabilityAsync(string? code, ValidationErrors errors, CancellationToken ct)
    {
        if (code is not null && !await db.Capabilities.AnyAsync(c => c.Code == code, ct))
        {
            var codes = await db.Capabilities.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);
            errors.Add("capabilityCode", $"'{code}' is not in the capability catalogue; expected one of {string.Join(", ", codes)}.");
        }
    }

    /// <summary>REL TO lists name coalition members, and a writer must still see what they wrote.</summary>
    private async Task CheckMarkingAsync(Marking marking, Principal principal, ValidationErrors errors, CancellationToken ct)
    {
        foreach (var member in marking.RelTo)
        {
            if (!await db.Members.IgnoreQueryFilters().AnyAsync(m => m.ActorCode == member, ct))
            {
                errors.Add("marking.relTo", $"'{member}' is not a coalition member.");
            }
        }

        if (errors.IsEmpty && !principal.MaySee(marking))
        {
            errors.Add("marking.level", $"You would not be able to read a pledge marked {marking} yourself; include your member ({principal.MemberCode ?? "none"}) or choose a wider marking.");
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task<PledgeView> ViewAsync(Pledge pledge, CancellationToken ct)
    {
        var name = await db.Actors.Where(a => a.Code == pledge.MemberCode).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return PledgeView.From(pledge, name);
    }

    private Task<Dictionary<string, string>> MemberNamesAsync(CancellationToken ct) =>
        db.Members.Select(m => new { m.ActorCode, m.Actor!.Name }).ToDictionaryAsync(x => x.ActorCode, x => x.Name, ct);

    private static IQueryable<Pledge> Filter(IQueryable<Pledge> query, PledgeQuery q)
    {
        if (q.Member is { } member)
        {
            // Codes hold no wildcards; LIKE makes 'gbr' find GBR as a person would expect.
            var code = member.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
            query = query.Where(p => EF.Functions.Like(p.MemberCode, code));
        }

        if (q.Category is { } category)
        {
            query = query.Where(p => p.Category == category);
        }

        if (q.Stage is { } stage)
        {
            query = query.Where(p => p.Stage == stage);
        }

        if (q.Condition is { } condition)
        {
            query = query.Where(p => p.Conditions.Any(c => c.Kind == condition));
        }

        if (q.Search is { } search)
        {
            var pattern = $"%{search.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
            query = query.Where(p => EF.Functions.Like(p.Title, pattern) || (p.Capability != null && EF.Functions.Like(p.Capability, pattern)));
        }

        return query;
    }

    // Each sort is a key plus the id as tie-breaker; the cursor carries the last row's key and id, and the
    // next page starts strictly after them. Nullable keys are coalesced so that the order is total.
    private static (IQueryable<Pledge> Query, Func<Pledge, string> KeyText) Order(IQueryable<Pledge> query, PledgeQuery q)
    {
        string? after = null;
        var afterId = 0;
        if (q.Cursor is not null && Cursor.TryDecode(q.Cursor, out _, out var key, out var id))
        {
            after = key;
            afterId = id;
        }

        return q.SortField switch
        {
            "title" => Seek(query, p => p.Title, q.Descending, after, afterId, s => s, s => s),
            "quantity" => Seek(query, p => p.Quantity ?? -1L, q.Descending, after, afterId, long.Parse, Invariant),
            "value" => Seek(query, p => p.ValueEurMinor ?? -1L, q.Descending, after, afterId, long.Parse, Invariant),
            "readiness" => Seek(query, p => p.ReadinessDays ?? int.MaxValue, q.Descending, after, afterId, int.Parse, Invariant),
            "announced" => Seek(query, p => p.AnnouncedOn ?? DateOnly.MinValue, q.Descending, after, afterId, s => DateOnly.ParseExact(s, "O", CultureInfo.InvariantCulture), d => d.ToString("O", CultureInfo.InvariantCulture)),
            "updated" => Seek(query, p => p.UpdatedAtUtc, q.Descending, after, afterId, s => new DateTime(long.Parse(s, CultureInfo.InvariantCulture)), d => d.Ticks.ToString(CultureInfo.InvariantCulture)),
            _ => Seek(query, p => p.MemberCode, q.Descending, after, afterId, s => s, s => s),
        };
    }

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static (IQueryable<Pledge>, Func<Pledge, string>) Seek<TKey>(
        IQueryable<Pledge> query, Expression<Func<Pledge, TKey>> key, bool descending, string? after, int afterId, Func<string, TKey> parse, Func<TKey, string> format)
    {
        if (after is not null)
        {
            var p = key.Parameters[0];
            var value = Expression.Property(Expression.Constant(new Holder<TKey>(parse(after))), nameof(Holder<TKey>.Value));
            var id = Expression.Property(p, nameof(Pledge.Id));
            var afterIdValue = Expression.Property(Expression.Constant(new Holder<int>(afterId)), nameof(Holder<int>.Value));
            Expression Beyond(Expression left, Expression right)
            {
                if (left.Type == typeof(string))
                {
                    left = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
                    right = Expression.Constant(0);
                }

                return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
            }

            var body = Expression.OrElse(
                Beyond(key.Body, value),
                Expression.AndAlso(Expression.Equal(key.Body, value), Beyond(id, afterIdValue)));
            query = query.Where(Expression.Lambda<Func<Pledge, bool>>(body, p));
        }

        var ordered = descending
            ? query.OrderByDescending(key).ThenByDescending(p => p.Id)
            : query.OrderBy(key).ThenBy(p => p.Id);
        var compiled = key.Compile();
        return (ordered, p => format(compiled(p)));
    }

    // Wrapping a value in an object makes EF send it as a SQL parameter instead of inlining it.
    private sealed record Holder<T>(T Value);

    private static class Cursor
    {
        public static string Encode(string sort, string key, int id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sort}\n{key}\n{id.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryDecode(string cursor, out string sort, out string key, out int id)
        {
            sort = key = string.Empty;
            id = 0;
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - (padded.Length % 4)) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n');
                if (parts.Length != 3 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out id))
                {
                    return false;
                }

                sort = parts[0];
                key = parts[1];
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
