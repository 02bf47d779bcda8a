using Truce.Core.Monitoring;
using Truce.Core.Security;

namespace Truce.Core.Alerts;

/// <summary>
/// A rule fired: which rule, where, when it was raised, what triggered it (the observations in the window when
/// the count reached the threshold, or the verified incident) and a sentence saying why. Its marking is the most
/// restrictive of its rule's and of everything that triggered it (<see cref="MostRestrictive"/>), so whoever
/// reads the alert could read what it is made of.
/// </summary>
public sealed class Alert : IMarked
{
    public long Id { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    public long RuleId { get; set; }

    /// <summary>The rule's name when the alert was raised (a rule renamed later does not rewrite its alerts).</summary>
    public string RuleName { get; set; } = string.Empty;

    public AlertRuleKind Kind { get; set; }

    /// <summary>The sector of the episode (threshold), or of most violating observations (verified violation); null when none.</summary>
    public string? SectorCode { get; set; }

    public EventType? Type { get; set; }

    /// <summary>When Truce raised it (the clock of the node that did).</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>Threshold: the observed instant the count in the window reached the threshold — the episode's start.</summary>
    public DateTimeOffset? EpisodeStart { get; set; }

    /// <summary>
    /// Threshold: the observed instant the count fell below the threshold, as far as the observations held say;
    /// later observations may carry it further (see <see cref="Episodes"/>).
    /// </summary>
    public DateTimeOffset? EpisodeEnd { get; set; }

    /// <summary>Threshold: the events counted when it was raised (at least the rule's threshold).</summary>
    public int? Count { get; set; }

    /// <summary>Verified violation: the incident that was verified.</summary>
    public long? IncidentId { get; set; }

    /// <summary>What triggered it: the observations in the window at the episode's start, or the incident's violating ones.</summary>
    public List<AlertObservation> Observations { get; set; } = [];

    /// <summary>Why, in one sentence a monitor reads on a phone.</summary>
    public string Why { get; set; } = string.Empty;
}

/// <summary>One observation that triggered an alert.</summary>
public sealed class AlertObservation
{
    public long ObservationId { get; set; }
}
