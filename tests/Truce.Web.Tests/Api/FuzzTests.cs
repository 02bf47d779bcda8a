using System.Text;
using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// Every endpoint of the OpenAPI document, each of its fields, parameters and bodies given what a careless or
/// hostile client sends — nulls, wrong types, extremes, huge strings and arrays, control characters, broken
/// JSON — with every scope an admin has. None may answer a 5xx: what Truce refuses is a problem naming the field.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzTests(TruceApp app) : IClassFixture<TruceApp>
{
    // Bodies that pass validation, so that a mutation of one field reaches the code behind the checks.
    private static readonly Dictionary<string, string> Bases = new(StringComparer.Ordinal)
    {
        ["PledgeInput"] = """
            {"member":"GBR","title":"Fuzzed pledge","category":"troops","capability":"infantry","capabilityCode":"infantry","unitSize":100,
             "quantity":1000,"unit":"troops","quantityIsUpTo":false,"value":{"amount":5,"currency":"GBP","eur":6,"fxDate":"2025-03-01"},
             "stage":"announced","readinessDays":30,"announcedOn":"2025-03-02","conditions":[{"kind":"us-backstop","note":"n"}],
             "caveats":["c"],"sources":[{"url":"https://example.org/a","publisher":"p","date":"2025-03-02","quote":"q"}],
             "confidence":"medium","illustrative":["quantity"],"marking":{"level":"coalition","relTo":[]},"reason":"fuzz"}
            """,
        ["RequirementInput"] = """
            {"code":"FZ1","capability":"infantry","quantity":700,"sector":"kyiv-hub","windowStart":"2025-06-01","windowEnd":"2025-12-31","priority":2,"note":"n","marking":{"level":"coalition","relTo":[]}}
            """,
        ["ScenarioInput"] = """
            {"name":"fuzz","without":["us-backstop"],"parliamentApproved":["GBR"],"excludedMembers":["ITA"],"planDate":"2025-04-01","memberLimits":{"FRA":1000},"marking":{"level":"coalition","relTo":[]}}
            """,
        ["PlanRequest"] = """
            {"mission":"reassurance-force","timeLimitSeconds":0.2,"scenario":{"without":["us-backstop"],"planDate":"2025-04-01","memberLimits":{"FRA":1000}}}
            """,
        ["CompareRequest"] = """
            {"mission":"reassurance-force","timeLimitSeconds":0.2,"scenarios":[{"without":["us-backstop"]}]}
            """,
        ["AgreementInput"] = """
            {"key":"fuzz-agreement","title":"Fuzzed agreement","kind":"full-ceasefire","summary":"s","proposedOn":"2025-03-11","effectiveFrom":"2025-03-12T00:00:00Z",
             "durationDays":30,"extensionTerms":"e","parties":[{"actor":"UKR","state":"accepted-with-conditions","on":"2025-03-11","conditions":"c"}],
             "roles":[{"actor":"USA","role":"mediator","note":"n"}],"links":[{"agreement":"minsk-ii","kind":"related"}],
             "provisions":[{"kind":"weapon-withdrawal","reference":"r","domains":["land"],"areaText":"a","targets":["energy-infrastructure"],
               "withdrawals":[{"weaponClass":"tanks","description":"tanks","distanceKm":15,"actor":"UKR"}],
               "baselines":[{"actor":"UKR","layer":"line-of-contact","asOf":"2025-03-15"}],"completeWithinDays":14,"monitor":"osce",
               "area":{"type":"Polygon","coordinates":[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}}],
             "sources":[{"url":"https://example.org/a","publisher":"p","date":"2025-03-11","quote":"q"}],"marking":{"level":"coalition","relTo":[]}}
            """,
        ["LayerUpload"] = """
            {"key":"fuzz-layer","kind":"sectors","title":"Fuzzed sectors","validFrom":"2025-03-15","source":"s","licence":"l","marking":{"level":"coalition","relTo":[]},
             "geoJson":{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[36,48],[37,48],[37,49],[36,49],[36,48]]]}}]}}
            """,
        ["ListOfObservationInput"] = """
            [{"source":"fuzz-feed","externalId":"f1","observedFrom":"2025-03-20T02:00:00Z","observedTo":"2025-03-20T02:10:00Z","type":"drone-strike","count":2,
              "lat":46.48,"lon":30.72,"radiusMetres":500,"sector":{"fromBearing":10,"toBearing":40,"minMetres":100,"maxMetres":900},"weapon":"drone","calibreMm":120,
              "target":"energy-infrastructure","direction":"incoming","claimedBy":"RUS","casualties":{"best":1,"low":0,"high":2},"attachments":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
              "grading":"B2","description":"d","marking":{"level":"coalition","relTo":[]}}]
            """,
        ["PartyInput"] = """
            {"actor":"RUS","state":"accepted-with-conditions","on":"2025-03-13","conditions":"c"}
            """,
        ["StatusChangeInput"] = """
            {"to":"extended","at":"2025-03-20T00:00:00Z","reason":"r","days":30,"effectiveFrom":"2025-03-12T00:00:00Z"}
            """,
        ["ReleaseRequest"] = """
            {"version":1,"marking":{"level":"coalition","relTo":[]},"reason":"fuzz"}
            """,
    };

    private static readonly JsonNode?[] Values =
    [
        null, true, 0, -1, 1.5, long.MaxValue, long.MinValue, JsonValue.Create(decimal.MaxValue), JsonNode.Parse("1e308"),
        JsonNode.Parse("99999999999999999999999999999999999"), "", "text", "9999-12-31", "0001-01-01", "\u0000\u001b[31m\u202Eevil",
        new string('x', 100_000), new JsonObject(), new JsonArray(), new JsonArray(Enumerable.Range(0, 5_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        new JsonArray(Enumerable.Range(0, 2_000).Select(_ => (JsonNode?)null).ToArray()),
    ];

    private static readonly string[] Raw = ["", "null", "[]", "{", "not json", "{\"a\":" + new string('[', 5_000), "\"text\"", "12"];

    // No %00 in a path: the test host cannot carry it (Kestrel refuses such a request line with a 400 itself).
    private static readonly string[] PathValues = ["0", "-1", "2147483647", "2147483648", "99999999999999999999", "abc", "%E2%80%AE", new string('a', 5_000), "..%2F..%2Fetc"];

    private static readonly string[] QueryValues = ["", "-1", "0", "99999999999999999999", "2147483648", "abc", "%00", "%FF", "%1B%5B31m", new string('q', 10_000), "-quantity", "title,-id", "eyJ4IjoxfQ"];

    [Fact]
    public async Task No_endpoint_answers_a_server_error_to_anything_it_is_sent()
    {
        var document = JsonNode.Parse(await app.Api("admin").GetStringAsync("/openapi/v1.json"))!;
        var client = app.Api("admin");
        var failures = new List<string>();
        var tried = 0;

        async Task Send(HttpMethod method, string path, string? body, string? ifMatch = "*")
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            if (ifMatch is not null && method == HttpMethod.Put)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            tried++;
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {path} {(body is null ? string.Empty : body.Length > 300 ? body[..300] + "…" : body)} → {(int)response.StatusCode}");
            }
        }

        foreach (var (template, operations) in document["paths"]!.AsObject())
        {
            foreach (var (verb, operation) in operations!.AsObject())
            {
                var method = new HttpMethod(verb.ToUpperInvariant());
                var parameters = operation!["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList() ?? [];
                var path = Fill(template, parameters, _ => null);
                var schemaNode = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var schema = (schemaNode?["$ref"] ?? schemaNode?["items"]?["$ref"])?.GetValue<string>().Split('/')[^1];
                if (schema is not null && schemaNode?["items"] is not null)
                {
                    schema = "ListOf" + schema; // an array of records: its base is a one-element array
                }

                var body = schema is null ? null : Bases.TryGetValue(schema, out var known) ? known : "{}";

                // The operation as it should be called, then each path and query parameter given hostile values.
                await Send(method, path, body);
                foreach (var (name, where) in parameters)
                {
                    foreach (var value in where == "path" ? PathValues : QueryValues)
                    {
                        var hostile = Fill(template, parameters, p => p == name ? value : null);
                        await Send(method, where == "query" ? $"{hostile}{(hostile.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}={value}" : hostile, body);
                    }
                }

                if (body is null)
                {
                    continue;
                }

                // The body broken as a whole, then each field (to any depth) given each hostile value.
                foreach (var raw in Raw)
                {
                    await Send(method, path, raw);
                }

                if (method == HttpMethod.Put)
                {
                    foreach (var ifMatch in new[] { null, "", "\"99999999999\"", "W/\"1\"", "\"-1\"", "garbage", "*, \"1\"" })
                    {
                        await Send(method, path, body, ifMatch);
                    }
                }

                foreach (var field in Fields(JsonNode.Parse(body)!))
                {
                    foreach (var value in Values)
                    {
                        var mutated = JsonNode.Parse(body)!;
                        Set(mutated, field, value?.DeepClone());
                        await Send(method, path, mutated.ToJsonString());
                    }
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"Fuzz: {tried} requests.");
        Assert.True(tried > 2_000, $"Only {tried} requests were tried; the document lists too few operations.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} requests answered 5xx:\n{string.Join('\n', failures.Take(30))}");
    }

    /// <summary>The path with each parameter given a hostile value or a real one (pledge 1, the demo mission).</summary>
    private static string Fill(string template, List<(string Name, string In)> parameters, Func<string, string?> value)
    {
        var path = template;
        foreach (var (name, where) in parameters.Where(p => p.In == "path"))
        {
            var real = name == "id" ? "1" : template.Contains("missions", StringComparison.Ordinal) ? "reassurance-force" : "GBR";
            path = path.Replace("{" + name + "}", value(name) ?? real, StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Every field of a body as a path of names and indexes, the containers too.</summary>
    private static IEnumerable<string[]> Fields(JsonNode node)
    {
        return Walk(node, []);

        static IEnumerable<string[]> Walk(JsonNode node, string[] at)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        string[] here = [.. at, key];
                        yield return here;
                        if (child is not null)
                        {
                            foreach (var deeper in Walk(child, here))
                            {
                                yield return deeper;
                            }
                        }
                    }

                    break;
                case JsonArray a when a.Count > 0 && a[0] is not null:
                    string[] first = [.. at, "0"];
                    yield return first;
                    foreach (var deeper in Walk(a[0]!, first))
                    {
                        yield return deeper;
                    }

                    break;
            }
        }
    }

    private static void Set(JsonNode root, string[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }

        if (parent is JsonArray list)
        {
            list[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[path[^1]] = value;
        }
    }
}
