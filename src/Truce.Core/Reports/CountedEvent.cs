using Truce.Core.Monitoring;
using Truce.Core.Verification;

namespace Truce.Core.Reports;

/// <summary>One current observation as a report reads it, with the incident it belongs to, if any the reader may see.</summary>
public sealed record ReportObservation(
    long Id,
    long? IncidentId,
    DateTimeOffset ObservedFrom,
    EventType Type,
    int Count,
    WorstVerdict Worst,
    string? Oblast,
    string? SectorCode,
    double Lat,
    double Lon,
    string? Weapon,
    int? CalibreMm,
    int? Casualties,
    string Source,
    string? Description)
{
    /// <summary>The weapon-withdrawal provisions it was found to violate, as <c>minsk-ii/2</c>.</summary>
    public IReadOnlyList<string> WithdrawalBreaches { get; init; } = [];
}

/// <summary>
/// An incident as a report reads it: where it stands, its type, and when the earliest of its current
/// observations that the reader may see began — which may lie before the report's window.
/// </summary>
public sealed record ReportIncident(long Id, VerificationState State, EventType Type, DateTimeOffset FirstObserved);

/// <summary>
/// What a report counts: an incident once, whatever number of its observations were reported, or an
/// observation that belongs to no incident. Its time is its earliest observation's start, its place that
/// observation's; its count, verdict and casualties the largest its observations give (decision 29).
/// </summary>
/// <param name="Key"><c>incident/12</c> or <c>observation/345</c>.</param>
/// <param name="FirstObservation">The observation its time and place come from.</param>
/// <param name="Reports">How many of its current observations were read.</param>
/// <param name="State">Where its incident stands in verification; null for an observation in no incident.</param>
public sealed record CountedEvent(
    string Key,
    long? IncidentId,
    long FirstObservation,
    DateTimeOffset At,
    EventType Type,
    int Count,
    WorstVerdict Worst,
    string? Oblast,
    string? SectorCode,
    double Lat,
    double Lon,
    string? Weapon,
    int? CalibreMm,
    int? Casualties,
    int Reports,
    VerificationState? State,
    IReadOnlyList<string> WithdrawalBreaches,
    string Sources,
    string? Description)
{
    /// <summary>A ceasefire violation: its gravest finding is a violation.</summary>
    public bool IsViolation => Worst == WorstVerdict.Violation;

    /// <summary>An explosion: fire that bursts where it lands (<see cref="ReportCounting.Explosive"/>), whatever was found.</summary>
    public bool IsExplosion => ReportCounting.Explosive(Type);
}

/// <summary>The counting rule of every report (docs/glossary.md, "Counted event"): one incident counts once.</summary>
public static class ReportCounting
{
    /// <summary>
    /// The types a report counts as explosions: the OSCE SMM's "explosions" were impacts and bursts heard or
    /// seen — shells, rockets, missiles, bombs and drones' charges. Small arms, assaults, mines (a hazard
    /// reported apart) and what monitors report besides fire are not.
    /// </summary>
    public static bool Explosive(EventType type) => type is EventType.Explosion or EventType.Artillery or EventType.Mlrs
        or EventType.Missile or EventType.DroneStrike or EventType.AirStrike;

    /// <summary>
    /// The events <paramref name="observations"/> make: those of one incident (of <paramref name="incidents"/>)
    /// together, each other one alone. An incident's time is the earliest start among all its current
    /// observations the reader may see (<see cref="ReportIncident.FirstObserved"/>), so an incident whose
    /// reports straddle a cut-off counts in the period it began in, once.
    /// </summary>
    public static IReadOnlyList<CountedEvent> Events(IEnumerable<ReportObservation> observations, IEnumerable<ReportIncident> incidents)
    {
        var byId = incidents.ToDictionary(i => i.Id);
        var events = new List<CountedEvent>();
        var grouped = new Dictionary<long, List<ReportObservation>>();
        foreach (var o in observations)
        {
            if (o.IncidentId is { } id && byId.ContainsKey(id))
            {
                if (!grouped.TryGetValue(id, out var reports))
                {
                    grouped[id] = reports = [];
                }

                reports.Add(o);
            }
            else
            {
                // Most observations are in no incident: an event of their own, made without grouping.
                events.Add(new CountedEvent(
                    $"observation/{o.Id}", null, o.Id, o.ObservedFrom, o.Type, o.Count, o.Worst, o.Oblast, o.SectorCode, o.Lat, o.Lon,
                    o.Weapon, o.CalibreMm, o.Casualties, 1, null, o.WithdrawalBreaches, o.Source, string.IsNullOrWhiteSpace(o.Description) ? null : o.Description));
            }
        }

        foreach (var (id, group) in grouped)
        {
            var rows = group.OrderBy(o => o.ObservedFrom).ThenBy(o => o.Id).ToList();
            var first = rows[0];
            var incident = byId[id];
            var armed = rows.FirstOrDefault(o => o.Weapon is not null);
            events.Add(new CountedEvent(
                $"incident/{incident.Id}",
                incident.Id,
                first.Id,
                incident.FirstObserved > first.ObservedFrom ? first.ObservedFrom : incident.FirstObserved,
                incident.Type,
                rows.Max(o => o.Count),
                rows.Max(o => o.Worst),
                first.Oblast,
                first.SectorCode,
                first.Lat,
                first.Lon,
                armed?.Weapon,
                armed?.CalibreMm,
                rows.Max(o => o.Casualties),
                rows.Count,
                incident.State,
                [.. rows.SelectMany(o => o.WithdrawalBreaches).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                string.Join(", ", rows.Select(o => o.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                rows.Select(o => o.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))));
        }

        return [.. events.OrderBy(e => e.At).ThenBy(e => e.FirstObservation)];
    }
}
