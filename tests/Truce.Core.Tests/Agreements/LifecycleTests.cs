using Truce.Core.Agreements;
using Truce.Core.Common;

namespace Truce.Core.Tests.Agreements;

/// <summary>
/// The lifecycle's state machine: each allowed move made and kept in the history, every other move refused
/// with the statuses that may follow, and the dates of effect, expiry and extension worked out by hand.
/// </summary>
public sealed class LifecycleTests
{
    private static readonly DateTimeOffset Effective = new(2025, 3, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Signed = new(2025, 3, 17, 12, 0, 0, TimeSpan.Zero);

    // The machine written out here rather than read from Lifecycle, so that a move added to or dropped from
    // its table fails a test instead of silently changing which pairs the refusal theory covers.
    private static readonly (AgreementStatus From, AgreementStatus To)[] AllowedMoves =
    [
        (AgreementStatus.Proposed, AgreementStatus.InForce),
        (AgreementStatus.Proposed, AgreementStatus.Lapsed),
        (AgreementStatus.InForce, AgreementStatus.Extended),
        (AgreementStatus.InForce, AgreementStatus.Expired),
        (AgreementStatus.InForce, AgreementStatus.Collapsed),
        (AgreementStatus.Extended, AgreementStatus.Extended),
        (AgreementStatus.Extended, AgreementStatus.Expired),
        (AgreementStatus.Extended, AgreementStatus.Collapsed),
    ];

    public static readonly TheoryData<AgreementStatus, AgreementStatus> Allowed = Pairs(allowed: true);

    public static readonly TheoryData<AgreementStatus, AgreementStatus> Refused = Pairs(allowed: false);

    private static TheoryData<AgreementStatus, AgreementStatus> Pairs(bool allowed)
    {
        var rows = new TheoryData<AgreementStatus, AgreementStatus>();
        foreach (var from in Enum.GetValues<AgreementStatus>())
        {
            foreach (var to in Enum.GetValues<AgreementStatus>().Where(to => AllowedMoves.Contains((from, to)) == allowed))
            {
                rows.Add(from, to);
            }
        }

        return rows;
    }

    /// <summary>A 30-day agreement proposed on 11 March 2025 that both parties accepted; not yet in force, and with no instant of effect of its own.</summary>
    private static Agreement Proposal(int? durationDays = 30) => new()
    {
        Key = "test-ceasefire",
        Title = "Test ceasefire",
        Kind = AgreementKind.FullCeasefire,
        Status = AgreementStatus.Proposed,
        ProposedOn = new DateOnly(2025, 3, 11),
        DurationDays = durationDays,
        Parties =
        [
            new PartyAcceptance { ActorCode = "UKR", State = AcceptanceState.Accepted },
            new PartyAcceptance { ActorCode = "RUS", State = AcceptanceState.AcceptedWithConditions, Conditions = "Sanctions on grain exports lifted" },
        ],
    };

    private static void Made(ValidationErrors errors) => Assert.True(errors.IsEmpty, errors.ToString());

    private static Agreement InForce(int? durationDays = 30)
    {
        var agreement = Proposal(durationDays);
        Made(Lifecycle.Move(agreement, AgreementStatus.InForce, Signed, "Both parties signed", "mediator", effectiveFrom: Effective));
        return agreement;
    }

    /// <summary>An agreement brought to <paramref name="status"/> by allowed moves only, as a real one gets there.</summary>
    private static Agreement In(AgreementStatus status)
    {
        switch (status)
        {
            case AgreementStatus.Proposed:
                return Proposal();
            case AgreementStatus.Lapsed:
                var lapsed = Proposal();
                Made(Lifecycle.Move(lapsed, AgreementStatus.Lapsed, Signed, "Talks broke off", "mediator"));
                return lapsed;
            case AgreementStatus.InForce:
                return InForce();
            default:
                var agreement = InForce();
                var (at, days) = MoveFor(agreement, status);
                Made(Lifecycle.Move(agreement, status, at, "On the way to the status under test", "mediator", days));
                return agreement;
        }
    }

    /// <summary>An instant and day count that make the move to <paramref name="to"/> valid on its own terms (so only the machine can refuse it).</summary>
    private static (DateTimeOffset At, int? Days) MoveFor(Agreement agreement, AgreementStatus to) => to switch
    {
        AgreementStatus.Extended => (agreement.ExpiresAt!.Value.AddDays(-1), 30),
        AgreementStatus.Expired => (agreement.ExpiresAt!.Value, null),
        AgreementStatus.Collapsed => (agreement.ExpiresAt!.Value.AddDays(-2), null),
        _ => (new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), null),
    };

