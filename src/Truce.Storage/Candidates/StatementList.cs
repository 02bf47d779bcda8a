using Microsoft.EntityFrameworkCore;
using Truce.Core.Candidates;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Candidates;

/// <summary>
/// The statements of the documents a reader may see, newest document first and in the order of each text: filtered
/// by actor (who spoke, or whom they spoke for), by the issue they touch (<see cref="StatementIssues"/>, the rule the
/// candidates use) and by the document's date.
/// </summary>
public sealed class StatementList(TruceDb db)
{
    public async Task<IReadOnlyList<StatementLine>> ListAsync(Principal reader, StatementQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var reading = db.ReadAs(reader);
        var issues = new StatementIssues(await db.NegotiationIssues.AsNoTracking().ToListAsync(ct));
        var documents = db.Documents.AsNoTracking();
        if (query.From is { } from)
        {
            documents = documents.Where(d => d.Date >= from);
        }

        if (query.To is { } to)
        {
            documents = documents.Where(d => d.Date <= to);
        }

        var actor = query.Actor;
        if (actor is not null)
        {
            documents = documents.Where(d => d.Statements.Any(s => s.ActorCode == actor || s.OnBehalfOf == actor));
        }

        var limit = Math.Clamp(query.Limit, 1, 5000);
        var lines = new List<StatementLine>();
        foreach (var d in await documents.OrderByDescending(d => d.Date).ThenByDescending(d => d.Id).ToListAsync(ct))
        {
            foreach (var s in d.Statements.OrderBy(s => s.Start))
            {
                if (actor is not null && s.ActorCode != actor && s.OnBehalfOf != actor)
                {
                    continue;
                }

                var quote = d.Body[s.Start..s.End];
                var touched = issues.Touched(quote).Select(t => t.IssueCode).ToList();
                if (query.Issue is { } issue && !touched.Contains(issue))
                {
                    continue;
                }

                lines.Add(new StatementLine(d.Id, d.Title, d.Outlet, d.Date, Kebab.Of(s.Type), s.Start, s.End, quote, s.SpeakerName, s.ActorCode, s.OnBehalfOf, s.Cue, touched));
                if (lines.Count == limit)
                {
                    return lines;
                }
            }
        }

        return lines;
    }
}
