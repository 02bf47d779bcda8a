using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;

namespace Truce.Core.Monitoring.Files;

/// <summary>
/// Observations written as JSON in Truce's spelling (<see cref="TruceJson"/>): NDJSON, one a line, streamed
/// and deserialised straight from the line; a JSON array; a GeoJSON FeatureCollection of Points whose
/// properties are the fields. A type error is named by the field it is in (<see cref="JsonFields.Explain"/>),
/// from the reader's path, never from the message text.
/// </summary>
internal static class JsonObservations
{
    public static IEnumerable<FileRow> ReadLines(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Line(number, line);
            }
        }
    }

    private static FileRow Line(int number, string line)
    {
        ObservationInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ObservationInput>(line, TruceJson.Options);
        }
        catch (JsonException e)
        {
            // Only a bad row pays for a second parse: to tell "not JSON" from "JSON of the wrong type".
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException notJson)
            {
                return Fault(number, "line", $"Expected one observation as a JSON object on each line; this line is not JSON ({notJson.Message})", line, Nowhere);
            }

            return TypeFault(number, "line", e, new JsonLocator(node, Plain));
        }

        return input is null
            ? Fault(number, "line", "Empty: expected an observation as a JSON object, not null.", line, Nowhere)
            : new FileRow { Row = number, Input = input, Locate = new JsonLocator(line, Plain).Locate };
    }

    /// <summary>The elements of a JSON array, read whole when the first row is asked for.</summary>
    public static IEnumerable<FileRow> ReadArray(TextReader reader)
    {
        foreach (var row in ParseArray(reader))
        {
            yield return row;
        }
    }

    private static IEnumerable<FileRow> ParseArray(TextReader reader)
    {
        JsonArray array;
        try
        {
            array = JsonNode.Parse(reader.ReadToEnd()) as JsonArray ?? throw new JsonException("The document is not an array.");
        }
        catch (JsonException e)
        {
            return [Fault(0, "file", $"Expected a JSON array of observations ([{{...}}, {{...}}]); {e.Message}", null, Nowhere)];
        }

        return array.Select((node, i) => Element(i + 1, node));
    }

    private static FileRow Element(int number, JsonNode? node)
    {
        var locator = new JsonLocator(node, Plain);
        try
        {
            var input = node?.Deserialize<ObservationInput>(TruceJson.Options);
            return input is null
                ? Fault(number, "row", "Empty: expected an observation as a JSON object, not null.", null, locator.Locate)
                : new FileRow { Row = number, Input = input, Locate = locator.Locate };
        }
        catch (JsonException e)
        {
            return TypeFault(number, "row", e, locator);
        }
    }

    /// <summary>The features of a GeoJSON FeatureCollection, read whole when the first row is asked for.</summary>
    public static IEnumerable<FileRow> ReadFeatures(TextReader reader)
    {
        foreach (var row in ParseFeatures(reader))
        {
            yield return row;
        }
    }

    private static IEnumerable<FileRow> ParseFeatures(TextReader reader)
    {
        JsonArray features;
        try
        {
            var root = JsonNode.Parse(reader.ReadToEnd()) as JsonObject;
            features = root is not null && root["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "FeatureCollection" && root["features"] is JsonArray array
                ? array
                : throw new JsonException("The document is not a FeatureCollection with a features array.");
        }
        catch (JsonException e)
        {
            return [Fault(0, "file", $"Expected a GeoJSON FeatureCollection of Point features; {e.Message}", null, Nowhere)];
        }

        return features.Select((node, i) => Feature(i + 1, node));
    }

    /// <summary>A Point feature: its properties are the fields, and its coordinates ([lon, lat], WGS 84) the place, over any lat and lon among the properties.</summary>
    private static FileRow Feature(int number, JsonNode? feature)
    {
        var locator = new JsonLocator(feature, InFeature);
        ObservationInput input;
        try
        {
            input = feature?["properties"]?.Deserialize<ObservationInput>(TruceJson.Options) ?? new ObservationInput();
        }
        catch (JsonException e)
        {
            return TypeFault(number, "feature", e, locator, "properties.");
        }
        catch (InvalidOperationException)
        {
            return Fault(number, "feature", $"Expected feature {number} to be a GeoJSON Feature object with geometry and properties.", Cells.Shown(feature?.ToJsonString()), locator.Locate);
        }

        var geometry = feature?["geometry"] as JsonObject;
        var kind = geometry?["type"] is JsonValue t && t.TryGetValue<string>(out var k) ? k : null;
        var row = new FileRow { Row = number, Input = input, Locate = locator.Locate };
        if (kind != "Point")
        {
            row.Rejections.Add(new Rejection(number, "geometry", kind is null
                ? $"Feature {number} has no geometry; expected a Point, the place of the observation."
                : $"Feature {number} is a {kind}; expected a Point: an observation is placed at one point, with a radius for what is not known.", kind));
            return row;
        }

        if (geometry!["coordinates"] is JsonArray { Count: >= 2 } xy && Coordinate(xy[0]) is { } lon && Coordinate(xy[1]) is { } lat)
        {
            input.Lon = lon;
            input.Lat = lat;
        }
        else
        {
            row.Rejections.Add(new Rejection(number, "geometry.coordinates", $"Feature {number}'s Point needs coordinates [longitude, latitude] as numbers.", Cells.Shown(geometry["coordinates"]?.ToJsonString())));
        }

        return row;
    }

    private static double? Coordinate(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static FileRow TypeFault(int number, string whole, JsonException e, JsonLocator locator, string prefix = "")
    {
        var (field, expected) = JsonFields.Explain(typeof(ObservationInput), e);
        if (field == "body")
        {
            return Fault(number, whole, $"Expected {expected}: one observation.", Cells.Shown(locator.Node?.ToJsonString()), locator.Locate);
        }

        var column = prefix + field;
        return Fault(number, column, $"Expected {expected}.", locator.ValueAt(column), locator.Locate);
    }

    private static FileRow Fault(int number, string column, string reason, string? value, Func<string, (string, string?)> locate)
    {
        var row = new FileRow { Row = number, Locate = locate };
        row.Rejections.Add(new Rejection(number, column, reason, Cells.Shown(value)));
        return row;
    }

    private static readonly Func<string, (string Column, string? Value)> Nowhere = ObservationFiles.Nowhere;

    // Where a field path is in a row's JSON: the path itself in NDJSON and arrays; in a feature, the coordinates or the properties.
    private static string Plain(string path) => path;

    private static string InFeature(string path) => path switch
    {
        "lat" => "geometry.coordinates[1]",
        "lon" => "geometry.coordinates[0]",
        _ => "properties." + path,
    };

    /// <summary>Finds a field's value in a row's JSON, parsing an NDJSON line only when first asked.</summary>
    private sealed class JsonLocator
    {
        private readonly string? _line;
        private readonly Func<string, string> _where;
        private JsonNode? _node;
        private bool _parsed;

        public JsonLocator(string line, Func<string, string> where) => (_line, _where) = (line, where);

        public JsonLocator(JsonNode? node, Func<string, string> where) => (_node, _parsed, _where) = (node, true, where);

        public JsonNode? Node
        {
            get
            {
                if (!_parsed)
                {
                    _parsed = true;
                    try
                    {
                        _node = JsonNode.Parse(_line!);
                    }
                    catch (JsonException)
                    {
                        _node = null;
                    }
                }

                return _node;
            }
        }

        public (string Column, string? Value) Locate(string path)
        {
            var column = _where(path);
            return (column, ValueAt(column));
        }

        /// <summary>The text at a path of the row's own JSON (<c>properties.lat</c>), cut to 80 characters.</summary>
        public string? ValueAt(string column) => Cells.Shown(Text(At(Node, column)));

        private static JsonNode? At(JsonNode? node, string path)
        {
            foreach (var segment in path.Split('.'))
            {
                var (name, item) = Cells.Split(segment);
                node = node is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next
                    : node is JsonObject other ? other.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
                    : null;
                if (item >= 0)
                {
                    node = node is JsonArray a && item < a.Count ? a[item] : null;
                }
            }

            return node;
        }

        private static string? Text(JsonNode? node) =>
            node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
    }
}
