using System.Text;
using Truce.Core.Coalition;

namespace Truce.Core.Sources;

/// <summary>
/// The actors a document's speakers are linked to, looked up the ways news names them: a name or an alias
/// ("Zelenskyy"), a surname alone ("Macron"), a title held at a date ("the prime minister", "the French president",
/// "European Commission President"), and the adjective or seat of government that qualifies a title ("French",
/// "Kremlin"). Built once from a list of actors and read by any number of extractions; it never changes.
/// </summary>
public sealed class ActorDirectory
{
    // Adjectives of nationality are general English, not data of one scenario: a title's qualifier ("the Dutch
    // prime minister") needs them, and actors.json names states, not their adjectives. Used only for codes the
    // directory holds.
    private static readonly Dictionary<string, string> Demonyms = new(StringComparer.Ordinal)
    {
        ["american"] = "USA", ["australian"] = "AUS", ["belgian"] = "BEL", ["british"] = "GBR", ["canadian"] = "CAN",
        ["czech"] = "CZE", ["danish"] = "DNK", ["dutch"] = "NLD", ["estonian"] = "EST", ["finnish"] = "FIN",
        ["french"] = "FRA", ["german"] = "DEU", ["hungarian"] = "HUN", ["icelandic"] = "ISL", ["irish"] = "IRL",
        ["italian"] = "ITA", ["japanese"] = "JPN", ["latvian"] = "LVA", ["lithuanian"] = "LTU", ["norwegian"] = "NOR",
        ["polish"] = "POL", ["portuguese"] = "PRT", ["romanian"] = "ROU", ["russian"] = "RUS", ["saudi"] = "SAU",
        ["slovak"] = "SVK", ["spanish"] = "ESP", ["swedish"] = "SWE", ["turkish"] = "TUR", ["ukrainian"] = "UKR",
        ["us"] = "USA", ["uk"] = "GBR",
    };

