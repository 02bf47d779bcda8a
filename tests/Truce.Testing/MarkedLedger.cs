using Truce.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Commitments;
using Truce.Core.Security;
using Truce.Storage.Commitments;

namespace Truce.Testing;

/// <summary>The demo ledger plus one troop pledge of each marking, made once for all the tests of a class.</summary>
public sealed class MarkedLedger : TruceApp
{
    // Each carries a distinct troop count so that totals show exactly which were counted.
    public static readonly (string Name, string Member, string Level, string[] RelTo, long Troops)[] Markings =
    [
        ("public", "GBR", "public", [], 1),
        ("coalition", "GBR", "coalition", [], 10),
        ("rel-to-gbr", "FRA", "rel-to", ["GBR"], 100),
        ("rel-to-fra", "GBR", "rel-to", ["FRA"], 1_000),
        ("national-gbr", "GBR", "national", [], 10_000),
        ("national-fra", "FRA", "national", [], 100_000),
    ];

    /// <summary>Who may see which of <see cref="Markings"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Visible = new Dictionary<string, string[]>
    {
        ["admin"] = ["public", "coalition", "rel-to-gbr", "rel-to-fra", "national-gbr", "national-fra"],
        ["planner"] = ["public", "coalition"],
        ["liaison-gbr"] = ["public", "coalition", "rel-to-gbr", "national-gbr"],
        ["liaison-fra"] = ["public", "coalition", "rel-to-fra", "national-fra"],
        ["viewer"] = ["public", "coalition"],
    };

    public string Tag { get; } = "Marked-" + Guid.NewGuid().ToString("N")[..8];

    public Dictionary<string, int> Ids { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var writes = scope.ServiceProvider.GetRequiredService<PledgeWrites>();
        foreach (var (name, member, level, relTo, troops) in Markings)
        {
            var created = await writes.CreateAsync(
                Principal.System("test set-up"),
                new PledgeInput
                {
                    Member = member,
                    Title = $"{Tag} {name}",
                    Category = "troops",
                    Quantity = troops,
                    Unit = "troops",
                    Sources = [new CitationInput { Url = "https://example.org/marked" }],
                    Marking = new MarkingInput { Level = level, RelTo = [.. relTo] },
                });
            Ids[name] = Expect.Done(created).Id;
        }
    }
}
