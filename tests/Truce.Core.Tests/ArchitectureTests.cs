using System.Reflection;
using NetArchTest.Rules;
using Truce.Core.Commitments;
using Truce.Testing;

namespace Truce.Core.Tests;

/// <summary>
/// Keeps the shape of DESIGN.md: Core free of I/O frameworks; modules that depend one way, in Core and in
/// Storage alike; and each module in the same place in every layer, so a newcomer finds it in one hop per layer.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Pledge).Assembly;
    private static readonly Assembly Storage = typeof(Truce.Storage.TruceDb).Assembly;
    private static readonly Assembly Web = typeof(Truce.Web.Program).Assembly;

    // Each module and the modules it uses directly (DESIGN.md, "Shape"); what those use it may use too.
    // Common holds small shared values (citations, outcomes, validation errors) and depends on nothing.
    private static readonly Dictionary<string, string[]> Uses = new()
    {
        ["Common"] = [],
        ["Security"] = ["Common"],
        ["Coalition"] = ["Security"],
        ["Commitments"] = ["Coalition"],
        ["Planning"] = ["Commitments"],
        ["Geography"] = ["Security"],
        ["Agreements"] = ["Coalition", "Geography"],
        ["Monitoring"] = ["Agreements", "Geography"],
        ["Verification"] = ["Monitoring"],
        ["Alerts"] = ["Monitoring", "Verification"],
        ["Reports"] = ["Monitoring", "Verification", "Agreements"],
        ["Sources"] = ["Coalition"],
        ["Positions"] = ["Coalition", "Commitments", "Sources"],
        ["Candidates"] = ["Sources", "Positions", "Commitments"],
    };

    /// <summary>What <paramref name="module"/> may use: what it uses, and what those use, all the way down.</summary>
    private static HashSet<string> MayUse(string module)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>(Uses[module]);
        while (next.TryPop(out var used))
        {
            if (reached.Add(used))
            {
                Array.ForEach(Uses[used], next.Push);
            }
        }

        return reached;
    }

    private static IEnumerable<string> ModulesIn(Assembly assembly, string root) =>
        assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(n => n[(root.Length + 1)..].Split('.')[0]).Distinct();

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
    public void The_dependency_map_has_no_cycle()
    {
        Expect.All(Uses.Keys, m => Assert.DoesNotContain(m, MayUse(m)));
    }

    [Fact]
    public void Every_module_of_Core_and_Storage_is_in_the_dependency_map()
    {
        var modules = ModulesIn(Core, "Truce.Core").Concat(ModulesIn(Storage, "Truce.Storage").Where(m => m is not "Migrations"));

        Expect.All(modules, m => Assert.True(Uses.ContainsKey(m), $"{m} is not in the dependency map of this test; add it with the modules it uses."));
    }

    [Theory]
    [InlineData("Truce.Core")]
    [InlineData("Truce.Storage")]
    public void Modules_depend_only_one_way(string root)
    {
        var assembly = root == "Truce.Core" ? Core : Storage;
        var failures = new List<string>();
        foreach (var module in ModulesIn(assembly, root).Where(Uses.ContainsKey))
        {
            var allowed = MayUse(module);
            var forbidden = Uses.Keys.Where(k => k != module && !allowed.Contains(k)).Select(k => $"{root}.{k}").ToArray();
            var result = Types.InAssembly(assembly).That().ResideInNamespace($"{root}.{module}").ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
            {
                failures.Add($"{module} → {string.Join(", ", result.FailingTypeNames)}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Every_module_of_Core_has_its_storage_folder_and_its_API()
    {
        var storage = ModulesIn(Storage, "Truce.Storage").ToHashSet(StringComparer.Ordinal);
        var apis = Web.GetTypes().Where(t => t.Namespace == "Truce.Web.Api" && t.Name.EndsWith("Api", StringComparison.Ordinal)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var modules = ModulesIn(Core, "Truce.Core").Where(m => m is not "Common").ToList();

        Expect.All(modules, m => Assert.True(storage.Contains(m), $"Truce.Core.{m} has no Truce.Storage.{m}: its reads and writes, entity configurations and demo data belong there."));

        // The Security module's API is the audit trail's.
        Expect.All(modules, m => Assert.True(apis.Contains(m == "Security" ? "AuditApi" : $"{m}Api"), $"Truce.Core.{m} has no Api/{m}Api.cs."));
    }

    [Fact]
    public void Storage_does_not_depend_on_the_web_host()
    {
        var result = Types.InAssembly(Storage).ShouldNot().HaveDependencyOnAny("Truce.Web", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
