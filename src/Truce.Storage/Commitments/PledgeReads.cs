using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Commitments;

/// <summary>
/// Reading the commitments ledger: pages of pledges, one pledge, its history, the dashboard's totals and
/// exports. Each read is made for the principal it is given and sees what that principal may (the
/// releasability filter). A pledge is read as the view its last write stored (<see cref="StoredPledgeView"/>),
/// not rebuilt from its rows at every read. Reads write nothing, except an export, which is an act and is audited.
/// </summary>
public sealed class PledgeReads(TruceDb db, AuditTrail audit)
{
    // Personnel pledges are those whose unit counts people; a squadron or a frigate is not a head count.
    private static readonly string[] PersonnelUnits = ["troops", "personnel", "soldiers"];

    /// <summary>The sorts of <see cref="PledgeQuery.SortFields"/>; nullable keys are coalesced so the order is total.</summary>
    public static readonly Keyset<Pledge, int> Paging = new Keyset<Pledge, int>(p => p.Id)
        .Sort("member", p => p.MemberCode, s => s, s => s)
        .Sort("title", p => p.Title, s => s, s => s)
        .Sort("quantity", p => p.Quantity ?? -1L, KeyText.Of, KeyText.ParseLong)
        .Sort("value", p => p.ValueEurMinor ?? -1L, KeyText.Of, KeyText.ParseLong)
        .Sort("readiness", p => p.ReadinessDays ?? int.MaxValue, KeyText.Of, KeyText.ParseInt)
        .Sort("announced", p => p.AnnouncedOn ?? DateOnly.MinValue, KeyText.Date, KeyText.ParseDate)
        .Sort("updated", p => p.UpdatedAtUtc, KeyText.Instant, KeyText.ParseInstant);

    public async Task<Outcome<Page<PledgeView>>> ListAsync(Principal reader, PledgeQuery query, CancellationToken ct = default)
    {
        if (Paging.CheckCursor(query.Cursor, query.Sort) is { } problem)
        {
            return Outcome.Invalid("cursor", problem);
        }

        using var reading = db.ReadAs(reader);
        var filtered = Filter(db.Pledges.AsNoTracking(), query);
        var total = await filtered.CountAsync(ct);
        var (views, next) = await Paging.PageAsync(filtered, query.Sort, query.Cursor, query.Limit, Stored(), ct);
        return Outcome.Done(new Page<PledgeView>(await ViewsAsync(views, ct), total, next));
    }

    public async Task<Outcome<PledgeView>> GetAsync(Principal reader, int id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var found = await ById(db, id, ct);
        return found is null ? Outcome.NotFound($"No pledge {id}.") : Outcome.Done((await ViewsAsync([found], ct))[0]);
    }

