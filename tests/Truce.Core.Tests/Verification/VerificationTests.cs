using Truce.Core.Security;
using Truce.Core.Verification;

namespace Truce.Core.Tests.Verification;

/// <summary>The verification workflow: every move for every role, allowed exactly where the table says; reasons, corroboration and the second person.</summary>
public sealed class VerificationTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 20, 12, 0, 0, TimeSpan.Zero);

    // The whole table, written out once more by hand, so a change to the machine shows here.
    private static readonly HashSet<(VerificationState, VerificationState, Role)> Expected =
    [
        .. Moves(VerificationState.Reported, VerificationState.UnderReview, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Reported, VerificationState.Rejected, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.UnderReview, VerificationState.Corroborated, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.UnderReview, VerificationState.Rejected, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.UnderReview, VerificationState.Reported, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Corroborated, VerificationState.Verified, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Corroborated, VerificationState.Disputed, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Corroborated, VerificationState.UnderReview, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Verified, VerificationState.Disputed, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Disputed, VerificationState.UnderReview, Role.Analyst, Role.Verifier, Role.Admin),
        .. Moves(VerificationState.Rejected, VerificationState.UnderReview, Role.Verifier, Role.Admin),
    ];

    public static TheoryData<VerificationState, VerificationState, Role> Every()
    {
        var data = new TheoryData<VerificationState, VerificationState, Role>();
        foreach (var from in Enum.GetValues<VerificationState>())
        {
            foreach (var to in Enum.GetValues<VerificationState>())
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    data.Add(from, to, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Each_move_is_allowed_to_exactly_the_roles_the_table_gives(VerificationState from, VerificationState to, Role role)
    {
        var who = new Principal("someone", role, null);

        var errors = VerificationFlow.Check(from, to, who, "Two patrols and a camera agree.", independentSources: 3, history: [], At);

        Assert.Equal(Expected.Contains((from, to, role)), errors.IsEmpty);
        if (!errors.IsEmpty)
        {
            Assert.Equal(["to"], errors.ToDictionary().Keys);
        }
    }

    [Fact]
    public void A_move_needs_a_reason()
    {
        var errors = VerificationFlow.Check(VerificationState.Reported, VerificationState.UnderReview, new Principal("ana", Role.Analyst, null), "  ", 1, [], At);

        Assert.Equal(["reason"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Corroboration_counts_independent_sources_only()
    {
        var analyst = new Principal("ana", Role.Analyst, null);
        (string, string?)[] twoChannelsOnePost = [("telegram-a", "post-123"), ("telegram-b", "post-123")];
        (string, string?)[] channelAndPatrol = [("telegram-a", "post-123"), ("osce-team-3", null)];

        var one = VerificationFlow.IndependentSources(twoChannelsOnePost);
        var two = VerificationFlow.IndependentSources(channelAndPatrol);

        Assert.Equal((1, 2), (one, two));
        Assert.Equal(["sources"], VerificationFlow.Check(VerificationState.UnderReview, VerificationState.Corroborated, analyst, "Seen twice.", one, [], At).ToDictionary().Keys);
        Assert.True(VerificationFlow.Check(VerificationState.UnderReview, VerificationState.Corroborated, analyst, "Seen by a patrol too.", two, [], At).IsEmpty);
    }

    [Fact]
    public void Whoever_corroborated_an_incident_may_not_also_verify_it()
    {
        var history = new List<VerificationStep> { new() { From = VerificationState.UnderReview, To = VerificationState.Corroborated, At = At, By = "vera", Role = Role.Verifier, Reason = "Two sources." } };

        var same = VerificationFlow.Check(VerificationState.Corroborated, VerificationState.Verified, new Principal("vera", Role.Verifier, null), "Confirmed.", 2, history, At.AddHours(1));
        var second = VerificationFlow.Check(VerificationState.Corroborated, VerificationState.Verified, new Principal("victor", Role.Verifier, null), "Confirmed.", 2, history, At.AddHours(1));

        Assert.Equal(["by"], same.ToDictionary().Keys);
        Assert.True(second.IsEmpty);
    }

    [Fact]
    public void A_refused_move_says_where_the_incident_may_go()
    {
        var errors = VerificationFlow.Check(VerificationState.Reported, VerificationState.Verified, new Principal("vera", Role.Verifier, null), "Sure.", 2, [], At);

        Assert.Equal("An incident reported cannot become verified. From reported it may become: under-review, rejected.", Assert.Single(errors.ToDictionary()["to"]));
    }

    private static IEnumerable<(VerificationState, VerificationState, Role)> Moves(VerificationState from, VerificationState to, params Role[] roles) => roles.Select(r => (from, to, r));
}
