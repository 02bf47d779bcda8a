namespace Truce.Core.Security;

/// <summary>
/// The marking a record made of others carries: one that lets through only those who may read every part.
/// Public and coalition records narrow to the narrowest level; REL TO lists narrow to the members on all of
/// them; a NATIONAL part keeps its owner only if every REL TO list names it, and two owners leave nobody but
/// admins (a NATIONAL marking with no member).
/// </summary>
public static class MostRestrictive
{
    public static Marking Of(IEnumerable<Marking> parts)
    {
        var level = MarkingLevel.Public;
        HashSet<string>? relTo = null;
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            level = part.Level > level ? part.Level : level;
            if (part.Level == MarkingLevel.RelTo)
            {
                relTo = relTo is null ? [.. part.RelTo] : [.. relTo.Intersect(part.RelTo)];
            }
            else if (part.Level == MarkingLevel.National && part.Owner is { } owner)
            {
                owners.Add(owner);
            }
        }

        if (level == MarkingLevel.National)
        {
            var owner = owners.Count == 1 ? owners.First() : null;
            return Marking.Of(MarkingLevel.National, owner: owner is not null && (relTo is null || relTo.Contains(owner)) ? owner : null);
        }

        return level == MarkingLevel.RelTo && relTo!.Count == 0
            ? Marking.Of(MarkingLevel.National, owner: null)
            : Marking.Of(level, relTo);
    }
}
