using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce import</c>: a file whole or nothing, every bad row named with its column, reason and value; a re-import unchanged.</summary>
public sealed class ImportCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Row = """{"source":"cli-feed","externalId":"ID","observedFrom":"2025-03-20T02:00:00Z","type":"drone-strike","lat":46.48,"lon":30.72,"target":"energy-infrastructure"}""";

    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_names_each_one()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "bad.ndjson");
        await File.WriteAllTextAsync(file, string.Join("\r\n", Row.Replace("ID", "b1", StringComparison.Ordinal), "{not json", Row.Replace("ID", "b3", StringComparison.Ordinal).Replace("46.48", "96.48", StringComparison.Ordinal), Row.Replace("ID", "b4", StringComparison.Ordinal).Replace("\"lat\":46.48", "\"lat\":\"north\"", StringComparison.Ordinal)));

        var (code, output, _) = await Truce("import", file, "--json");

        var summary = JsonNode.Parse(output)!;
        Assert.Equal(ExitCodes.Invalid, code);
        Assert.Equal((4, 0, 3), (summary["read"]!.GetValue<int>(), summary["accepted"]!.GetValue<int>(), summary["rejected"]!.GetValue<int>()));
        var rejections = summary["rejections"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["column"]!.GetValue<string>(), r["value"]?.GetValue<string>())).ToList();
        Assert.Equal([(2, "line", "{not json"), (4, "lat", "north")], rejections.Where(r => r.Item1 != 3));
        Assert.Contains((3, "lat", "96.48"), rejections);
    }

    [Fact]
    public async Task A_gzipped_file_imports_and_a_second_import_changes_nothing()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("truce-import-").FullName, "good.ndjson.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("\uFEFF" + Row.Replace("ID", "g1", StringComparison.Ordinal) + "\n" + Row.Replace("ID", "g2", StringComparison.Ordinal) + "\n"));
        }

        var (code, output, _) = await Truce("import", file, "--json");
        var (againCode, again, _) = await Truce("import", file, "--json");

        Assert.Equal((0, 0), (code, againCode));
        Assert.Equal(2, JsonNode.Parse(output)!["accepted"]!.GetValue<int>());
        Assert.Equal((0, 2), (JsonNode.Parse(again)!["accepted"]!.GetValue<int>(), JsonNode.Parse(again)!["unchanged"]!.GetValue<int>()));
    }
}
