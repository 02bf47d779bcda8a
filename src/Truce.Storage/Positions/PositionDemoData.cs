using Microsoft.EntityFrameworkCore;
using Truce.Core.Positions;
using Truce.Core.Security;

namespace Truce.Storage.Positions;

/// <summary>
/// The positions' part of the demo data: <c>positions.json</c> read whole by <see cref="PositionsFile"/> (every
/// fault named, or nothing loaded) against the actors just loaded, then each issue and position not already kept.
/// </summary>
internal static class PositionDemoData
{
    /// <returns>How many positions were recorded now.</returns>
    public static async Task<int> LoadAsync(TruceDb db, string json, Principal loader, DateTimeOffset now, CancellationToken ct)
    {
        var parties = await db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, ct);
        parties[PositionsFile.Coalition] = "the coalition";
        var read = PositionsFile.Read(json, parties);
        if (!read.IsDone)
        {
            throw new DemoDataException($"positions.json: {read.Errors?.ToString() ?? read.Message}");
        }

        var keptIssues = await db.NegotiationIssues.Select(i => i.Code).ToListAsync(ct);
        db.NegotiationIssues.AddRange(read.Value.Issues.Where(i => !keptIssues.Contains(i.Code)));
        var kept = (await db.Positions.Select(p => new { p.PartyCode, p.IssueCode, p.AsOf }).ToListAsync(ct))
            .Select(p => (p.PartyCode, p.IssueCode, p.AsOf)).ToHashSet();
        var added = 0;
        foreach (var position in read.Value.Positions.Where(p => !kept.Contains((p.PartyCode, p.IssueCode, p.AsOf))))
        {
            (position.RecordedAt, position.RecordedBy) = (now, loader.Name);
            db.Positions.Add(position);
            added++;
        }

        return added;
    }
}
