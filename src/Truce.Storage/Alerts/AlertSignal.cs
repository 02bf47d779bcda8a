namespace Truce.Storage.Alerts;

/// <summary>
/// How a raised alert leaves the transaction that stored it for the browsers that should see it. On PostgreSQL
/// the transaction itself sends <c>NOTIFY truce_alerts, '&lt;id&gt;'</c>, which PostgreSQL delivers at commit to
/// every node listening, this one included (decision 30); on SQLite, one node by design, the alert's id is
/// announced here in the process once committed. Either way only the id travels: each node reads the alert and
/// checks each reader's marking itself.
/// </summary>
public sealed class AlertSignal
{
    /// <summary>The PostgreSQL channel every node listens on.</summary>
    public const string Channel = "truce_alerts";

    /// <summary>Ids of alerts committed in this process (SQLite only; on PostgreSQL they come by <see cref="Channel"/>).</summary>
    public event Action<long>? Raised;

    internal void Announce(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            Raised?.Invoke(id);
        }
    }
}
