using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Truce.Core.Common;

/// <summary>
/// Names the field a JSON reader stopped at, as the client wrote it (<c>value.amount</c>,
/// <c>conditions[1].kind</c>), and what that field expects, from the type being read: so a malformed document
/// gets an answer about its own field, worked out from the exception's path, never from its message text.
/// </summary>
public static partial class JsonFields
{
    /// <returns>The field (<c>body</c> for the document as a whole) and what it expects, e.g. "a whole number".</returns>
    public static (string Field, string Expected) Explain(Type root, JsonException error)
    {
        var segments = Segments().Matches(error.Path ?? string.Empty).Select(m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : "[" + m.Groups["index"].Value + "]").ToList();
        if (segments.Count == 0)
        {
            return ("body", "a JSON object");
        }

        Type? type = root;
        foreach (var segment in segments)
        {
            type = type is null ? null : Step(type, segment);
        }

        var field = string.Concat(segments.Select((s, i) => s.StartsWith('[') || i == 0 ? s : "." + s));
        return (field, type is null ? "a value of the documented type" : Describe(type));
    }

    private static Type? Step(Type type, string segment)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (segment.StartsWith('['))
        {
            return type.IsArray ? type.GetElementType() : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1] : null;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return type.GetGenericArguments()[1];
        }

        return type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "text";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "a whole number";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(DateOnly))
        {
            return "a date as yyyy-mm-dd";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "a date and time (ISO 8601)";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return "an object of names and values";
        }

        return typeof(IEnumerable).IsAssignableFrom(type) ? "an array" : "an object";
    }

    // $.value.amount, $.conditions[1].kind, $['odd name'], $[0]
    [GeneratedRegex(@"\.(?<name>[^.\[\]]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segments();
}