    private readonly Dictionary<string, Actor> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Actor>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Actor Person, ActorRole Role)>> _byTitle = new(StringComparer.Ordinal);

    public ActorDirectory(IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var surnames = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            _byCode[actor.Code] = actor;
            AddName(actor.Name, actor);
            foreach (var alias in actor.Aliases)
            {
                AddName(alias, actor);
            }

            if (actor.Kind == ActorKind.Person)
            {
                var last = actor.Name.LastIndexOf(' ');
                if (last > 0)
                {
                    var key = Key(actor.Name.AsSpan(last + 1));
                    if (!surnames.TryGetValue(key, out var list))
                    {
                        surnames[key] = list = [];
                    }

                    list.Add(actor);
                }

                foreach (var role in actor.Roles)
                {
                    foreach (var title in TitleKeys(role.Title))
                    {
                        if (!_byTitle.TryGetValue(title, out var holders))
                        {
                            _byTitle[title] = holders = [];
                        }

                        holders.Add((actor, role));
                    }
                }
            }
        }

        // A surname alone names a person only when no other actor goes by it; an alias that says otherwise wins.
        foreach (var (surname, people) in surnames)
        {
            if (people.Count == 1 && !_byName.ContainsKey(surname))
            {
                _byName[surname] = people;
            }
        }
    }

    /// <summary>The actor of this code, if the directory holds it.</summary>
    public Actor? this[string code] => _byCode.GetValueOrDefault(code);

    /// <summary>The one actor that goes by this name, alias or surname; null when none or several do.</summary>
    public Actor? ByName(ReadOnlySpan<char> written)
    {
        var key = Key(written);
        return key.Length > 0 && _byName.TryGetValue(key, out var found) && found.Count == 1 ? found[0] : null;
    }

    /// <summary>The state or organisation a qualifier names: an adjective of nationality, a name, an alias ("Kremlin").</summary>
    public string? QualifierCode(ReadOnlySpan<char> written)
    {
        var key = Key(written);
        if (Demonyms.TryGetValue(key, out var code) && _byCode.ContainsKey(code))
        {
            return code;
        }

        return _byName.TryGetValue(key, out var found) && found.Count == 1 && found[0].Kind != ActorKind.Person ? found[0].Code : null;
    }

    /// <summary>Whether the last words of a phrase are a title someone in the directory holds or held ("prime minister").</summary>
    public bool IsTitle(string key) => _byTitle.ContainsKey(key);

    /// <summary>
    /// The people who held <paramref name="title"/> (a normalised title key) on <paramref name="at"/>, of the
    /// state or organisation <paramref name="ofCode"/> when one is given.
    /// </summary>
    public IEnumerable<Actor> Holders(string title, string? ofCode, DateOnly at)
    {
        if (!_byTitle.TryGetValue(title, out var holders))
        {
            yield break;
        }

        foreach (var (person, role) in holders)
        {
            if (InForce(role, at) && (ofCode is null || role.OfCode == ofCode))
            {
                yield return person;
            }
        }
    }

    /// <summary>
    /// The heads of state or government of <paramref name="ofCode"/> (any state when null) on a date: whoever then
    /// held a title that is a president's, a prime minister's or a chancellor's. "The United Kingdom leader", "the
    /// head of state" name an office news English leaves unnamed.
    /// </summary>
    public IEnumerable<Actor> Heads(string? ofCode, DateOnly at)
    {
        foreach (var title in HeadTitles)
        {
            foreach (var person in Holders(title, ofCode, at))
            {
                if (ofCode is not null || person.Roles.Any(r => InForce(r, at) && _byCode.TryGetValue(r.OfCode, out var of) && of.Kind == ActorKind.State))
                {
                    yield return person;
                }
            }
        }
    }

    private static readonly string[] HeadTitles = ["president", "prime minister", "chancellor"];

    /// <summary>The state or organisation a person speaks for on a date: the one of the first office they then hold.</summary>
    public static string? SpeaksFor(Actor person, DateOnly at)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Roles.FirstOrDefault(r => InForce(r, at))?.OfCode;
    }

    private static bool InForce(ActorRole role, DateOnly at) => (role.From is null || role.From <= at) && (role.To is null || at < role.To);

    private void AddName(string name, Actor actor)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return;
        }

        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        if (!list.Contains(actor))
        {
            list.Add(actor);
        }
    }

    /// <summary>
    /// The keys a role's title is found under: the title itself, its head without the office it belongs to
    /// ("President of the European Commission" → "president", "european commission president"), and the
    /// usual short forms of ministers ("Minister of Foreign Affairs" → "foreign minister").
    /// </summary>
    private static IEnumerable<string> TitleKeys(string title)
    {
        var key = Key(title);
        yield return key;
        var comma = key.IndexOf(',');
        if (comma > 0)
        {
            key = key[..comma].Trim();
            yield return key;
        }

        var of = key.IndexOf(" of ", StringComparison.Ordinal);
        if (of > 0)
        {
            var head = key[..of];
            var rest = key[(of + 4)..];
            if (rest.StartsWith("the ", StringComparison.Ordinal))
            {
                rest = rest[4..];
            }

            if (rest.EndsWith(" affairs", StringComparison.Ordinal))
            {
                rest = rest[..^8];
            }

            yield return head;
            yield return rest + " " + head;
            if (rest == "defence" || rest == "defense")
            {
                yield return "defence " + head;
                yield return "defense " + head;
            }
        }
    }

    /// <summary>
    /// A name as a lookup key: lower case, dots dropped ("U.S." = "US"), spokesman, spokeswoman and spokesperson
    /// made one word, runs of spaces made one.
    /// </summary>
    internal static string Key(ReadOnlySpan<char> written)
    {
        var sb = new StringBuilder(written.Length);
        var space = false;
        foreach (var c in written.Trim())
        {
            if (c == '.')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
        }

        return sb.ToString().Replace("spokeswoman", "spokesperson", StringComparison.Ordinal).Replace("spokesman", "spokesperson", StringComparison.Ordinal);
    }
}
