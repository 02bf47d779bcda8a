using Microsoft.EntityFrameworkCore;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Common;
using Truce.Storage.Security;

namespace Truce.Storage.Alerts;

/// <summary>
/// Every change to an alert rule goes through here, for the API, the page and the CLI alike: made, changed (at
/// the version the writer read) and disabled — never deleted, so the alerts it raised still name it — by
/// analysts and admins; each checked by <see cref="AlertRuleRules"/> and the one marking check, with an audit entry.
/// </summary>
public sealed class AlertRuleWrites(TruceDb db, TimeProvider clock, AuditTrail audit)
{
    public async Task<Outcome<AlertRuleView>> CreateAsync(Principal writer, AlertRuleInput input, CancellationToken ct = default)
    {
        if (AllowedRoles.ManageAlertRules.Check(writer, "make alert rules") is { } refused)
        {
            return refused;
        }

        using var reading = db.ReadAs(writer);
        var read = await ReadAsync(writer, input, ct);
        if (!read.IsDone)
        {
            return read.AsRefusal();
        }

        var rule = read.Value;
        var now = clock.GetUtcNow();
        (rule.CreatedAt, rule.CreatedBy, rule.UpdatedAt, rule.UpdatedBy) = (now, writer.Name, now, writer.Name);
        db.AlertRules.Add(rule);
        audit.Append(writer, "alert-rule.created", "alert-rule/new", detail: $"{rule.Name}: {AlertRuleView.From(rule).Says} ({rule.Marking})");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Created(AlertRuleView.From(rule));
    }

    /// <summary>Replaces what the rule watches for (and its name, marking, whether it is enabled), at the version the writer read.</summary>
    public async Task<Outcome<AlertRuleView>> UpdateAsync(Principal writer, long id, ExpectedVersion expected, AlertRuleInput input, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var loaded = await LoadForWriteAsync(writer, id, expected, ct);
        if (!loaded.IsDone)
        {
            return loaded.AsRefusal();
        }

        var read = await ReadAsync(writer, input, ct);
        if (!read.IsDone)
        {
            db.ChangeTracker.Clear();
            return read.AsRefusal();
        }

        var (rule, changed) = (loaded.Value, read.Value);
        var before = AlertRuleView.From(rule).Says;
        (rule.Name, rule.Kind, rule.IsEnabled, rule.Type, rule.SectorCode, rule.Threshold, rule.WindowMinutes, rule.AgreementKey, rule.ProvisionNumber) =
            (changed.Name, changed.Kind, changed.IsEnabled, changed.Type, changed.SectorCode, changed.Threshold, changed.WindowMinutes, changed.AgreementKey, changed.ProvisionNumber);
        if (!rule.Marking.SameAs(changed.Marking))
        {
            rule.Marking = changed.Marking;
        }

        audit.Append(writer, "alert-rule.changed", $"alert-rule/{id}", detail: $"{before} → {AlertRuleView.From(rule).Says}{(rule.IsEnabled ? string.Empty : " (disabled)")} ({rule.Marking})");
        return await SaveAsync(rule, expected, ct);
    }

    /// <summary>Stops the rule raising alerts; it stays, with the alerts it raised. Enabling it again is an update.</summary>
    public async Task<Outcome<AlertRuleView>> DisableAsync(Principal writer, long id, ExpectedVersion expected, CancellationToken ct = default)
    {
        using var reading = db.ReadAs(writer);
        var loaded = await LoadForWriteAsync(writer, id, expected, ct);
        if (!loaded.IsDone)
        {
            return loaded.AsRefusal();
        }

        var rule = loaded.Value;
        if (!rule.IsEnabled)
        {
            db.ChangeTracker.Clear();
            return Outcome.Done(AlertRuleView.From(rule));
        }

        rule.IsEnabled = false;
        audit.Append(writer, "alert-rule.disabled", $"alert-rule/{id}", detail: rule.Name);
        return await SaveAsync(rule, expected, ct);
    }

    private async Task<Outcome<AlertRule>> LoadForWriteAsync(Principal writer, long id, ExpectedVersion expected, CancellationToken ct)
    {
        if (AllowedRoles.ManageAlertRules.Check(writer, "change alert rules") is { } refused)
        {
            return refused;
        }

        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Outcome.NotFound($"No alert rule {id}.");
        }

        if (!expected.Matches(rule.Version))
        {
            db.ChangeTracker.Clear();
            return Outcome.PreconditionFailed(expected.StaleMessage("alert rule", rule.Version));
        }

        return Outcome.Done(rule);
    }

    /// <summary>The rule the input describes, its marking checked and the agreement and provision it names held.</summary>
    private async Task<Outcome<AlertRule>> ReadAsync(Principal writer, AlertRuleInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var rule = AlertRuleRules.Read(input, errors);
        var marking = await MarkingChecks.ReadAsync(db, input.Marking, writer.MemberCode ?? string.Empty, writer, errors, ct);
        if (rule?.AgreementKey is { } key)
        {
            var agreement = await db.Agreements.AsNoTracking().Include(a => a.Provisions).FirstOrDefaultAsync(a => a.Key == key, ct);
            if (agreement is null)
            {
                errors.Add("agreement", $"No agreement '{key}' that you may see; see /api/v1/agreements.");
            }
            else if (rule.ProvisionNumber is { } number && !agreement.Provisions.Exists(p => p.Number == number))
            {
                errors.Add("provision", $"{key} has no provision {number}; its provisions are {string.Join(", ", agreement.Provisions.Select(p => p.Number).Order())}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        rule!.Marking = marking!;
        return Outcome.Done(rule);
    }

    private async Task<Outcome<AlertRuleView>> SaveAsync(AlertRule rule, ExpectedVersion expected, CancellationToken ct)
    {
        (rule.UpdatedAt, rule.UpdatedBy) = (clock.GetUtcNow(), db.Reader.Name);
        rule.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.LostRace())
        {
            db.ChangeTracker.Clear();
            return Outcome.PreconditionFailed(expected.StaleMessage("alert rule", rule.Version - 1));
        }

        db.ChangeTracker.Clear();
        return Outcome.Done(AlertRuleView.From(rule));
    }
}
