using Microsoft.EntityFrameworkCore;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Agreements;

/// <summary>Reads agreements and their provisions as the reader may see them (a provision may be marked narrower than its agreement).</summary>
public sealed class AgreementBook(TruceDb db)
{
    public async Task<IReadOnlyList<AgreementSummary>> ListAsync(Principal reader, string? status = null, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var agreements = await Query().OrderByDescending(a => a.ProposedOn).ThenBy(a => a.Key).ToListAsync(ct);
        if (status is not null)
        {
            agreements = agreements.Where(a => Kebab.Of(a.Status) == status).ToList();
        }

        var names = await NamesAsync(ct);
        return agreements.Select(a => AgreementViewing.Summary(a, names)).ToList();
    }

    public async Task<Outcome<AgreementView>> GetAsync(Principal reader, string key, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var agreement = await Query().FirstOrDefaultAsync(a => a.Key == key, ct);
        if (agreement is null)
        {
            return Outcome.NotFound($"No agreement '{key}'.");
        }

        var names = await NamesAsync(ct);
        var linked = agreement.Links.Select(l => l.OtherKey).ToList();
        var titles = await db.Agreements.AsNoTracking().Where(a => linked.Contains(a.Key)).ToDictionaryAsync(a => a.Key, a => a.Title, ct);
        return Outcome.Done(AgreementViewing.View(agreement, names, k => titles.GetValueOrDefault(k)));
    }

    /// <summary>The agreements in force at <paramref name="at"/>, with the provisions the reader may see.</summary>
    public async Task<IReadOnlyList<Agreement>> InForceAsync(Principal reader, DateTimeOffset at, CancellationToken ct = default) =>
        (await TakenEffectAsync(reader, ct)).Where(a => a.IsInForceAt(at)).ToList();

    /// <summary>
    /// Every agreement that has an effective instant, with its provisions, for judging many instants at once
    /// (<see cref="Agreement.IsInForceAt"/> in memory): a few dozen agreements at most, and instants compare
    /// here the same on both stores.
    /// </summary>
    public async Task<IReadOnlyList<Agreement>> TakenEffectAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var agreements = await Query().Where(a => a.EffectiveFrom != null).ToListAsync(ct);
        return agreements.OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>One agreement as stored, for the zones of its provisions.</summary>
    public async Task<Agreement?> FindAsync(Principal reader, string key, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return await Query().FirstOrDefaultAsync(a => a.Key == key, ct);
    }

    private IQueryable<Agreement> Query() => db.Agreements.AsNoTracking().Include(a => a.Provisions);

    // Actor names as the reader may see them; an actor the reader may not see shows as its code.
    private async Task<Func<string, string>> NamesAsync(CancellationToken ct)
    {
        var names = await db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return code => names.GetValueOrDefault(code) ?? code;
    }
}