    [Fact]
    public void The_machine_allows_exactly_the_moves_written_here()
    {
        foreach (var from in Enum.GetValues<AgreementStatus>())
        {
            Assert.Equal(AllowedMoves.Where(m => m.From == from).Select(m => m.To), Lifecycle.Next(from));
        }
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void An_allowed_move_is_made_and_kept_in_the_history(AgreementStatus from, AgreementStatus to)
    {
        var agreement = In(from);
        var before = agreement.History.Count;
        var (at, days) = to == AgreementStatus.InForce ? (Signed, null) : MoveFor(agreement, to);

        var errors = Lifecycle.Move(agreement, to, at, "  The reason, as the monitor wrote it  ", "monitor-1", days, to == AgreementStatus.InForce ? Effective : null);

        Made(errors);
        Assert.Equal(to, agreement.Status);
        Assert.Equal(before + 1, agreement.History.Count);
        var change = agreement.History[^1];
        Assert.Equal((from, to, at, "The reason, as the monitor wrote it", "monitor-1"), (change.From, change.To, change.At, change.Reason, change.By));
        Assert.Equal(to == AgreementStatus.Extended ? 30 : (int?)null, change.ExtendedByDays);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_move_the_machine_does_not_allow_is_refused_naming_the_statuses_that_may_follow(AgreementStatus from, AgreementStatus to)
    {
        var agreement = In(from);
        var (history, effective, expires) = (agreement.History.Count, agreement.EffectiveFrom, agreement.ExpiresAt);
        var at = (agreement.History.Count == 0 ? Signed : agreement.History[^1].At).AddDays(1);

        var errors = Lifecycle.Move(agreement, to, at, "Tried anyway", "monitor-1", effectiveFrom: Effective).ToDictionary();

        Assert.Equal(["to"], errors.Keys);
        var message = Assert.Single(errors["to"]);
        const string Follows = "it may become: ";
        var may = message[(message.IndexOf(Follows, StringComparison.Ordinal) + Follows.Length)..].TrimEnd('.');
        var expected = AllowedMoves.Where(m => m.From == from).Select(m => Kebab.Of(m.To)).ToList();
        if (expected.Count == 0)
        {
            Assert.Equal("nothing: that is final", may);
        }
        else
        {
            // Compared as a set of words: "collapsed" holds "lapsed", so a plain Contains would prove nothing.
            Assert.Equal(expected.Order(StringComparer.Ordinal), may.Split(", ").Order(StringComparer.Ordinal));
        }

        // Nothing changes when a move is refused: not the status, the history, or the dates.
        Assert.Equal(from, agreement.Status);
        Assert.Equal((history, effective, expires), (agreement.History.Count, agreement.EffectiveFrom, agreement.ExpiresAt));
    }

    [Theory]
    [InlineData(AcceptanceState.AcceptedInPrinciple, "RUS (accepted-in-principle)")]
    [InlineData(AcceptanceState.Rejected, "RUS (rejected)")]
    [InlineData(AcceptanceState.Proposed, "RUS (proposed)")]
    public void It_cannot_come_into_force_until_every_party_is_bound(AcceptanceState state, string named)
    {
        var agreement = Proposal();
        agreement.Parties[1].State = state;

        var errors = Lifecycle.Move(agreement, AgreementStatus.InForce, Signed, "Signed by one side", "mediator", effectiveFrom: Effective).ToDictionary();

        Assert.Equal(["parties"], errors.Keys);
        Assert.Contains(named, errors["parties"][0], StringComparison.Ordinal);
        Assert.DoesNotContain("UKR", errors["parties"][0], StringComparison.Ordinal); // the party that accepted is not blamed
        Assert.Equal((AgreementStatus.Proposed, (DateTimeOffset?)null, 0), (agreement.Status, agreement.EffectiveFrom, agreement.History.Count));
    }

    [Fact]
    public void It_cannot_come_into_force_without_an_instant_of_effect()
    {
        var agreement = Proposal();

        var errors = Lifecycle.Move(agreement, AgreementStatus.InForce, Signed, "Signed", "mediator").ToDictionary();

        Assert.Equal(["effectiveFrom"], errors.Keys);
        Assert.Equal(AgreementStatus.Proposed, agreement.Status);
    }

    [Fact]
    public void An_instant_of_effect_the_agreement_already_has_is_enough()
    {
        var agreement = Proposal();
        agreement.EffectiveFrom = Effective;

        Made(Lifecycle.Move(agreement, AgreementStatus.InForce, Signed, "Signed", "mediator"));

        Assert.Equal(Effective, agreement.EffectiveFrom);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_move_without_a_reason_is_refused(string? reason)
    {
        var agreement = Proposal();

        var errors = Lifecycle.Move(agreement, AgreementStatus.InForce, Signed, reason, "mediator", effectiveFrom: Effective).ToDictionary();

        Assert.Equal(["reason"], errors.Keys);
        Assert.Empty(agreement.History);
    }

    [Fact]
    public void A_move_before_the_last_one_is_refused()
    {
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Collapsed, Signed.AddMinutes(-1), "Shelling resumed", "monitor-1").ToDictionary();

        Assert.Equal(["at"], errors.Keys);
        Assert.Equal(AgreementStatus.InForce, agreement.Status);
    }

    [Fact]
    public void A_move_before_the_agreement_was_proposed_is_refused()
    {
        var agreement = Proposal();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Lapsed, new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero), "Never signed", "mediator").ToDictionary();

        Assert.Equal(["at"], errors.Keys);
    }

