using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Coalition;

public enum MeetingFormat
{
    InPerson,
    Virtual,
    Hybrid,
}

public enum ParticipantRole
{
    Host,
    CoHost,
    Participant,
    Observer,
}

/// <summary>
/// A meeting of the coalition. Reported head counts disagree ("around 25", "29 nations"), so the reported
/// phrase is kept as written alongside the participants that sources actually name.
/// </summary>
public sealed class Meeting : IMarked
{
    public Marking Marking { get; set; } = Marking.Coalition();

    public int Id { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    public MeetingFormat Format { get; set; }

    public string? Place { get; set; }

    public string? HostCode { get; set; }

    public string? Summary { get; set; }

    public List<string> Outcomes { get; set; } = [];

    public string? ParticipantsReported { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];

    public List<Citation> Sources { get; set; } = [];
}
