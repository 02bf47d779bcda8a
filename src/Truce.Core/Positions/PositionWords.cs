using System.Globalization;

namespace Truce.Core.Positions;

/// <summary>A position's answers in the words a sentence uses: the options' own words, numbers with their unit.</summary>
public static class PositionWords
{
    public static string Option(NegotiationIssue issue, string? code) =>
        code is null ? "not stated" : issue.Option(code)?.Words ?? code;

    /// <summary>Options joined as a sentence reads them: "a, b or c".</summary>
    public static string Options(NegotiationIssue issue, IReadOnlyList<string> codes) => codes.Count switch
    {
        0 => "nothing",
        1 => Option(issue, codes[0]),
        _ => string.Join(", ", codes.Take(codes.Count - 1).Select(c => Option(issue, c))) + " or " + Option(issue, codes[^1]),
    };

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Value(NegotiationIssue issue, long? value) => value is { } v ? $"{Number(v)} {issue.Unit}" : "not stated";

    /// <summary>A closed range, said from the domain's side where one end is the domain's own: "at most 600,000 troops".</summary>
    public static string Range(NegotiationIssue issue, long low, long high) =>
        low == high ? $"exactly {Number(low)} {issue.Unit}"
        : low <= issue.Minimum && high >= issue.Maximum ? $"any number of {issue.Unit}"
        : low <= issue.Minimum ? $"at most {Number(high)} {issue.Unit}"
        : high >= issue.Maximum ? $"at least {Number(low)} {issue.Unit}"
        : $"from {Number(low)} to {Number(high)} {issue.Unit}";

    /// <summary>A range position's red line in words, or null when it has none.</summary>
    public static string? RedLine(NegotiationIssue issue, Position position) => (position.RefusesBelow, position.RefusesAbove) switch
    {
        ({ } below, { } above) => $"nothing below {Number(below)} or above {Number(above)} {issue.Unit}",
        ({ } below, null) => $"nothing below {Number(below)} {issue.Unit}",
        (null, { } above) => $"nothing above {Number(above)} {issue.Unit}",
        _ => null,
    };
}
