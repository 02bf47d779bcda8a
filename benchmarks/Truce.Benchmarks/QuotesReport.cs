using System.Globalization;
using System.Text.Json.Nodes;
using Truce.Core.Coalition;
using Truce.Core.Sources;

namespace Truce.Benchmarks;

/// <summary>
/// How well the statement extractor finds what people labelled by hand (issue 13): the evaluation set in
/// tests/Truce.Core.Tests/Sources/Corpus, labelled before any tuning, and its held-out folder (Corpus/heldout), labelled
/// before the rules were tuned on the first and measured only, never read for misses. A found statement matches a labelled one
/// when their spans overlap by at least half of the longer of the two; the speaker is right when the actor
/// codes agree, or — where the label has no actor — the resolved names do. Precision is by the type found,
/// recall by the type labelled; scare quotes reported as statements count against precision.
/// </summary>
public static class QuotesReport
{
    public sealed record Document(string Name, DateOnly Date, string Body, IReadOnlyList<Label> Labels, IReadOnlyList<(int Start, int End)> ScareQuotes);

    public sealed record Label(StatementType Type, int Start, int End, string? Resolved, string? Actor, string? SpeaksFor);

    /// <param name="misses">Also list each labelled statement of the development set not found, and each statement found
    /// that matches no label, to read — not to tune to. The held-out set's misses are never listed: it is measured, not read.</param>
    public static void Print(TextWriter output, bool misses = false)
    {
        var directory = new ActorDirectory(ActorsJson.Read(File.ReadAllText(Path.Combine(Root(), "data", "demo", "actors.json"))));
        if (Environment.GetEnvironmentVariable("TRUCE_QUOTES_DOCUMENT") is { Length: > 0 } one)
        {
            PrintDocument(output, one);
            return;
        }

        Evaluate(output, "Development set", Read(Folder()), directory, misses);
        var heldOut = Path.Combine(Folder(), "heldout");
        if (Directory.Exists(heldOut))
        {
            output.WriteLine();
            Evaluate(output, "Held-out set (never tuned on)", Read(heldOut), directory, misses: false);
        }
    }