    // The most frequent read of all (a feed polling a pledge), compiled once: one small statement through the
    // releasability filter like any other, returning the view the last write stored and the member's name
    // as this reader may see it.
    private static readonly Func<TruceDb, int, CancellationToken, Task<StoredRow?>> ById = EF.CompileAsyncQuery(
        (TruceDb db, int id, CancellationToken ct) => db.Pledges.Where(p => p.Id == id)
            .Select(p => new StoredRow(
                p.Id,
                db.PledgeViews.Where(v => v.PledgeId == p.Id).Select(v => v.Json).FirstOrDefault(),
                db.Actors.Where(a => a.Code == p.MemberCode).Select(a => a.Name).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>
    /// A pledge as a list reads it: its stored view and its member's name, looked up by key for the rows of the
    /// page only, in the same statement (the actor's own filter decides whether the name comes along).
    /// </summary>
    private Expression<Func<Pledge, StoredRow>> Stored() =>
        p => new StoredRow(
            p.Id,
            db.PledgeViews.Where(v => v.PledgeId == p.Id).Select(v => v.Json).FirstOrDefault(),
            db.Actors.Where(a => a.Code == p.MemberCode).Select(a => a.Name).FirstOrDefault());

    /// <summary>
    /// The views of <paramref name="rows"/> with their members' names as this reader may see them (actors are
    /// marked too). A pledge whose view is missing — none should be, every write stores one — is rebuilt from its rows
    /// rather than failing the read.
    /// </summary>
    private async Task<List<PledgeView>> ViewsAsync(IReadOnlyList<StoredRow> rows, CancellationToken ct)
    {
        var missing = rows.Where(r => r.Json is null).Select(r => r.Id).ToList();
        var rebuilt = missing.Count == 0 ? [] : await db.Pledges.AsNoTracking().Where(p => missing.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => PledgeView.From(p, null), ct);
        return rows.Select(r => (r.Json is { } json ? JsonSerializer.Deserialize<PledgeView>(json, TruceJson.Options)! : rebuilt[r.Id]) with { MemberName = r.MemberName }).ToList();
    }

    /// <summary>A pledge's stored view and its member's name, null when the reader may not see the member.</summary>
    private sealed record StoredRow(int Id, string? Json, string? MemberName);

    public async Task<Outcome<IReadOnlyList<PledgeRevisionView>>> HistoryAsync(Principal reader, int id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        if (!await db.Pledges.AnyAsync(p => p.Id == id, ct))
        {
            return Outcome.NotFound($"No pledge {id}.");
        }

        var revisions = await db.PledgeRevisions.AsNoTracking().Where(r => r.PledgeId == id).OrderByDescending(r => r.Version).ToListAsync(ct);
        return Outcome.Done<IReadOnlyList<PledgeRevisionView>>(revisions.Select(r => new PledgeRevisionView(
            r.Version,
            DateTime.SpecifyKind(r.ChangedAtUtc, DateTimeKind.Utc),
            r.ChangedBy,
            r.Reason,
            JsonSerializer.Deserialize<List<FieldChange>>(r.ChangesJson, TruceJson.Options) ?? [])).ToList());
    }

    /// <summary>
    /// The dashboard's figures, aggregated in the database: loading the pledges would also load every
    /// owned condition and source (217 ms for 10,000 pledges against 11 ms this way; docs/benchmarks.md).
    /// </summary>
    public async Task<LedgerTotals> TotalsAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var byCategoryAndStage = await db.Pledges.GroupBy(p => new { p.Category, p.Stage })
            .Select(g => new { g.Key.Category, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var live = db.Pledges.Where(p => p.Stage != PledgeStage.Withdrawn);
        var troops = live.Where(p => p.Category == PledgeCategory.Troops && p.Unit != null && PersonnelUnits.Contains(p.Unit.ToLower()));
        // Summed as floating point in the database, which cannot overflow whatever the rows hold (a value
        // stored before the domain ranges, or edited in the file); exact up to 2^53, far above any real total.
        async Task<long> Sum(IQueryable<Pledge> pledges) => DomainLimits.Saturated(await pledges.SumAsync(p => (double)(p.Quantity ?? 0), ct));
        var eurMinor = DomainLimits.Saturated(await live.Where(p => p.Category == PledgeCategory.Funding || p.Category == PledgeCategory.MilitaryAid)
            .SumAsync(p => (double)(p.ValueEurMinor ?? 0), ct));
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

    /// <summary>Every pledge matching the filters (no paging). An export is a deliberate act: it is audited.</summary>
    public async Task<Outcome<IReadOnlyList<PledgeView>>> ExportAsync(Principal reader, PledgeQuery query, string format, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var rows = await Paging.Ordered(Filter(db.Pledges.AsNoTracking(), query), query.Sort).Select(Stored()).ToListAsync(ct);
        var views = await ViewsAsync(rows, ct);
        await audit.RecordAsync(reader, "pledges.exported", "pledges", $"{views.Count} pledges as {format}; filter: {query.Describe()}", ct);
        return Outcome.Done<IReadOnlyList<PledgeView>>(views);
    }

    private static IQueryable<Pledge> Filter(IQueryable<Pledge> query, PledgeQuery q)
    {
        if (q.Member is { } member)
        {
            // 'gbr' finds GBR as a person would expect, on both stores (PostgreSQL compares case and all).
            var code = AsciiLower(member);
#pragma warning disable CA1862 // ToLower is translated to the stores' lower(); string.Equals with a comparison is not translated.
            query = query.Where(p => p.MemberCode.ToLower() == code);
#pragma warning restore CA1862
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
            // Case-insensitive for ASCII letters on both stores: SQLite's LIKE folds only those, PostgreSQL's
            // LIKE folds none, so both sides are lowered the way both stores' lower() does.
            var pattern = $"%{AsciiLower(Literal(search))}%";
            query = query.Where(p => EF.Functions.Like(p.Title.ToLower(), pattern) || (p.Capability != null && EF.Functions.Like(p.Capability.ToLower(), pattern)));
        }

        return query;
    }

    // LIKE's wildcards are dropped from what a person typed, so '%' cannot match everything.
    private static string Literal(string text) => text.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);

    // lower() as SQLite and a "C"-collated PostgreSQL column apply it: A–Z only.
    private static string AsciiLower(string text) => string.Create(text.Length, text, (span, t) =>
    {
        for (var i = 0; i < t.Length; i++)
        {
            span[i] = t[i] is >= 'A' and <= 'Z' ? (char)(t[i] + 32) : t[i];
        }
    });
}
