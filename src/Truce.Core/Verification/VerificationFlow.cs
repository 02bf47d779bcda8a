using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Verification;

/// <summary>Where an incident stands in verification, from first report to a verdict.</summary>
public enum VerificationState
{
    Reported,
    UnderReview,
    Corroborated,
    Verified,
    Disputed,
    Rejected,
}

/// <summary>What was done to an incident, as its history lists it.</summary>
public enum IncidentAct
{
    /// <summary>Moved through verification (the only act that changes <see cref="Incident.State"/>).</summary>
    Moved,
    Created,
    ObservationsAdded,
    Merged,
    SplitOff,
    Attributed,
    MarkingReleased,
    HelpAsked,
}

/// <summary>One entry of an incident's history: a move through verification (from, to) or another act, when, by whom in which role, and why.</summary>
public sealed class VerificationStep
{
    public IncidentAct Act { get; set; } = IncidentAct.Moved;

    public VerificationState From { get; set; }

    public VerificationState To { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    public Role Role { get; set; }

    public required string Reason { get; set; }
}

/// <summary>
/// The verification workflow as a state machine: reported → under review → corroborated → verified, disputed
/// or rejected, and back to review when new evidence comes. Each move is allowed to some roles only, needs an
/// explanation, and is kept. Corroboration needs two independent sources (two channels repeating one post are
/// one source); verification needs a second person — whoever corroborated an incident may not also verify it.
/// </summary>
public static class VerificationFlow
{
    public const int MinimumIndependentSources = 2;

    public const int MaxReason = 2000;

    private static readonly Role[] Reviewers = [Role.Analyst, Role.Verifier, Role.Admin];
    private static readonly Role[] Deciders = [Role.Verifier, Role.Admin];

    private static readonly Dictionary<(VerificationState From, VerificationState To), Role[]> Allowed = new()
    {
        [(VerificationState.Reported, VerificationState.UnderReview)] = Reviewers,
        [(VerificationState.Reported, VerificationState.Rejected)] = Reviewers,
        [(VerificationState.UnderReview, VerificationState.Corroborated)] = Reviewers,
        [(VerificationState.UnderReview, VerificationState.Rejected)] = Reviewers,
        [(VerificationState.UnderReview, VerificationState.Reported)] = Reviewers,
        [(VerificationState.Corroborated, VerificationState.Verified)] = Deciders,
        [(VerificationState.Corroborated, VerificationState.Disputed)] = Deciders,
        [(VerificationState.Corroborated, VerificationState.UnderReview)] = Reviewers,
        [(VerificationState.Verified, VerificationState.Disputed)] = Deciders,
        [(VerificationState.Disputed, VerificationState.UnderReview)] = Reviewers,
        [(VerificationState.Rejected, VerificationState.UnderReview)] = Deciders,
    };

    /// <summary>The states <paramref name="from"/> may move to for <paramref name="role"/>.</summary>
    public static IReadOnlyList<VerificationState> Next(VerificationState from, Role role) =>
        [.. Allowed.Where(a => a.Key.From == from && a.Value.Contains(role)).Select(a => a.Key.To)];

    /// <summary>
    /// Checks a move of an incident in <paramref name="from"/> to <paramref name="to"/> by <paramref name="who"/>;
    /// the errors name the field at fault (<c>to</c>, <c>reason</c>, <c>sources</c>, <c>by</c>). Empty when allowed.
    /// </summary>
    /// <param name="independentSources">How many independent sources the incident's observations come from (<see cref="IndependentSources"/>).</param>
    /// <param name="history">The incident's moves so far, oldest first.</param>
    public static ValidationErrors Check(VerificationState from, VerificationState to, Principal who, string? reason, int independentSources, IReadOnlyList<VerificationStep> history, DateTimeOffset at)
    {
        var errors = new ValidationErrors();
        if (!Allowed.TryGetValue((from, to), out var roles))
        {
            errors.Add("to", Refusal(from, to));
            return errors;
        }

        if (!roles.Contains(who.Role))
        {
            var may = string.Join(", ", Next(from, who.Role).Select(Kebab.Of));
            errors.Add("to", $"A {who.RoleName} may not move an incident from {Kebab.Of(from)} to {Kebab.Of(to)}; only {Names(roles)} may. {(may.Length == 0 ? "A " + who.RoleName + " may not move it from here." : "A " + who.RoleName + " may move it to: " + may + ".")}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Required: say why, for the incident's history.");
        }
        else if (reason.Trim().Length > MaxReason)
        {
            errors.Add("reason", $"At most {MaxReason.ToString("N0", CultureInfo.InvariantCulture)} characters.");
        }

        if (to == VerificationState.Corroborated && independentSources < MinimumIndependentSources)
        {
            errors.Add("sources", $"Corroboration needs at least {MinimumIndependentSources} independent sources; this incident has {independentSources}. Reports that repeat one original count once.");
        }

        if (to == VerificationState.Verified && history.LastOrDefault(s => s.Act == IncidentAct.Moved && s.To == VerificationState.Corroborated) is { } corroborated && corroborated.By == who.Name)
        {
            errors.Add("by", $"{who.Name} corroborated this incident; a second person verifies it.");
        }

        if (history.Count > 0 && at < history.Max(s => s.At))
        {
            errors.Add("at", "A move must not come before the last one.");
        }

        return errors;
    }

    /// <summary>
    /// How many independent sources a set of reports comes from: each report counts for its origin (the
    /// original post a channel repeats) when it has one, else for its source.
    /// </summary>
    public static int IndependentSources(IEnumerable<(string Source, string? Origin)> reports) =>
        reports.Select(r => string.IsNullOrWhiteSpace(r.Origin) ? "source:" + r.Source : "origin:" + r.Origin).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Why a move the machine does not have is refused, and where the incident may go instead.</summary>
    public static string Refusal(VerificationState from, VerificationState to)
    {
        var next = Allowed.Keys.Where(k => k.From == from).Select(k => Kebab.Of(k.To)).Distinct().ToList();
        var why = from == to ? $"It is already {Kebab.Of(from)}." : $"An incident {Kebab.Of(from)} cannot become {Kebab.Of(to)}.";
        return $"{why} From {Kebab.Of(from)} it may become: {string.Join(", ", next)}.";
    }

    private static string Names(Role[] roles) => string.Join(", ", roles.Select(r => Kebab.Of(r) + "s"));
}
