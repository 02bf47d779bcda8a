namespace Truce.Core.Verification;

/// <summary>
/// Hears of every move of an incident through verification, once the move is committed. A seam so that a module built on
/// Verification (Alerts) follows it without Verification knowing it: modules depend one way.
/// </summary>
public interface IVerificationWatcher
{
    /// <summary>Called after the commit; a watcher's failure is its own (logged), never the move's, which is already stored.</summary>
    Task MovedAsync(long incidentId, VerificationState state, CancellationToken ct);
}
