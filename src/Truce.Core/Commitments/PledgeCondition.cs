using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

public sealed class PledgeCondition
{
    public ConditionKind Kind { get; set; }

    public string? Note { get; set; }
}
