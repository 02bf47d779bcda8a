namespace Truce.Core.Sources;

/// <summary>The grammatical gender a pronoun needs of its antecedent: "she" is never the last man who spoke.</summary>
internal enum Gender : byte
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// The gender of a person's name as news English writes it: by honorific ("Mrs", "Sir"), by first name, or by the
/// feminine endings of East Slavic surnames ("Zakharova"). General knowledge of names, not data of one scenario;
/// actors.json has no gender, and the directory's people are read by the same rule. A name it cannot tell is
/// <see cref="Gender.Unknown"/>, which either pronoun may take.
/// </summary>
internal static class Genders
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FemaleTitles = Lookup(
        "mrs", "ms", "miss", "madam", "madame", "dame", "lady", "baroness", "queen", "princess");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MaleTitles = Lookup(
        "mr", "sir", "lord", "king", "prince", "monsieur");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FemaleNames = Lookup(
        "ursula", "giorgia", "kaja", "maria", "mariya", "marie", "kamala", "hillary", "nancy", "angela", "annalena",
        "mette", "theresa", "liz", "elizabeth", "rachel", "yvette", "bridget", "kemi", "priti", "lisa", "emily", "anna",
        "anne", "ann", "olena", "olga", "iryna", "irina", "yulia", "yuliia", "julia", "tulsi", "karoline", "kristi",
        "pam", "susie", "marine", "ségolène", "catherine", "christine", "kristalina", "roberta", "sanna", "ingrida",
        "kersti", "evika", "petra", "zuzana", "maia", "salome", "viola", "alice", "sarah", "sara", "victoria", "linda",
        "helen", "mary", "jane", "laura", "karen", "kate", "katherine", "jennifer", "jessica", "michelle", "natalia",
        "natalya", "tatiana", "tatyana", "svetlana", "valentina", "elvira", "oksana", "kira", "nadia", "nadiya",
        "daria", "ewa", "beata", "agnieszka", "magdalena", "ilze", "kristina", "dorothea", "eva", "emma", "sophie",
        "claire", "amélie", "élisabeth", "elisabeth", "margrethe", "jutta", "heidi", "marta", "margarita", "rosa",
        "ana", "isabel", "teresa", "lucia", "paola", "chiara", "elena", "silvia", "jacinda", "penny", "sussan",
        "chrystia", "mélanie", "melanie", "mona", "amina", "fatima", "leila", "layla", "nicola", "kristrún",
        "hanna", "hannah", "halyna", "lyudmila", "ludmila", "valentyna", "inna", "alla", "yevgenia", "margaret",
        "barbara", "susan", "deborah", "patricia", "samantha", "nikki", "condoleezza", "madeleine", "marise", "stella");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MaleNames = Lookup(
        "keir", "emmanuel", "volodymyr", "olaf", "friedrich", "donald", "justin", "anthony", "christopher", "pedro",
        "dick", "antónio", "antonio", "mark", "vladimir", "pete", "marco", "sergey", "sergei", "steve", "mike",
        "andriy", "andrii", "rustem", "cevdet", "peter", "hakan", "dmitry", "dmitri", "yuri", "yury", "kirill", "john",
        "david", "sébastien", "sebastien", "boris", "johann", "radosław", "radoslaw", "jd", "keith", "denys", "jean",
        "jean-noel", "jean-noël", "alexander", "joe", "james", "jared", "dan", "michael", "robert", "george", "tony",
        "rishi", "jonas", "jens", "luis", "recep", "viktor", "robert", "josh", "marco", "kyrylo", "oleksandr",
        "sergiy", "serhiy", "ihor", "igor", "vadym", "yermak", "maxim", "maksym", "nikolai", "mykola", "alexei",
        "aleksei", "ramzan", "dmytro", "andrzej", "lars", "ulf", "alar", "gitanas", "edgars", "petr", "robert");

    public static Gender OfName(ReadOnlySpan<char> name)
    {
        var female = false;
        var male = false;
        var first = true;
        foreach (var range in name.Split(' '))
        {
            var word = name[range].TrimEnd('.');
            if (word.IsEmpty)
            {
                continue;
            }

            if (FemaleTitles.Contains(word))
            {
                return Gender.Female;
            }

            if (MaleTitles.Contains(word))
            {
                return Gender.Male;
            }

            if (first)
            {
                female |= FemaleNames.Contains(word);
                male |= MaleNames.Contains(word);
                first = false;
            }

            // East Slavic surnames take -ova, -eva, -ina, -aya in the feminine (Zakharova, Skabeyeva).
            if (char.IsUpper(word[0]) && word.Length > 4 && (word.EndsWith("ova", StringComparison.Ordinal) || word.EndsWith("eva", StringComparison.Ordinal) || word.EndsWith("skaya", StringComparison.Ordinal)))
            {
                female = true;
            }
        }

        return female == male ? Gender.Unknown : female ? Gender.Female : Gender.Male;
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
