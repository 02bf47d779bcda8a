using Truce.Core.Monitoring;

namespace Truce.Core.Verification;

/// <summary>
/// An observation as fusion sees it: who reported what, where and when. Fusion needs no more than this, so it can
/// run over a day's batch in memory without loading attachments or markings.
/// </summary>
/// <param name="Id">The observation's id; candidates name their reports by it.</param>
/// <param name="Source">Who sent the report (a patrol team, a camera, a channel). One source does not report one event
/// twice — a re-send is deduplicated before fusion — so two reports of one source are never grouped.</param>
/// <param name="Origin">The original post a channel repeats, when known. Two channels repeating one post are one source:
/// their reports count once toward independence, and they describe one event.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="ObservedFrom">When the event began, as reported.</param>
/// <param name="ObservedTo">When the event ended, as reported; fusion compares the middles of the two.</param>
/// <param name="Type">The event type as reported; about one report in ten names a neighbouring type.</param>
/// <param name="Weapon">The weapon as reported, if any.</param>
/// <param name="Count">How many impacts or shots the report counts.</param>
public sealed record FusionReport(
    long Id,
    string Source,
    string? Origin,
    double Lat,
    double Lon,
    DateTimeOffset ObservedFrom,
    DateTimeOffset ObservedTo,
    EventType Type,
    string? Weapon,
    int Count)
{
    /// <summary>Who the report stands for when sources are counted: the original post when a channel repeats one, else the source.</summary>
    public string IndependentSource => Origin ?? Source;

    /// <summary>The middle of the reported interval, the one instant fusion compares.</summary>
    public DateTimeOffset ObservedAt => ObservedFrom + ((ObservedTo - ObservedFrom) / 2);
}

/// <summary>
/// A proposed incident: reports that may describe one event, how strongly (0 to 1), and why in words. A
/// proposal merges nothing; an analyst confirms, merges or splits.
/// </summary>
public sealed record FusionCandidate(IReadOnlyList<long> ReportIds, double Score, string Reasons);
