using System.Text.RegularExpressions;
using Truce.Core.Positions;

namespace Truce.Core.Candidates;

/// <summary>A negotiation issue a statement touches, and the words of the statement that touch it.</summary>
public sealed record IssueTouch(string IssueCode, string Words);

/// <summary>
/// The one rule for which negotiation issues a statement is about, used by the candidates and by the statements
/// list alike: an issue is touched when the statement says its title, its key in words ("foreign troops"), one of
/// its options' words, or one of a few common ways of naming it (below), as whole words in any case. And the one
/// rule for whose position a statement would be on an issue (<see cref="PartyFor"/>).
/// </summary>
/// <remarks>
/// The keyword lists name the issues of the demo by their keys; an issue recorded later without a list is still
/// found by its title, key and options. They are general words of the subject (a "reassurance force", "Crimea",
/// "frozen assets"), not phrases of any one article.
/// </remarks>
public sealed class StatementIssues
{
    private static readonly Dictionary<string, string[]> Common = new(StringComparer.Ordinal)
    {
        ["foreign-troops"] = ["foreign troops", "foreign forces", "Western troops", "European troops", "peacekeepers", "peacekeeping force", "peacekeeping troops", "boots on the ground", "troops on the ground", "reassurance force", "troops in Ukraine", "troops to Ukraine", "multinational force"],
        ["nato-membership"] = ["NATO membership", "join NATO", "joining NATO", "membership of NATO", "NATO accession", "NATO bid", "neutrality", "neutral status"],
        ["territory"] = ["territory", "territories", "territorial", "recognise", "recognize", "recognition", "Crimea", "Donbas", "Donbass", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "annexed", "annexation", "occupied", "borders"],
        ["security-guarantees"] = ["security guarantee", "security guarantees", "guarantees", "backstop", "Article 5", "Article 5-like"],
        ["ceasefire-sequencing"] = ["ceasefire", "cease-fire", "truce", "peace deal", "peace agreement", "peace settlement"],
        ["sanctions"] = ["sanctions", "sanction"],
        ["frozen-assets"] = ["frozen assets", "frozen Russian assets", "immobilised assets", "immobilized assets", "Russian assets", "reparations loan"],
        ["army-size"] = ["army size", "size of the army", "size of Ukraine's army", "size of its army", "troop cap", "cap on the army", "cap on Ukraine's army", "demilitarisation", "demilitarization", "reduce its army"],
    };

    private readonly List<(NegotiationIssue Issue, Regex Words)> _issues;

    public StatementIssues(IEnumerable<NegotiationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        _issues = [.. issues.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i, WordsOf(i)))];
    }

    public IReadOnlyList<NegotiationIssue> Issues => [.. _issues.Select(i => i.Issue)];

    /// <summary>The issues <paramref name="quote"/> touches, in the order of their keys, each with the first words that touch it.</summary>
    public IReadOnlyList<IssueTouch> Touched(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var touched = new List<IssueTouch>();
        foreach (var (issue, words) in _issues)
        {
            if (words.Match(quote) is { Success: true } match)
            {
                touched.Add(new IssueTouch(issue.Code, match.Value));
            }
        }

        return touched;
    }

    /// <summary>
    /// Whose position a statement on <paramref name="issue"/> is: the speaker's actor when the issue names it; else
    /// the state or organisation the speaker speaks for when the issue names that; else <c>coalition</c> when that
    /// state is a coalition member and the issue names the coalition; else nobody (null), and no position is proposed.
    /// </summary>
    /// <returns>The party and the words that say why; null when the speaker maps to no party of the issue.</returns>
    public static (string Party, string Why)? PartyFor(NegotiationIssue issue, string? actor, string? onBehalfOf, IReadOnlySet<string> members)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(members);
        if (actor is not null && issue.Parties.Contains(actor))
        {
            return (actor, $"the speaker is {actor}, a party to the issue");
        }

        if (onBehalfOf is not null && issue.Parties.Contains(onBehalfOf))
        {
            return (onBehalfOf, $"the speaker speaks for {onBehalfOf}, a party to the issue");
        }

        var member = MemberOf(actor, onBehalfOf, members);
        return member is not null && issue.Parties.Contains(PositionsFile.Coalition)
            ? (PositionsFile.Coalition, $"the speaker speaks for {member}, a coalition member, and the issue's parties include the coalition")
            : null;
    }

    /// <summary>The coalition member a speaker speaks for: the state or organisation they speak on behalf of, or the actor itself; null when neither is a member.</summary>
    public static string? MemberOf(string? actor, string? onBehalfOf, IReadOnlySet<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return onBehalfOf is not null && members.Contains(onBehalfOf) ? onBehalfOf
            : actor is not null && members.Contains(actor) ? actor
            : null;
    }

    private static Regex WordsOf(NegotiationIssue issue)
    {
        var phrases = new List<string> { issue.Title, issue.Code.Replace('-', ' ') };
        phrases.AddRange(issue.Options.Select(o => o.Words));
        if (Common.TryGetValue(issue.Code, out var common))
        {
            phrases.AddRange(common);
        }

        // Whole words, any case, any run of spaces; the longest phrase first so the words shown are the fullest. A plain
        // alternation of literals matches in time linear in the statement, so it needs no timeout.
        var alternatives = phrases
            .Select(p => p.Trim())
            .Where(p => p.Length > 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length)
            .Select(p => Regex.Escape(p).Replace("\\ ", "\\s+", StringComparison.Ordinal).Replace("'", "['’]", StringComparison.Ordinal));
        return new Regex($@"(?<![\w-])(?:{string.Join('|', alternatives)})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
    }
}
