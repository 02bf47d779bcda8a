using Truce.Core.Common;
using Truce.Core.Positions;

namespace Truce.Core.Tests.Positions;

/// <summary>Issues and positions for tests, built through the rules so every sample is one a client could send.</summary>
internal static class PositionSamples
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["UKR"] = "Ukraine",
        ["RUS"] = "Russia",
        ["USA"] = "United States",
        ["coalition"] = "the coalition",
    };

    public static IssueInput ForeignTroopsInput() => new()
    {
        Code = "foreign-troops",
        Title = "Foreign troops in Ukraine",
        Kind = "options",
        Options =
        [
            new OptionInput { Code = "none", Words = "no foreign troops" },
            new OptionInput { Code = "non-nato-monitors", Words = "unarmed monitors from outside NATO" },
            new OptionInput { Code = "reassurance-force", Words = "a reassurance force after a ceasefire" },
        ],
        Parties = ["UKR", "RUS", "coalition"],
    };

    public static IssueInput ArmySizeInput() => new()
    {
        Code = "army-size",
        Title = "Size of Ukraine's armed forces",
        Kind = "range",
        Unit = "troops",
        Minimum = 0,
        Maximum = 2_000_000,
        Parties = ["UKR", "RUS", "USA"],
    };

    public static NegotiationIssue ForeignTroops() => Issue(ForeignTroopsInput());

    public static NegotiationIssue ArmySize() => Issue(ArmySizeInput());

    public static NegotiationIssue Issue(IssueInput input)
    {
        var errors = new ValidationErrors();
        var issue = IssueRules.Read(input, errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return issue!;
    }

    public static PositionInput Options(string party, string asOf, string[] acceptable, string[]? redLine = null, string? preferred = null) => new()
    {
        Party = party,
        Issue = "foreign-troops",
        AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture),
        Stance = $"{party} on foreign troops",
        Preferred = preferred,
        Acceptable = [.. acceptable],
        RedLine = redLine is null ? null : [.. redLine],
        Sources = [new CitationInput { Url = "https://example.org/statement", Publisher = "Example" }],
    };

    public static PositionInput Range(string party, string asOf, long? low, long? high, long? refusesAbove = null, long? refusesBelow = null) => new()
    {
        Party = party,
        Issue = "army-size",
        AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture),
        Stance = $"{party} on army size",
        Range = new RangeInput { Low = low, High = high },
        RefusesAbove = refusesAbove,
        RefusesBelow = refusesBelow,
        Sources = [new CitationInput { Url = "https://example.org/statement", Publisher = "Example" }],
    };

    public static Position Read(PositionInput input, params NegotiationIssue[] issues)
    {
        var errors = new ValidationErrors();
        var position = PositionRules.Read(input, issues.ToDictionary(i => i.Code), errors);
        Assert.True(errors.IsEmpty, errors.ToString());
        return position!;
    }
}
