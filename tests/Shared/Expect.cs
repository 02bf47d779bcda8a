using Truce.Core.Common;
using Xunit;

namespace Truce.Testing;

/// <summary>Assertions the tests share, so that what they check reads the same everywhere (compiled into each test project).</summary>
internal static class Expect
{
    /// <summary>The outcome is done; its value.</summary>
    public static T Done<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsDone, $"Expected done, got {outcome.Kind}: {outcome.Message ?? outcome.Errors?.ToString()}");
        return outcome.Value;
    }

    /// <summary>The outcome is a refusal of <paramref name="kind"/>.</summary>
    public static Outcome<T> Refused<T>(Outcome<T> outcome, OutcomeKind kind)
    {
        Assert.True(outcome.Kind == kind, $"Expected {kind}, got {outcome.Kind}: {outcome.Message ?? outcome.Errors?.ToString()}");
        return outcome;
    }

    /// <summary>The outcome is invalid; its errors by field.</summary>
    public static IDictionary<string, string> Invalid<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.Kind == OutcomeKind.Invalid, $"Expected invalid, got {outcome.Kind}: {outcome.Message}");
        return outcome.Errors!.ToDictionary().ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every item holds <paramref name="check"/>, and there is at least one: a check over nothing passes
    /// vacuously and proves nothing (the tests may not call <c>Assert.All</c> directly).
    /// </summary>
    public static void All<T>(IEnumerable<T> items, Action<T> check)
    {
        var list = items.ToList();
        Assert.NotEmpty(list);
#pragma warning disable RS0030 // The one sanctioned use: see tests/BannedSymbols.txt.
        Assert.All(list, check);
#pragma warning restore RS0030
    }
}
