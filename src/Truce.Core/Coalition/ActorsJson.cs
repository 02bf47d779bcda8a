using System.Globalization;
using System.Text.Json.Nodes;

namespace Truce.Core.Coalition;

/// <summary>
/// Actors as data/demo/actors.json writes them (code, name, kind, aliases, roles with title, of, from, to), read
/// as Core's <see cref="Actor"/> for what runs without a store: the extractor's tests and its measurements. The
/// demo loader reads the same file with a check of every entry (Storage's CoalitionDemoData).
/// </summary>
public static class ActorsJson
{
    public static List<Actor> Read(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(node => new Actor
        {
            Code = (string)node!["code"]!,
            Name = (string)node["name"]!,
            Kind = Enum.Parse<ActorKind>((string)node["kind"]!, ignoreCase: true),
            Aliases = [.. node["aliases"]!.AsArray().Select(a => (string)a!)],
            Roles = [.. node["roles"]!.AsArray().Select(r => new ActorRole
            {
                Title = (string)r!["title"]!,
                OfCode = (string)r["of"]!,
                From = r["from"] is { } f ? DateOnly.Parse((string)f!, CultureInfo.InvariantCulture) : null,
                To = r["to"] is { } t ? DateOnly.Parse((string)t!, CultureInfo.InvariantCulture) : null,
            })],
        })];
}