    [Fact]
    public void Thirty_days_from_midnight_on_18_March_end_at_midnight_on_17_April()
    {
        // March has 31 days: 14 days take midnight on the 18th to midnight on 1 April, and the other 16 reach 17 April.
        var agreement = InForce();

        Assert.Equal(new DateTimeOffset(2025, 4, 17, 0, 0, 0, TimeSpan.Zero), agreement.ExpiresAt);
    }

    [Fact]
    public void Extending_by_30_days_before_expiry_moves_the_end_to_17_May()
    {
        var agreement = InForce();

        Made(Lifecycle.Move(agreement, AgreementStatus.Extended, new DateTimeOffset(2025, 4, 16, 18, 0, 0, TimeSpan.Zero), "Extended by the parties", "mediator", days: 30));

        Assert.Equal(30, agreement.ExtensionDays);
        Assert.Equal(new DateTimeOffset(2025, 5, 17, 0, 0, 0, TimeSpan.Zero), agreement.ExpiresAt);
    }

    [Fact]
    public void Two_extensions_add_up()
    {
        var agreement = In(AgreementStatus.Extended); // extended once, by 30 days, to 17 May

        Made(Lifecycle.Move(agreement, AgreementStatus.Extended, new DateTimeOffset(2025, 5, 10, 0, 0, 0, TimeSpan.Zero), "Extended again", "mediator", days: 14));

        Assert.Equal(44, agreement.ExtensionDays);
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 0, 0, 0, TimeSpan.Zero), agreement.ExpiresAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void An_extension_at_or_after_expiry_is_refused(int daysAfter)
    {
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Extended, agreement.ExpiresAt!.Value.AddDays(daysAfter), "Too late", "mediator", days: 30).ToDictionary();

