using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Truce.Core.Common;

/// <summary>The JSON spelling of Truce everywhere: API, CLI <c>--json</c>, history snapshots.</summary>
public static class TruceJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>Gives options made elsewhere (ASP.NET's) the same spelling.</summary>
    public static void CopyTo(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Quotes and non-ASCII names (Sánchez, Zelenskyy in Cyrillic) stay readable in files and terminals.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        CopyTo(options);
        return options;
    }
}
