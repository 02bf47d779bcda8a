using Microsoft.EntityFrameworkCore;
using Truce.Core.Monitoring;
using Truce.Core.Verification;

namespace Truce.Storage.Verification;

/// <summary>An incident's reports as observations: the one query both its writes and its reads use.</summary>
internal static class IncidentMembers
{
    /// <summary>The current observations of an incident's reports that the reader may see, oldest first.</summary>
    public static async Task<List<Observation>> CurrentAsync(TruceDb db, Incident incident, CancellationToken ct)
    {
        var sources = incident.Reports.Select(r => r.Source).Distinct().ToList();
        var ids = incident.Reports.Select(r => r.ExternalId).Distinct().ToList();
        var keys = incident.Reports.Select(r => (r.Source, r.ExternalId)).ToHashSet();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.IsCurrent && sources.Contains(o.Source) && ids.Contains(o.ExternalId))
            .OrderBy(o => o.ObservedFrom).ThenBy(o => o.Id)
            .ToListAsync(ct);
        return [.. rows.Where(o => keys.Contains((o.Source, o.ExternalId)))];
    }
}
