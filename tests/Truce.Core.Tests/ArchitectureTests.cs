using System.Reflection;
using NetArchTest.Rules;
using Truce.Core.Commitments;

namespace Truce.Core.Tests;

/// <summary>
/// Keeps the shape of DESIGN.md: Core free of I/O frameworks, and capability folders depending one way
/// (Commitments → Coalition; Planning → Commitments; every capability → Security, which depends on none).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Pledge).Assembly;

    // Each capability and the capabilities it may use. Common holds small shared values (citations,
    // confidence, validation errors); it depends on nothing.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Common"] = [],
        ["Security"] = ["Common"],
        ["Coalition"] = ["Common", "Security"],
        ["Commitments"] = ["Common", "Security", "Coalition"],
        ["Planning"] = ["Common", "Security", "Coalition", "Commitments"],
        ["Geography"] = ["Common", "Security"],
        ["Agreements"] = ["Common", "Security", "Coalition", "Geography"],
        ["Monitoring"] = ["Common", "Security", "Agreements", "Geography", "Coalition"],
        ["Sources"] = ["Common", "Security", "Coalition"],
        ["Positions"] = ["Common", "Security", "Coalition", "Sources"],
    };

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Google.OrTools")]
    public void Core_does_not_reference_an_IO_framework(string framework)
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name!.StartsWith(framework, StringComparison.Ordinal));
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(framework).GetResult();
        Assert.True(result.IsSuccessful, $"Core types depend on {framework}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_Core_namespace_is_a_known_capability()
    {
        var capabilities = Core.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("Truce.Core.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct();

        Assert.All(capabilities, c => Assert.True(Allowed.ContainsKey(c), $"Truce.Core.{c} is not in the dependency map of this test; add it with the capabilities it may use."));
    }

    [Fact]
    public void Capabilities_depend_only_one_way()
    {
        var failures = new List<string>();
        foreach (var (capability, allowed) in Allowed)
        {
            var forbidden = Allowed.Keys.Where(k => k != capability && !allowed.Contains(k)).Select(k => $"Truce.Core.{k}").ToArray();
            var result = Types.InAssembly(Core).That().ResideInNamespace($"Truce.Core.{capability}").ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
            {
                failures.Add($"{capability} → {string.Join(", ", result.FailingTypeNames)}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Storage_does_not_depend_on_the_web_host()
    {
        var result = Types.InAssembly(typeof(Truce.Storage.TruceDb).Assembly).ShouldNot().HaveDependencyOnAny("Truce.Web", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
