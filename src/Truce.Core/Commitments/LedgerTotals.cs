using Truce.Core.Common;

namespace Truce.Core.Commitments;

/// <summary>The ledger's figures for the dashboard: what is pledged, and how much of it hangs on a condition.</summary>
public sealed record LedgerTotals(
    int Members,
    int Pledges,
    IReadOnlyList<CategoryStageCount> ByCategoryAndStage,
    long TroopsPledged,
    long TroopsNeedingUsBackstop,
    long TroopsNeedingUnMandate,
    long TroopsNeedingEither,
    decimal FundingAndAidEur);

public sealed record CategoryStageCount(string Category, string Stage, int Count);
