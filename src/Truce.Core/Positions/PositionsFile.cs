using System.Text.Json;
using Truce.Core.Common;

namespace Truce.Core.Positions;

/// <summary>Issues and positions (of a file, or those a reader may see), with the parties' names for sentences.</summary>
public sealed record PositionSet(IReadOnlyList<NegotiationIssue> Issues, IReadOnlyList<Position> Positions, IReadOnlyDictionary<string, string> Names)
{
    public NegotiationIssue Issue(string code) => Issues.First(i => i.Code == code);

    public Zopa ZopaAt(string issue, DateOnly at) => Zopa.Of(Issue(issue), Positions, at, Names);
}

/// <summary>
/// Reads a file of issues and positions (<c>data/demo/positions.json</c>; shape in <c>data/demo/README.md</c>) through
/// <see cref="IssueRules"/> and <see cref="PositionRules"/>: the whole file or, with every fault named
/// (<c>positions[2].acceptable</c>), nothing. Storage loads the book it returns.
/// </summary>
public static class PositionsFile
{
    /// <summary>
    /// The party code of the coalition of the willing as a whole (FACTS.md §3.4's "UK/France-led coalition" column):
    /// a party of positions only, not an actor — the coalition is its members and speaks through them (decision 33).
    /// </summary>
    public const string Coalition = "coalition";

    /// <param name="parties">The parties a file may name, code → name ("RUS" → "Russia"), e.g. from <see cref="PartiesFrom"/>.</param>
    public static Outcome<PositionSet> Read(string json, IReadOnlyDictionary<string, string> parties)
    {
        PositionsFileInput? input;
        try
        {
            input = JsonSerializer.Deserialize<PositionsFileInput>(json, TruceJson.Options);
        }
        catch (JsonException e)
        {
            var (field, expected) = JsonFields.Explain(typeof(PositionsFileInput), e);
            return Outcome.Invalid(field, $"Expected {expected}.");
        }

        if (input is null)
        {
            return Outcome.Invalid("body", "Expected a JSON object with issues and positions.");
        }

        var errors = new ValidationErrors();
        var issues = new Dictionary<string, NegotiationIssue>(StringComparer.Ordinal);
        ReadList(input.Issues, errors, "issues", max: 100, (item, at) =>
        {
            if (IssueRules.Read(item, errors, at) is not { } issue)
            {
                return;
            }

            if (!issues.TryAdd(issue.Code, issue))
            {
                errors.Add(at + ".code", $"'{issue.Code}' is already an issue of this file.");
            }

            for (var p = 0; p < issue.Parties.Count; p++)
            {
                Known(issue.Parties[p], parties, errors, $"{at}.parties[{p}]");
            }
        });

        var positions = new List<Position>();
        ReadList(input.Positions, errors, "positions", max: 10_000, (item, at) =>
        {
            if (PositionRules.Read(item, issues, errors, at) is not { } position)
            {
                return;
            }

            Known(position.PartyCode, parties, errors, at + ".party");

            // Two positions of one party on one issue on one day would leave "the latest" to chance.
            if (positions.Exists(p => p.PartyCode == position.PartyCode && p.IssueCode == position.IssueCode && p.AsOf == position.AsOf))
            {
                errors.Add(at + ".asOf", $"{position.PartyCode} already has a position on {position.IssueCode} on {position.AsOf:yyyy-MM-dd}.");
            }

            positions.Add(position);
        });

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var names = parties.Where(p => issues.Values.Any(i => i.Parties.Contains(p.Key)) || positions.Exists(x => x.PartyCode == p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return Outcome.Done(new PositionSet([.. issues.Values], positions, names));
    }

    /// <summary>The parties of <c>actors.json</c> (code → name) and the coalition as a whole.</summary>
    public static IReadOnlyDictionary<string, string> PartiesFrom(string actorsJson)
    {
        var parties = new Dictionary<string, string>(StringComparer.Ordinal) { [Coalition] = "the coalition" };
        using var document = JsonDocument.Parse(actorsJson);
        foreach (var actor in document.RootElement.EnumerateArray())
        {
            if (actor.TryGetProperty("code", out var code) && actor.TryGetProperty("name", out var name) && code.GetString() is { } c && name.GetString() is { } n)
            {
                parties[c] = n;
            }
        }

        return parties;
    }

    private static void Known(string party, IReadOnlyDictionary<string, string> parties, ValidationErrors errors, string field)
    {
        if (!parties.ContainsKey(party))
        {
            errors.Add(field, $"'{party}' is not an actor Truce knows (nor '{Coalition}', the coalition as a whole).");
        }
    }

    private static void ReadList<T>(List<T?>? items, ValidationErrors errors, string field, int max, Action<T, string> read)
        where T : class
    {
        if (!TextRules.CheckList(items, errors, field, max))
        {
            return;
        }

        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
            {
                read(item, $"{field}[{i}]");
            }
        }
    }
}
