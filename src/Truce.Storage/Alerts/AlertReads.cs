using Microsoft.EntityFrameworkCore;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Alerts;

/// <summary>Alerts and rules as the reader may see them (the releasability filter), newest alerts first.</summary>
public sealed class AlertReads(TruceDb db)
{
    public async Task<Outcome<IReadOnlyList<AlertView>>> ListAsync(Principal reader, AlertQuery query, CancellationToken ct = default)
    {
        if (query.Limit is < 1 or > AlertQuery.MaxLimit)
        {
            return Outcome.Invalid("limit", $"From 1 to {AlertQuery.MaxLimit:N0}; got {query.Limit}.");
        }

        using var reading = db.ReadAs(reader);
        var alerts = db.Alerts.AsNoTracking();
        if (query.Since is { } since)
        {
            alerts = alerts.Where(a => a.RaisedAt >= since);
        }

        if (query.RuleId is { } rule)
        {
            alerts = alerts.Where(a => a.RuleId == rule);
        }

        if (query.Sector is { } sector)
        {
            alerts = alerts.Where(a => a.SectorCode == sector);
        }

        var found = await alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(query.Limit).ToListAsync(ct);
        return Outcome.Done<IReadOnlyList<AlertView>>([.. found.Select(AlertView.From)]);
    }

    /// <summary>One alert with its marking, for the live feed, which checks the marking against each connection's reader.</summary>
    public async Task<(AlertView View, Marking Marking)?> MarkedAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return alert is null ? null : (AlertView.From(alert), alert.Marking);
    }

    /// <summary>The ids of the alerts raised since <paramref name="since"/>, oldest first: what a node's listener may have missed while it reconnected.</summary>
    public async Task<IReadOnlyList<long>> RaisedSinceAsync(Principal reader, DateTimeOffset since, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        return await db.Alerts.AsNoTracking().Where(a => a.RaisedAt >= since).OrderBy(a => a.Id).Select(a => a.Id).Take(AlertQuery.MaxLimit).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AlertRuleView>> RulesAsync(Principal reader, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var rules = await db.AlertRules.AsNoTracking().OrderByDescending(r => r.IsEnabled).ThenBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);
        return [.. rules.Select(AlertRuleView.From)];
    }

    public async Task<Outcome<AlertRuleView>> RuleAsync(Principal reader, long id, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(reader);
        var rule = await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? Outcome.NotFound($"No alert rule {id}.") : Outcome.Done(AlertRuleView.From(rule));
    }
}
