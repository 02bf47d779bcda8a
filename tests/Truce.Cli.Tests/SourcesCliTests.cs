using System.Text.Json.Nodes;
using Truce.Testing;

namespace Truce.Cli.Tests;

/// <summary><c>truce sources extract</c> and <c>add</c>: statements printed as exact substrings of the body, a document taken in once, a missing file or date named.</summary>
public sealed class SourcesCliTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Article = "TITLE: Leaders meet\nOUTLET: Example Wire\nDATE: 2025-03-16\n\n"
        + "“We agreed we will keep increasing the pressure on Russia,” Starmer told reporters.\n\n"
        + "Macron said France would keep the coalition's plans on course.";

    private Task<(int Code, string Output, string Error)> Truce(params string[] args) => Cli.Run(app.Location, args);

    private static async Task<string> FileOf(string text)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("truce-sources-").FullName, "article.txt");
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    [Fact]
    public async Task Extract_prints_each_statement_as_an_exact_substring_with_its_speaker_and_actor_and_keeps_nothing()
    {
        var file = await FileOf(Article);
        var body = Article[(Article.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];

        var (code, output, _) = await Truce("sources", "extract", file, "--json");
        var statements = JsonNode.Parse(output)!.AsArray();
        var (listCode, list, _) = await Truce("sources", "add", file, "--json");
        var (againCode, again, _) = await Truce("sources", "add", file, "--json");

        Assert.Equal((0, 0, 0), (code, listCode, againCode));
        Assert.Equal(2, statements.Count);
        Expect.All(statements, s => Assert.Equal((string)s!["quote"]!, body[(int)s["start"]!..(int)s["end"]!]));
        Assert.Equal(["keir-starmer", "emmanuel-macron"], statements.Select(s => (string?)s!["actor"]));
        Assert.Equal(["direct", "indirect"], statements.Select(s => (string)s!["type"]!));
        Assert.True((bool)JsonNode.Parse(list)!["new"]!);
        Assert.Equal(((long)JsonNode.Parse(list)!["id"]!, false), ((long)JsonNode.Parse(again)!["id"]!, (bool)JsonNode.Parse(again)!["new"]!));
    }

    [Fact]
    public async Task A_missing_file_or_date_is_named()
    {
        var undated = await FileOf("Starmer said it was time.");

        var (missingCode, _, missing) = await Truce("sources", "extract", "/no/such/file.txt");
        var (undatedCode, _, noDate) = await Truce("sources", "extract", undated);

        Assert.Equal(ExitCodes.Usage, missingCode);
        Assert.Contains("file: '/no/such/file.txt' does not exist", missing, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, undatedCode);
        Assert.Contains("date: Required", noDate, StringComparison.Ordinal);
    }
}
