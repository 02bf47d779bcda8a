using Truce.Core.Common;

namespace Truce.Core.Security;

/// <summary>
/// Who is acting: a signed-in user, a token holder, the operator at the CLI, or Truce itself doing a job.
/// Every service call is given one, explicitly: reads see what it may see, writes are refused what its role
/// forbids and record who did them. There is no ambient principal to forget.
/// </summary>
public sealed record Principal(string Name, Role Role, string? MemberCode)
{
    /// <summary>The operator running <c>truce</c> on the server itself: local access is admin access.</summary>
    public static Principal Operator(string osUser) => new($"cli:{osUser}", Role.Admin, null);

    /// <summary>Nobody signed in: sees PUBLIC records only. The default wherever no principal was set.</summary>
    public static readonly Principal Anonymous = new("anonymous", Role.Viewer, null) { IsAnonymous = true };

    /// <summary>
    /// Truce itself doing a job no request asked for (start-up, loading the demo data, and later reports,
    /// fusion and imports): an admin that sees every marking, named for its job. Its reads are logged, so
    /// what a job read beyond any person's view can be traced.
    /// </summary>
    public static Principal System(string job) => new($"system:{job}", Role.Admin, null) { Job = job };

    public bool IsAnonymous { get; private init; }

    /// <summary>The job a system principal does; null for people, tokens and the operator.</summary>
    public string? Job { get; private init; }

    public bool IsSystem => Job is not null;

    /// <summary>Admins see every record, whatever its marking.</summary>
    public bool SeesAll => Role == Role.Admin && !IsAnonymous;

    /// <summary>
    /// The releasability rule, in memory. The storage layer applies the same rule in its query filters
    /// (<c>TruceDb</c>); this copy serves checks on writes ("would you still see what you wrote?").
    /// </summary>
    public bool MaySee(Marking marking) => SeesAll || marking.Level switch
    {
        MarkingLevel.Public => true,
        MarkingLevel.Coalition => !IsAnonymous,
        MarkingLevel.RelTo => !IsAnonymous && SeesOwnMemberMarkings && MemberCode is not null && marking.RelToList.Contains(Marking.Token(MemberCode), StringComparison.Ordinal),
        _ => !IsAnonymous && SeesOwnMemberMarkings && MemberCode is not null && marking.Owner == MemberCode,
    };

    /// <summary>A viewer sees COALITION only, even when the account names a member; other roles see their member's REL TO and NATIONAL records.</summary>
    public bool SeesOwnMemberMarkings => Role != Role.Viewer;

    /// <summary>
    /// Whether this principal may create or change a pledge of <paramref name="memberCode"/>; a liaison
    /// speaks for one member only.
    /// </summary>
    public bool MayEditPledgeOf(string memberCode) => AllowedRoles.EditPledges.Allows(this)
        && (Role != Role.Liaison || (MemberCode is not null && string.Equals(MemberCode, memberCode, StringComparison.Ordinal)));

    public string RefusalToEditPledgeOf(string memberCode) => Role switch
    {
        Role.Viewer => "A viewer may not change pledges.",
        Role.Liaison => $"A liaison of {MemberCode ?? "no member"} may change only that member's pledges, not those of {memberCode}.",
        _ => "Not allowed.",
    };

    public string RoleName => Kebab.Of(Role);
}
