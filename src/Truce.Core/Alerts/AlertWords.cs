using System.Globalization;
using Truce.Core.Common;
using Truce.Core.Monitoring;

namespace Truce.Core.Alerts;

/// <summary>Why an alert was raised, in one sentence: what, where, when (in observed time, UTC) and by which rule.</summary>
public static class AlertWords
{
    public static string Threshold(AlertRule rule, string? sector, Episode episode)
    {
        var first = episode.Reached.Min(e => e.At);
        var what = Kebab.Of(rule.Type!.Value).Replace('-', ' ');
        var where = sector is null ? "outside every sector" : $"in sector {sector}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{episode.Count:N0} {what} events {where} within {Span(rule.Window)}, from {first:d MMM yyyy HH:mm} to {episode.Start:d MMM yyyy HH:mm} UTC, reached the threshold of {rule.Threshold:N0} (rule '{rule.Name}').");
    }

    public static string VerifiedViolation(AlertRule rule, long incidentId, EventType type, DateTimeOffset observedFrom, IEnumerable<(string Agreement, int Provision)> violated)
    {
        var provisions = string.Join(", ", violated.Distinct().Order().Select(v => $"{v.Agreement} provision {v.Provision}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"Incident {incidentId} ({Kebab.Of(type).Replace('-', ' ')}, {observedFrom:d MMM yyyy HH:mm} UTC) was verified as a violation of {provisions} (rule '{rule.Name}').");
    }

    /// <summary>A window as people say it: 90 minutes, 6 hours, 2 days.</summary>
    public static string Span(TimeSpan window) => window switch
    {
        { TotalDays: >= 1 } when window.TotalDays % 1 == 0 => Plural((int)window.TotalDays, "day"),
        { TotalHours: >= 1 } when window.TotalHours % 1 == 0 => Plural((int)window.TotalHours, "hour"),
        _ => Plural((int)window.TotalMinutes, "minute"),
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : string.Create(CultureInfo.InvariantCulture, $"{n:N0} {unit}s");
}
