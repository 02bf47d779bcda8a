namespace Truce.Core.Security;

/// <summary>
/// Failed sign-ins from one network address within a window. Kept in the database, not in a node's memory,
/// so that an address spraying passwords across several nodes behind a load balancer meets one count.
/// </summary>
public sealed class AddressThrottle
{
    public const int MaxFailures = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public required string Address { get; set; }

    public int Failures { get; set; }

    /// <summary>When the window began, in UTC ticks: a plain integer, so both stores compare it the same way in one statement.</summary>
    public long WindowStartedTicks { get; set; }
}
