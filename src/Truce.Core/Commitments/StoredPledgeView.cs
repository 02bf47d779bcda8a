namespace Truce.Core.Commitments;

/// <summary>
/// A pledge as it is read (its <see cref="PledgeView"/> as JSON), stored by every write of the pledge so that
/// reads return it without rebuilding it from the rows. It leaves out the member's name, which each reader
/// gets as the markings let them see it. Derived data, kept beside the pledge rather than in its row so that
/// scans of the ledger stay narrow; unlike a revision's snapshot (history), it changes.
/// </summary>
public sealed class StoredPledgeView
{
    public int PledgeId { get; set; }

    public required string Json { get; set; }
}
