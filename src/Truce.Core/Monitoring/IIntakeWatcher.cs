namespace Truce.Core.Monitoring;

/// <summary>Observations of one type in one sector (null: outside every sector) that a batch added, between two observed instants.</summary>
public sealed record IntakeTouch(EventType Type, string? SectorCode, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Hears of every batch of observations once it is committed, whichever path it came by (API, form, file,
/// CLI). A seam so that a module built on Monitoring (Alerts) follows intake without Monitoring knowing it:
/// modules depend one way. A watcher reads what it needs from the store, so it sees what every node committed.
/// </summary>
public interface IIntakeWatcher
{
    /// <summary>Called after the commit; a watcher's failure is its own (logged), never the batch's, which is already stored.</summary>
    Task CommittedAsync(IReadOnlyList<IntakeTouch> touched, CancellationToken ct);
}
