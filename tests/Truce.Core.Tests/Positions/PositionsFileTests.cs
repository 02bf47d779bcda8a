using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Testing;

namespace Truce.Core.Tests.Positions;

/// <summary>The demo's positions (FACTS.md §3.4) read through the rules, and what an analyst reads from them at a date.</summary>
public sealed class PositionsFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "demo");

    private static readonly IReadOnlyDictionary<string, string> Parties = PositionsFile.PartiesFrom(File.ReadAllText(Path.Combine(Folder, "actors.json")));

    private static PositionSet Demo() => Expect.Done(PositionsFile.Read(File.ReadAllText(Path.Combine(Folder, "positions.json")), Parties));

    [Fact]
    public void The_demo_file_is_valid_with_the_eight_issues_of_the_matrix()
    {
        var book = Demo();

        Assert.Equal(
            ["territory", "nato-membership", "army-size", "foreign-troops", "security-guarantees", "ceasefire-sequencing", "sanctions", "frozen-assets"],
            book.Issues.Select(i => i.Code));
        Expect.All(book.Positions, p => Assert.NotEmpty(p.Sources));
    }

    [Fact]
    public void Foreign_troops_in_Ukraine_are_a_conflict_in_the_autumn_of_2025_named_by_Russias_red_line()
    {
        var zopa = Demo().ZopaAt("foreign-troops", new DateOnly(2025, 10, 1));

        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Equal(["RUS", "UKR", "coalition"], zopa.Clashing);
        Assert.StartsWith("Conflict. Russia's red line: no foreign troops; Ukraine's position: a reassurance force after a ceasefire, NATO troops in Ukraine or US troops in Ukraine; the coalition's position: a reassurance force after a ceasefire.", zopa.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void Ceasefire_sequencing_is_unknown_before_Russia_states_its_terms_and_a_conflict_after()
    {
        var book = Demo();

        var april = book.ZopaAt("ceasefire-sequencing", new DateOnly(2025, 5, 15));
        var july = book.ZopaAt("ceasefire-sequencing", new DateOnly(2025, 7, 1));

        Assert.Equal((ZopaState.Unknown, "RUS"), (april.State, april.Unknown.Single()));
        Assert.Equal(["ceasefire-first"], april.Options);
        Assert.Equal(ZopaState.Conflict, july.State);
        Assert.Equal("RUS", july.Clashing[0]);
    }

    [Fact]
    public void The_United_States_position_on_territory_changes_with_the_draft_of_November_2025()
    {
        var book = Demo();

        var timeline = PositionHistory.Timeline(book.Positions, book.Issue("territory"), "USA");

        Assert.Equal([new DateOnly(2025, 2, 12), new DateOnly(2025, 11, 21)], timeline.Select(c => c.AsOf));
        Assert.Contains(timeline[1].Changes, c => c.StartsWith("accepts:", StringComparison.Ordinal));
    }

    [Fact]
    public void Army_size_conflicts_between_Ukraines_800000_and_the_draft_cap_in_January_2026()
    {
        var zopa = Demo().ZopaAt("army-size", new DateOnly(2026, 1, 10));

        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Equal(["RUS", "UKR", "USA"], zopa.Clashing);
        Assert.Equal("Conflict. Russia's red line: nothing above 85,000 troops; Ukraine's position: at least 800,000 troops; United States' position: exactly 600,000 troops.", zopa.Words);
    }

    [Fact]
    public void A_sentence_that_starts_with_the_coalition_starts_with_a_capital()
    {
        var zopa = Demo().ZopaAt("sanctions", new DateOnly(2025, 12, 1));

        Assert.StartsWith("Conflict. The coalition's red line: sanctions kept and tightened;", zopa.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void Lavrovs_restatement_in_September_changes_nothing_but_the_words()
    {
        var book = Demo();

        var timeline = PositionHistory.Timeline(book.Positions, book.Issue("foreign-troops"), "RUS");

        Assert.Equal(["restated in other words"], timeline[^1].Changes);
    }

    [Fact]
    public void A_party_the_file_names_that_is_no_actor_is_refused_by_its_field()
    {
        var json = File.ReadAllText(Path.Combine(Folder, "positions.json")).Replace("\"party\": \"USA\"", "\"party\": \"USX\"", StringComparison.Ordinal);

        var outcome = PositionsFile.Read(json, Parties);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("positions[2].party", outcome.Errors!.ToDictionary().Keys);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_field()
    {
        var outcome = PositionsFile.Read("""{ "issues": [], "positions": [ { "asOf": 12 } ] }""", Parties);

        Assert.Equal(["positions[0].asOf"], outcome.Errors!.ToDictionary().Keys);
    }

    [Fact]
    public void Two_positions_of_one_party_on_one_issue_on_one_day_are_refused()
    {
        var input = System.Text.Json.JsonSerializer.Deserialize<PositionsFileInput>(File.ReadAllText(Path.Combine(Folder, "positions.json")), TruceJson.Options)!;
        input.Positions!.Add(input.Positions[0]);

        var outcome = PositionsFile.Read(System.Text.Json.JsonSerializer.Serialize(input, TruceJson.Options), Parties);

        Assert.Equal([$"positions[{input.Positions.Count - 1}].asOf"], outcome.Errors!.ToDictionary().Keys);
    }
}
