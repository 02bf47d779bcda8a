using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Commitments;

/// <summary>The commitments ledger's part of the demo data: pledges, entered or changed through the ledger's own writes.</summary>
internal static class PledgeDemoData
{
    public static async Task<(int Created, int Changed, int Unchanged)> LoadAsync(TruceDb db, PledgeWrites writes, Principal loader, JsonArray items, CancellationToken ct)
    {
        int created = 0, changed = 0, unchanged = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var node = items[i]!;
            var key = node["key"]?.GetValue<string>();
            var where = $"pledges.json[{i}]";
            if (string.IsNullOrWhiteSpace(key) || !keys.Add(key))
            {
                throw new DemoDataException($"{where}.key: required and unique; got '{key}'.");
            }

            var input = DemoFiles.Entry<PledgeInput>(node, where);
            var current = await db.Pledges.AsNoTracking().Where(p => p.Key == key).Select(p => new { p.Id, p.Version }).FirstOrDefaultAsync(ct);
            var result = current is null
                ? await writes.CreateAsync(loader, WithReason(input, "Loaded from the demo data"), key, ct)
                : await writes.UpdateAsync(loader, current.Id, ExpectedVersion.Of(current.Version), WithReason(input, "Reloaded from the demo data", replace: true), ct);
            if (!result.IsDone)
            {
                throw new DemoDataException($"{where} ({key}): {result.Errors?.ToString() ?? result.Message}");
            }

            if (result.Kind == OutcomeKind.Created)
            {
                created++;
            }
            else if (result.Value.Version != current!.Version)
            {
                changed++;
            }
            else
            {
                unchanged++;
            }
        }

        return (created, changed, unchanged);
    }

    private static PledgeInput WithReason(PledgeInput input, string reason, bool replace = false)
    {
        input.Reason = replace ? reason : input.Reason ?? reason;
        return input;
    }
}
