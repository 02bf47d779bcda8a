using Truce.Core.Coalition;
using Truce.Core.Sources;

namespace Truce.Core.Tests.Sources;

/// <summary>The actors of <c>data/demo/actors.json</c>, read as Core's <see cref="Actor"/>, and the repository's files by path.</summary>
internal static class DemoActors
{
    private static readonly Lazy<List<Actor>> Demo = new(() => ActorsJson.Read(File.ReadAllText(InRepository("data", "demo", "actors.json"))));

    public static IReadOnlyList<Actor> All => Demo.Value;

    /// <summary>A directory of the demo actors and any more a test adds (a spokesman, a seat of government).</summary>
    public static ActorDirectory Directory(params Actor[] more) => new([.. All, .. more]);

    public static Actor Person(string code, string name, string title, string of, string? from = null, string? to = null, params string[] aliases) => new()
    {
        Code = code,
        Name = name,
        Kind = ActorKind.Person,
        Aliases = [.. aliases],
        Roles = [new ActorRole { Title = title, OfCode = of, From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), To = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) }],
    };

    public static string InRepository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(parts)} is not in any folder above the test run.");
    }
}