    private static void Evaluate(TextWriter output, string title, List<Document> corpus, ActorDirectory directory, bool misses)
    {
        var tally = new Dictionary<string, int[]>(); // key → [found, labelled, matched, matchedWithSpeaker]
        int[] Row(string key) => tally.TryGetValue(key, out var r) ? r : tally[key] = new int[4];
        var scareReported = 0;
        foreach (var doc in corpus)
        {
            var found = StatementExtractor.Extract(doc.Body, doc.Date, directory).ToList();
            var free = new List<Statement>(found);
            foreach (var f in found)
            {
                Row("all")[0]++;
                Row(Kebab(f.Type))[0]++;
                if (doc.ScareQuotes.Any(s => Overlaps(s.Start, s.End, f.Start, f.End)))
                {
                    scareReported++;
                }
            }

            foreach (var label in doc.Labels)
            {
                Row("all")[1]++;
                Row(Kebab(label.Type))[1]++;
                var match = free.Where(f => Overlaps(label.Start, label.End, f.Start, f.End)).OrderByDescending(f => Overlap(label.Start, label.End, f.Start, f.End)).FirstOrDefault();
                if (match is null)
                {
                    if (misses)
                    {
                        output.WriteLine($"missed  {doc.Name} [{label.Type}] {label.Resolved}: {Excerpt(doc.Body, label.Start, label.End)}");
                    }

                    continue;
                }

                free.Remove(match);
                if (misses && !SpeakerRight(label, match, directory))
                {
                    output.WriteLine($"speaker {doc.Name} [{label.Type}] labelled {label.Resolved} ({label.Actor}), found '{match.Speaker}' → {match.SpeakerName} ({match.ActorCode}): {Excerpt(doc.Body, label.Start, label.End)}");
                }

                foreach (var key in new[] { "all", Kebab(label.Type) })
                {
                    Row(key)[2]++;
                    if (SpeakerRight(label, match, directory))
                    {
                        Row(key)[3]++;
                    }
                }
            }

            if (misses)
            {
                foreach (var extra in free)
                {
                    output.WriteLine($"extra   {doc.Name} [{extra.Type}] '{extra.Speaker}' → {extra.SpeakerName} ({extra.ActorCode}) {extra.Cue}: {Excerpt(doc.Body, extra.Start, extra.End)}");
                }
            }
        }

        if (misses)
        {
            output.WriteLine();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {corpus.Count} documents, {corpus.Sum(d => d.Labels.Count)} labelled statements, {corpus.Sum(d => d.ScareQuotes.Count)} scare quotes (negatives); {scareReported} scare quotes reported as statements."));
        output.WriteLine("| type | found | labelled | quotation P | R | F1 | quotation + speaker P | R | F1 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in new[] { "direct", "indirect", "mixed", "all" })
        {
            var r = Row(key);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {key} | {r[0]} | {r[1]} | {Ratio(r[2], r[0])} | {Ratio(r[2], r[1])} | {F1(r[2], r[0], r[1])} | {Ratio(r[3], r[0])} | {Ratio(r[3], r[1])} | {F1(r[3], r[0], r[1])} |"));
        }

        output.WriteLine("(By type, precision counts the statements found of that type and recall those labelled of it; a match of another type counts for the labelled type.)");
    }

    /// <summary>Every statement found in one document of the development set, to read while writing rules.</summary>
    public static void PrintDocument(TextWriter output, string name)
    {
        var directory = new ActorDirectory(ActorsJson.Read(File.ReadAllText(Path.Combine(Root(), "data", "demo", "actors.json"))));
        var folder = Environment.GetEnvironmentVariable("TRUCE_QUOTES_FOLDER") is { Length: > 0 } other ? other : Folder();
        foreach (var doc in Read(folder).Where(d => d.Name.StartsWith(name, StringComparison.Ordinal)))
        {
            foreach (var f in StatementExtractor.Extract(doc.Body, doc.Date, directory))
            {
                output.WriteLine($"{doc.Name} [{f.Type}] '{f.Speaker}' → {f.SpeakerName} ({f.ActorCode}) {f.Cue}: {Excerpt(doc.Body, f.Start, f.End)}");
            }
        }
    }

    /// <summary>The evaluation set's documents with their labels.</summary>
    public static List<Document> Read(string folder)
    {
        var documents = new List<Document>();
        foreach (var text in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var raw = File.ReadAllText(text).ReplaceLineEndings("\n");
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var head = raw[..split];
            var body = raw[(split + 2)..];
            body = body.EndsWith('\n') ? body[..^1] : body;
            var date = DateOnly.ParseExact(head.Split('\n').First(l => l.StartsWith("DATE:", StringComparison.Ordinal))[5..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var labels = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(text, null) + ".labels.json"))!;
            documents.Add(new Document(
                Path.GetFileNameWithoutExtension(text),
                date,
                body,
                [.. labels["statements"]!.AsArray().Select(s => new Label(
                    Enum.Parse<StatementType>((string)s!["type"]!, ignoreCase: true),
                    (int)s["start"]!,
                    (int)s["end"]!,
                    (string?)s["resolved"],
                    (string?)s["actor"],
                    (string?)s["speaksFor"]))],
                [.. (labels["scareQuotes"]?.AsArray() ?? []).Select(q => ((int)q!["start"]!, (int)q["end"]!))]));
        }

        return documents;
    }

    public static string Folder() => Path.Combine(Root(), "tests", "Truce.Core.Tests", "Sources", "Corpus");

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Truce.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string Excerpt(string body, int start, int end) =>
        body[start..Math.Min(end, start + 120)].ReplaceLineEndings(" ") + (end - start > 120 ? "…" : "");

    /// <summary>
    /// The speaker is right when the actor codes agree; where the label has no actor (the person was not in
    /// actors.json when it was labelled), when the resolved names agree — the found actor's aliases count, so a
    /// person added to actors.json later under another spelling ("Yuri" for "Yury") is still the same person.
    /// </summary>
    private static bool SpeakerRight(Label label, Statement found, ActorDirectory directory) =>
        label.Actor is { } actor
            ? found.ActorCode == actor
            : label.Resolved is { } name && found.SpeakerName is { } said
                && (SameName(name, said) || (found.ActorCode is { } code && directory[code] is { } person && person.Aliases.Any(a => SameName(name, a))));

    private static bool SameName(string name, string said) =>
        string.Equals(name, said, StringComparison.OrdinalIgnoreCase) || name.EndsWith(" " + said, StringComparison.OrdinalIgnoreCase) || said.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase);

    private static bool Overlaps(int a0, int a1, int b0, int b1) => Overlap(a0, a1, b0, b1) * 2 >= Math.Max(a1 - a0, b1 - b0);

    private static int Overlap(int a0, int a1, int b0, int b1) => Math.Max(0, Math.Min(a1, b1) - Math.Max(a0, b0));

    private static string Kebab(StatementType type) => type.ToString().ToLowerInvariant();

    private static string Ratio(int part, int whole) => whole == 0 ? "—" : (part / (double)whole).ToString("0.00", CultureInfo.InvariantCulture);

    private static string F1(int matched, int found, int labelled) =>
        found == 0 || labelled == 0 || matched == 0 ? "0.00" : (2.0 * matched / (found + labelled)).ToString("0.00", CultureInfo.InvariantCulture);
}
