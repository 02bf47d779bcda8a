using BenchmarkDotNet.Attributes;
using Truce.Core.Coalition;
using Truce.Core.Sources;

namespace Truce.Benchmarks;

/// <summary>
/// Statement extraction over 10,000 articles of about 800 words (issue #13's goal: at least 200 articles a second
/// on one core). The articles are made once from the real texts at hand — the seed article and the evaluation
/// set's excerpts — each a different run of paragraphs, about 800 words, so no two are the same text; only the
/// extraction is measured, on one thread.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class StatementBenchmarks
{
    public const int Articles = 10_000;

    private readonly List<string> _articles = [];
    private ActorDirectory _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = new ActorDirectory(ActorsJson.Read(File.ReadAllText(Path.Combine(QuotesReport.Root(), "data", "demo", "actors.json"))));
        var seed = File.ReadAllText(Path.Combine(QuotesReport.Root(), "tests", "Truce.Core.Tests", "Sources", "Articles", "seed-2025-03-16.txt"));
        var paragraphs = QuotesReport.Read(QuotesReport.Folder()).Select(d => d.Body).Append(seed)
            .SelectMany(text => text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var random = new Random(13);
        while (_articles.Count < Articles)
        {
            var words = 0;
            var parts = new List<string>();
            for (var at = random.Next(paragraphs.Count); words < 800; at = (at + 1 + random.Next(3)) % paragraphs.Count)
            {
                parts.Add(paragraphs[at]);
                words += paragraphs[at].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            }

            _articles.Add(string.Join("\n\n", parts));
        }
    }

    [Benchmark(Description = "extract the statements of 10,000 articles of ~800 words, one thread")]
    public int ExtractAll()
    {
        var date = new DateOnly(2025, 6, 1);
        var found = 0;
        foreach (var article in _articles)
        {
            found += StatementExtractor.Extract(article, date, _directory).Count;
        }

        return found;
    }
}
