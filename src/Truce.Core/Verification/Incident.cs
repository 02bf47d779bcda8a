using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Security;

namespace Truce.Core.Verification;

/// <summary>
/// One event as the mission has established it from one or more observations (a patrol, a camera, two
/// channels, a party's complaint): where it stands in verification (<see cref="VerificationFlow"/>), whom it
/// is attributed to and how surely, who is working on it, and every move with who, when and why. Its
/// marking is the most restrictive of its observations' unless an analyst released it (audited).
/// </summary>
public sealed class Incident : IMarked
{
    public long Id { get; set; }

    public Marking Marking { get; set; } = Marking.Coalition();

    public VerificationState State { get; set; } = VerificationState.Reported;

    public EventType Type { get; set; }

    /// <summary>The earliest start and latest end of its observations' windows.</summary>
    public DateTimeOffset ObservedFrom { get; set; }

    public DateTimeOffset ObservedTo { get; set; }

    /// <summary>The gravest finding among its observations', kept on it so that a released incident can be counted (on the public page) without its observations.</summary>
    public WorstVerdict Worst { get; set; }

    /// <summary>The oblast most of its observations were placed in, if any.</summary>
    public string? Oblast { get; set; }

    /// <summary>The sector most of its observations were placed in, if any.</summary>
    public string? SectorCode { get; set; }

    /// <summary>The mean position of its observations.</summary>
    public double Lat { get; set; }

    public double Lon { get; set; }

    /// <summary>The party it is attributed to (an actor code), as the mission assesses it — not as claimed.</summary>
    public string? AttributedTo { get; set; }

    public Confidence? AttributionConfidence { get; set; }

    /// <summary>The analyst working on it, so two do not work on the same incident.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>What the analyst on it asked for help with; none when nobody asked. Cleared by the next move.</summary>
    public string? HelpWanted { get; set; }

    /// <summary>
    /// Who released the marking to a wider one than its observations' (audited); none while it is the most
    /// restrictive of its observations', recomputed whenever they change.
    /// </summary>
    public string? MarkingReleasedBy { get; set; }

    public List<VerificationStep> History { get; set; } = [];

    /// <summary>The reports it is made of, by source and external id, so a revised report stays in it.</summary>
    public List<IncidentReport> Reports { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>Bumped by every change, for optimistic concurrency (If-Match).</summary>
    public int Version { get; set; } = 1;
}

/// <summary>A report (a source's observation, whatever its version) that belongs to an incident; a report belongs to one incident at most.</summary>
public sealed class IncidentReport
{
    public required string Source { get; set; }

    public required string ExternalId { get; set; }
}
