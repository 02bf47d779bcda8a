using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>
/// The model keeps the releasability rule by construction: every entity either carries a marking and is
/// filtered by it, belongs to one that does and is filtered with it, or is named as unmarked (read by
/// admins only, through services that refuse everyone else). A new entity that is none of these fails here.
/// </summary>
public sealed class ReleasabilityModelTests
{
    private static async Task<List<Microsoft.EntityFrameworkCore.Metadata.IEntityType>> EntitiesAsync()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var scope = db.Scope();
        return scope.ServiceProvider.GetRequiredService<TruceDb>().Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();
    }

    [Fact]
    public async Task Every_entity_that_carries_a_marking_is_filtered_by_it()
    {
        var marked = (await EntitiesAsync()).Where(e => typeof(IMarked).IsAssignableFrom(e.ClrType)).ToList();

        Expect.All(marked, e => Assert.True(Releasability.IsFiltered(e), $"{e.ClrType.Name} carries a marking but no releasability filter."));
        Expect.All(marked, e => Assert.NotNull(e.FindComplexProperty(nameof(IMarked.Marking))));
    }

    [Fact]
    public async Task Every_entity_is_marked_filtered_through_its_owner_or_named_as_unmarked()
    {
        var unclassified = (await EntitiesAsync())
            .Where(e => !Releasability.IsFiltered(e) && !Releasability.Unmarked.Contains(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();

        Assert.True(unclassified.Count == 0, $"Entities with no releasability filter that are not named unmarked: {string.Join(", ", unclassified)}. Give each a marking (IMarked), a filter through the record it belongs to, or add it to Releasability.Unmarked.");
    }

    [Fact]
    public async Task Unmarked_entities_carry_no_marking_and_no_filter()
    {
        var unmarked = (await EntitiesAsync()).Where(e => Releasability.Unmarked.Contains(e.ClrType)).ToList();

        Assert.Equal(Releasability.Unmarked.Count, unmarked.Count);
        Expect.All(unmarked, e => Assert.False(typeof(IMarked).IsAssignableFrom(e.ClrType) || Releasability.IsFiltered(e)));
    }

    [Fact]
    public async Task The_releasability_filter_is_the_only_query_filter()
    {
        var filters = (await EntitiesAsync()).SelectMany(e => e.GetDeclaredQueryFilters().Select(f => (Entity: e.ClrType.Name, f.Key))).ToList();

        Expect.All(filters, f => Assert.Equal(Releasability.FilterName, f.Key));
    }
}
