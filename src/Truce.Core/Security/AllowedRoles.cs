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

    /// <summary>Take documents in (news, communiqués, transcripts) and act on what is found in them.</summary>
    public static readonly AllowedRoles RecordSources = new("analysts and admins", Role.Admin, Role.Analyst);

    /// <summary>
    /// Deciding the candidates found in documents — accepting one, with what it makes (a position, a new pledge of
    /// any member, a statement added as a source of a pledge), or dismissing it: those who take the documents in,
    /// analysts and admins (decision 34). The same roles as <see cref="RecordSources"/>, so the queue has one door.
    /// </summary>
    public static readonly AllowedRoles DecideCandidates = RecordSources;

    /// <summary>Making, changing and disabling alert rules (reading alerts is everyone's, as markings allow).</summary>
    public static readonly AllowedRoles ManageAlertRules = new("analysts and admins", Role.Admin, Role.Analyst);

    /// <summary>Accounts, tokens, the audit trail, the demo data.</summary>
    public static readonly AllowedRoles Administer = new("admins", Role.Admin);

    /// <summary>
    /// Who may write a pledge of <paramref name="memberCode"/>: those who edit pledges (a liaison only its own
    /// member's: <see cref="Principal.MayEditPledgeOf"/>); and, when the write accepts a candidate found in a document
    /// (the pledge a statement announces, or the statement as a source of a pledge), those who decide candidates,
    /// for any member — the pledge then cites the statement it rests on (decision 34).
    /// </summary>
    public static bool MayWritePledge(Principal who, string memberCode, bool acceptingCandidate) =>
        acceptingCandidate ? DecideCandidates.Allows(who) : who.MayEditPledgeOf(memberCode);

    public bool Allows(Principal who) => !who.IsAnonymous && Roles.Contains(who.Role);

    /// <summary>Null when <paramref name="who"/> may; otherwise the refusal, saying who may <paramref name="act"/>.</summary>
    public Outcome.Refusal? Check(Principal who, string act) =>
        Allows(who) ? null : Outcome.Refused($"Only {Who} may {act}; {who.Name} is a {who.RoleName}.");
}
