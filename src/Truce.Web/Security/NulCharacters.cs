using System.Text;
using System.Text.Json;
using Truce.Web.Api;

namespace Truce.Web.Security;

/// <summary>
/// No text Truce receives may hold the NUL character (U+0000): PostgreSQL cannot store it, and where SQLite
/// could, other tools cut text at it. Stored text already refuses every control character (TextRules); this
/// one check at the door covers the rest — a lookup by a code, a filter, a user name — the same way on both
/// stores: a 400 that names the parameter, form field or JSON field, before any handler runs.
/// </summary>
public static class NulCharacters
{
    private static readonly byte[] EscapedNul = Encoding.ASCII.GetBytes("\\u0000");

    public static WebApplication UseNoNulCharacters(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (await FindAsync(context.Request) is { } field)
            {
                var message = "Contains the character U+0000 (NUL), which Truce accepts in no text.";
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "One or more validation errors occurred.", $"{field}: {message}", new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
                });
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The first parameter, form field or JSON field (as a path) that holds a NUL, or null.</summary>
    private static async Task<string?> FindAsync(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return "path";
        }

        foreach (var (key, values) in request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return key.Replace("\0", "\\0", StringComparison.Ordinal);
            }
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, values) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                {
                    return key.Replace("\0", "\\0", StringComparison.Ordinal);
                }
            }
        }
        else if (request.HasJsonContentType())
        {
            // JSON can carry a NUL only escaped; the body (bounded by RequestLimits) is read once and kept for the endpoint.
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            if (body.Span.IndexOf(EscapedNul) >= 0)
            {
                return JsonPathOfNul(body.Span) ?? "body";
            }
        }

        return null;
    }

    private static string? JsonPathOfNul(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();
        var indexes = new Stack<int>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (property!.Contains('\0', StringComparison.Ordinal))
                        {
                            return Join(path, "(a field name)");
                        }

                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(Step(property, indexes));
                        indexes.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        property = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        indexes.Pop();
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.String when reader.GetString()!.Contains('\0', StringComparison.Ordinal):
                        return Join(path, Step(property, indexes));
                }

                // A value (or a whole object or array) ended: the next item of its array.
                property = null;
                Advance(indexes);
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the endpoint's reader names what is wrong with it.
        }

        return null;
    }

    // Inside an array the step is the item's index; inside an object, the property's name.
    private static string Step(string? property, Stack<int> indexes) =>
        property ?? (indexes.TryPeek(out var index) && index >= 0 ? $"[{index}]" : string.Empty);

    private static void Advance(Stack<int> indexes)
    {
        if (indexes.TryPop(out var index))
        {
            indexes.Push(index >= 0 ? index + 1 : index);
        }
    }

    private static string Join(List<string> path, string last) =>
        string.Concat(path.Append(last).Where(s => s.Length > 0).Select((s, i) => i == 0 || s.StartsWith('[') ? s : "." + s));
}
