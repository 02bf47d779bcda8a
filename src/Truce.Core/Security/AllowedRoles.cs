using Truce.Core.Common;

namespace Truce.Core.Security;

/// <summary>
/// Which roles may do a kind of act. The web's authorization policies and the services' own checks (which
/// the CLI and jobs meet too) read the same list, so a role cannot be allowed at one door and refused at the
/// other.
/// </summary>
/// <param name="Who">The roles in words, for refusals ("planners and admins").</param>
public sealed record AllowedRoles(string Who, params Role[] Roles)
{
    /// <summary>Entering and changing pledges (a liaison only for its own member: <see cref="Principal.MayEditPledgeOf"/>).</summary>
    public static readonly AllowedRoles EditPledges = new("admins, planners and liaisons", Role.Admin, Role.Planner, Role.Liaison);

    /// <summary>Changing a mission's requirements and saving scenarios.</summary>
    public static readonly AllowedRoles EditPlanning = new("planners and admins", Role.Admin, Role.Planner);

    /// <summary>Recording agreements, moving them through their lifecycle, importing geography layers.</summary>
    public static readonly AllowedRoles EditAgreements = new("analysts and admins", Role.Admin, Role.Analyst);

    /// <summary>Submitting observations: monitors, analysts and admins (a feed's token also needs the ingest scope).</summary>
    public static readonly AllowedRoles SubmitObservations = new("monitors, analysts and admins", Role.Admin, Role.Analyst, Role.Monitor);

    /// <summary>Making incidents of observations and moving them through review (verifying is the verifiers' and admins': <c>VerificationFlow</c>).</summary>
    public static readonly AllowedRoles ReviewIncidents = new("analysts, verifiers and admins", Role.Admin, Role.Analyst, Role.Verifier);

    /// <summary>Making, changing and disabling alert rules (reading alerts is everyone's, as markings allow).</summary>
    /// <summary>Take documents in (news, communiqués, transcripts) and act on what is found in them.</summary>
    public static readonly AllowedRoles RecordSources = new("analysts and admins", Role.Admin, Role.Analyst);

    public static readonly AllowedRoles ManageAlertRules = new("analysts and admins", Role.Admin, Role.Analyst);

    /// <summary>Accounts, tokens, the audit trail, the demo data.</summary>
    public static readonly AllowedRoles Administer = new("admins", Role.Admin);

    public bool Allows(Principal who) => !who.IsAnonymous && Roles.Contains(who.Role);

    /// <summary>Null when <paramref name="who"/> may; otherwise the refusal, saying who may <paramref name="act"/>.</summary>
    public Outcome.Refusal? Check(Principal who, string act) =>
        Allows(who) ? null : Outcome.Refused($"Only {Who} may {act}; {who.Name} is a {who.RoleName}.");
}
