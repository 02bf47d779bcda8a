using Truce.Core.Monitoring;
using Truce.Core.Security;

namespace Truce.Core.Alerts;

/// <summary>What a rule watches for.</summary>
public enum AlertRuleKind
{
    /// <summary>So many events of a type in a sector within a window (<see cref="Episodes"/>).</summary>
    Threshold,

    /// <summary>Any incident moved to verified whose observations violate a provision (of one agreement, or one provision, when named).</summary>
    VerifiedViolation,
}

/// <summary>
/// A standing instruction to raise an alert: "12 artillery events in sector north within an hour", or "any
/// verified violation of the energy-strike moratorium". Made, changed and disabled by analysts and admins
/// (each write audited); a disabled rule is kept, so the alerts it raised still name it. It carries a marking
/// like every record: a rule marked REL TO GBR is read (and its alerts received) by GBR only.
/// </summary>
/// <remarks>
/// The fields of the other kind are null: a threshold rule has <see cref="Type"/>, <see cref="Threshold"/> and
/// <see cref="WindowMinutes"/> (and <see cref="SectorCode"/>, or none for every sector, each counted on its own);
/// a verified-violation rule may name <see cref="AgreementKey"/> and <see cref="ProvisionNumber"/>.
/// <see cref="AlertRuleRules"/> keeps every number within its range.
/// </remarks>
public sealed class AlertRule : IMarked
{
    public long Id { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    /// <summary>What people call it, as alerts and the list show it.</summary>
    public string Name { get; set; } = string.Empty;

    public AlertRuleKind Kind { get; set; }

    public bool IsEnabled { get; set; } = true;

    /// <summary>Threshold: the event type counted.</summary>
    public EventType? Type { get; set; }

    /// <summary>Threshold: the sector watched (<c>Observation.SectorCode</c>); null for every sector, each on its own.</summary>
    public string? SectorCode { get; set; }

    /// <summary>Threshold: N, the events (the sum of the observations' counts) that raise the alert.</summary>
    public int? Threshold { get; set; }

    /// <summary>Threshold: the window the N events fall in, in minutes.</summary>
    public int? WindowMinutes { get; set; }

    /// <summary>Verified violation: only violations of this agreement; null for any.</summary>
    public string? AgreementKey { get; set; }

    /// <summary>Verified violation: only violations of this provision of <see cref="AgreementKey"/>; null for any.</summary>
    public int? ProvisionNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>Bumped by every change, for optimistic concurrency (If-Match).</summary>
    public int Version { get; set; } = 1;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes ?? 0);
}
