namespace Truce.Core.Commitments;

/// <summary>What kind of help a pledge offers; the lines of effort of the coalition.</summary>
public enum PledgeCategory
{
    Troops,
    Air,
    Maritime,
    AirDefence,
    Isr,
    Logistics,
    Medical,
    Engineering,
    Training,
    Monitoring,
    Funding,
    MilitaryAid,
    Sanctions,
}

/// <summary>
/// How far a pledge has travelled from words to deeds, after the Kiel Ukraine Support Tracker's split of
/// commitments from allocations. Stages move forward only; <see cref="Withdrawn"/> may follow any of them.
/// </summary>
public enum PledgeStage
{
    Announced,
    Committed,
    Allocated,
    Delivered,
    Disbursed,
    Withdrawn,
}

/// <summary>
/// A condition a member attached to a pledge. Typed, not free text, so that planning can ask "what is
/// left without a US backstop?" and get an exact answer.
/// </summary>
public enum ConditionKind
{
    AfterCeasefire,
    UsBackstop,
    UnMandate,
    ParliamentaryApproval,
    OnRequest,
    NoBasingInUkraine,
    AwayFromFrontLine,
    LogisticsOnly,
    UsInvolvement,
    PoliticalFramework,
}
