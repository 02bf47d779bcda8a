using Truce.Core.Common;

namespace Truce.Core.Coalition;

public sealed record ActorView(string Code, string Kind, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<ActorRoleView> Roles, string? Membership)
{
    public static ActorView From(Actor a, CoalitionRole? membership) => new(
        a.Code,
        Kebab.Of(a.Kind),
        a.Name,
        a.Aliases.ToList(),
        a.Roles.Select(r => new ActorRoleView(r.Title, r.OfCode, r.From, r.To)).ToList(),
        membership is { } m ? Kebab.Of(m) : null);
}

public sealed record ActorRoleView(string Title, string Of, DateOnly? From, DateOnly? To);

public sealed record MemberView(string Code, string Name, string Kind, string Role, DateOnly? Since, string? Note, int Pledges, IReadOnlyList<CitationSummary> Sources);

public sealed record CitationSummary(string Url, string? Publisher, DateOnly? Date, string? Quote)
{
    public static CitationSummary From(Citation c) => new(c.Url, c.Publisher, c.Date, c.Quote);
}

public sealed record MeetingView(
    int Id,
    string Key,
    string Title,
    DateOnly Date,
    string Format,
    string? Place,
    string? Host,
    string? Summary,
    IReadOnlyList<string> Outcomes,
    string? ParticipantsReported,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<CitationSummary> Sources);

public sealed record ParticipantView(string Actor, string ActorName, string? RepresentedBy, string? RepresentedByName, string Role, string Confidence);
