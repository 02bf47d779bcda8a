using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

/// <summary>Works out which fields differ between two versions of a pledge, for the history.</summary>
public static class PledgeDiff
{
    // Bookkeeping fields change on every write; listing them would hide the real change.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "version", "updatedAt", "updatedBy", "memberName", "id", "key", "marking.label" };

    public static IReadOnlyList<FieldChange> Between(PledgeView? before, PledgeView after, JsonSerializerOptions options)
    {
        var left = Flatten(before is null ? null : JsonSerializer.SerializeToNode(before, options));
        var right = Flatten(JsonSerializer.SerializeToNode(after, options));
        var changes = new List<FieldChange>();
        foreach (var field in left.Keys.Union(right.Keys).Where(k => !Ignored.Contains(k)).Order(StringComparer.Ordinal))
        {
            left.TryGetValue(field, out var was);
            right.TryGetValue(field, out var now);
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, was, now));
            }
        }

        return changes;
    }

    // Top-level fields keep their name; nested objects and lists are compared as their JSON text, which
    // reads well enough for a condition list or a source and keeps the history one line per field.
    private static Dictionary<string, string?> Flatten(JsonNode? node)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (node is not JsonObject obj)
        {
            return result;
        }

        foreach (var (name, value) in obj)
        {
            if (value is JsonObject inner)
            {
                foreach (var (innerName, innerValue) in inner)
                {
                    result[$"{name}.{innerName}"] = Text(innerValue);
                }
            }
            else
            {
                result[name] = Text(value);
            }
        }

        return result;
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray { Count: 0 } => null,
        _ => value.ToJsonString(),
    };
}