        Assert.Equal(["at"], errors.Keys);
        Assert.Equal(new DateTimeOffset(2025, 4, 17, 0, 0, 0, TimeSpan.Zero), agreement.ExpiresAt);
    }

    [Fact]
    public void It_cannot_expire_before_its_end()
    {
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Expired, new DateTimeOffset(2025, 4, 16, 23, 59, 0, TimeSpan.Zero), "Ran out", "mediator").ToDictionary();

        Assert.Equal(["at"], errors.Keys);
        Assert.Equal(AgreementStatus.InForce, agreement.Status);
    }

    [Fact]
    public void It_expires_at_its_end()
    {
        var agreement = InForce();

        Made(Lifecycle.Move(agreement, AgreementStatus.Expired, new DateTimeOffset(2025, 4, 17, 0, 0, 0, TimeSpan.Zero), "Ran out", "mediator"));

        Assert.Equal(AgreementStatus.Expired, agreement.Status);
    }

    [Fact]
    public void An_agreement_with_no_duration_can_neither_expire_nor_be_extended()
    {
        var agreement = InForce(durationDays: null);
        var later = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var expire = Lifecycle.Move(agreement, AgreementStatus.Expired, later, "Ran out", "mediator").ToDictionary();
        var extend = Lifecycle.Move(agreement, AgreementStatus.Extended, later, "Extended", "mediator", days: 30).ToDictionary();

        Assert.Null(agreement.ExpiresAt);
        Assert.Equal(["to"], expire.Keys);
        Assert.Equal(["to"], extend.Keys);
        Assert.Equal(AgreementStatus.InForce, agreement.Status);
    }

    [Fact]
    public void It_cannot_collapse_before_it_took_effect()
    {
        // Signed at noon on the 17th to take effect at midnight: a collapse in between is before its effect.
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Collapsed, Effective.AddHours(-6), "Shelling", "monitor-1").ToDictionary();

        Assert.Equal(["at"], errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Lifecycle.MaxDays + 1)]
    public void An_extension_of_days_out_of_range_is_refused(int days)
    {
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Extended, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), "Extended", "mediator", days: days).ToDictionary();

        Assert.Equal(["days"], errors.Keys);
        Assert.Equal(0, agreement.ExtensionDays);
    }

    [Fact]
    public void An_extension_must_say_by_how_many_days()
    {
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Extended, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), "Extended", "mediator").ToDictionary();

        Assert.Equal(["days"], errors.Keys);
    }

    [Fact]
    public void Only_an_extension_adds_days()
    {
        var agreement = InForce();

        var errors = Lifecycle.Move(agreement, AgreementStatus.Collapsed, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), "Shelling", "monitor-1", days: 30).ToDictionary();

        Assert.Equal(["days"], errors.Keys);
        Assert.Equal(new DateTimeOffset(2025, 4, 17, 0, 0, 0, TimeSpan.Zero), agreement.ExpiresAt);
    }

    [Fact]
    public void It_binds_from_its_effect_until_its_end()
    {
        var agreement = InForce();

        Assert.False(agreement.IsInForceAt(Effective.AddTicks(-1)), "before its effect");
        Assert.True(agreement.IsInForceAt(Effective), "at its effect");
        Assert.True(agreement.IsInForceAt(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)), "during");
        Assert.True(agreement.IsInForceAt(new DateTimeOffset(2025, 4, 16, 23, 59, 59, TimeSpan.Zero)), "the last second");
        Assert.False(agreement.IsInForceAt(new DateTimeOffset(2025, 4, 17, 0, 0, 0, TimeSpan.Zero)), "at its end");
    }

    [Fact]
    public void An_extension_keeps_it_binding_past_its_first_end()
    {
        var agreement = In(AgreementStatus.Extended);

        Assert.True(agreement.IsInForceAt(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(agreement.IsInForceAt(new DateTimeOffset(2025, 5, 17, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void After_it_collapses_it_no_longer_binds_but_did_before()
    {
        var agreement = InForce();
        var collapse = new DateTimeOffset(2025, 4, 1, 6, 0, 0, TimeSpan.Zero);
        Made(Lifecycle.Move(agreement, AgreementStatus.Collapsed, collapse, "Offensive resumed", "monitor-1"));

        Assert.True(agreement.IsInForceAt(collapse.AddTicks(-1)), "before the collapse, the record still says it bound");
        Assert.False(agreement.IsInForceAt(collapse), "at the collapse");
        Assert.False(agreement.IsInForceAt(new DateTimeOffset(2025, 4, 10, 0, 0, 0, TimeSpan.Zero)), "after the collapse");
    }

    [Fact]
    public void A_proposal_that_never_came_into_force_never_binds()
    {
        // It names an instant of effect and a duration, but no party's acceptance ever made it law.
        var proposal = Proposal();
        proposal.EffectiveFrom = Effective;
        var lapsed = Proposal();
        lapsed.EffectiveFrom = Effective;
        Made(Lifecycle.Move(lapsed, AgreementStatus.Lapsed, Signed, "Talks broke off", "mediator"));
        var during = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(proposal.IsInForceAt(during));
        Assert.False(lapsed.IsInForceAt(during));
    }
}
