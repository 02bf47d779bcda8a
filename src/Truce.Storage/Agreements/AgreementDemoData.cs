using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Agreements;

/// <summary>The agreements' part of the demo data: each recorded through the agreements' own writes, then moved through its lifecycle as its history says.</summary>
internal static class AgreementDemoData
{
    /// <returns>How many agreements were recorded now (one already recorded is left as it is).</returns>
    public static async Task<int> LoadAsync(TruceDb db, AgreementWrites writes, Principal loader, JsonArray items, CancellationToken ct)
    {
        var recorded = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"agreements.json[{i}]";
            var input = DemoFiles.Entry<AgreementInput>(items[i]!, where);
            if (await db.Agreements.AnyAsync(a => a.Key == input.Key, ct))
            {
                continue;
            }

            var result = await writes.RecordAsync(loader, input, ct);
            if (!result.IsDone)
            {
                throw new DemoDataException($"{where} ({input.Key}): {result.Errors?.ToString() ?? result.Message}");
            }

            var history = items[i]!["history"]?.AsArray() ?? [];
            for (var h = 0; h < history.Count; h++)
            {
                var move = DemoFiles.Entry<StatusChangeInput>(history[h]!, $"{where}.history[{h}]");
                var moved = await writes.MoveAsync(loader, input.Key!, ExpectedVersion.Any, move, ct);
                if (!moved.IsDone)
                {
                    throw new DemoDataException($"{where}.history[{h}] ({input.Key} → {move.To}): {moved.Errors?.ToString() ?? moved.Message}");
                }
            }

            recorded++;
        }

        return recorded;
    }
}
