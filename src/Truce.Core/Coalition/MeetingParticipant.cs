using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Coalition;

public sealed class MeetingParticipant
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string ActorCode { get; set; }

    public Actor? Actor { get; set; }

    /// <summary>The person who attended for a state or organisation, when sources name them.</summary>
    public string? RepresentedByCode { get; set; }

    public Actor? RepresentedBy { get; set; }

    public ParticipantRole Role { get; set; }

    public Confidence Confidence { get; set; }
}
