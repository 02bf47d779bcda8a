using Truce.Core.Common;

namespace Truce.Core.Security;

/// <summary>
/// Who is acting: a signed-in user, a token holder, or the operator at the CLI. Every write takes one,
/// so the ledger can both refuse what the role forbids and record who did it.
/// </summary>
public sealed record Principal(string Name, Role Role, string? MemberCode)
{
    /// <summary>The operator running <c>truce</c> on the server itself: local access is admin access.</summary>
    public static Principal Operator(string osUser) => new($"cli:{osUser}", Role.Admin, null);

    public bool CanEditPledges => Role is Role.Admin or Role.Planner or Role.Liaison;

    /// <summary>
    /// Whether this principal may create or change a pledge of <paramref name="memberCode"/>; a liaison
    /// speaks for one member only.
    /// </summary>
    public bool MayEditPledgeOf(string memberCode) => Role switch
    {
        Role.Admin or Role.Planner => true,
        Role.Liaison => MemberCode is not null && string.Equals(MemberCode, memberCode, StringComparison.Ordinal),
        _ => false,
    };

    public string RefusalToEditPledgeOf(string memberCode) => Role switch
    {
        Role.Viewer => "A viewer may not change pledges.",
        Role.Liaison => $"A liaison of {MemberCode ?? "no member"} may change only that member's pledges, not those of {memberCode}.",
        _ => "Not allowed.",
    };

    public string RoleName => Kebab.Of(Role);
}
