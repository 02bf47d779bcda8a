namespace Truce.Core.Sources;

/// <summary>
/// The closed word lists the extractor reads English news with. They are general English — the verbs of
/// reporting, the nouns that can speak, the little words between a speaker and a verb — not the words of one
/// article, so new articles are read by the same rules.
/// </summary>
internal static class SpeechWords
{
    /// <summary>Verbs that report speech when a speaker stands next to them.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Cues = Lookup(
        "said", "says", "say", "added", "adds", "warned", "warns", "insisted", "insists", "stressed", "stresses",
        "argued", "argues", "claimed", "claims", "stated", "declared", "announced", "announces", "explained",
        "wrote", "writes", "tweeted", "replied", "responded", "acknowledged", "admitted", "confirmed", "confirms",
        "cautioned", "reiterated", "emphasised", "emphasized", "underlined", "underscored", "maintained",
        "conceded", "predicted", "vowed", "promised", "asserted", "recalled", "told", "tells", "noted");

    /// <summary>Participles that hang a second statement on a speaker already named: ", adding that …".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Participles = Lookup(
        "adding", "saying", "insisting", "warning", "noting", "stressing", "arguing", "explaining", "claiming");

    /// <summary>Words that may stand between a speaker and the verb ("Starmer has also said").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Between = Lookup(
        "also", "has", "have", "had", "both", "again", "later", "earlier", "previously", "repeatedly", "then",
        "further", "once", "separately", "reportedly", "publicly", "recently", "already", "himself", "herself", "all");

    /// <summary>Words that may stand between the verb and what was said ("said yesterday that").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> After = Lookup(
        "yesterday", "today", "tonight", "earlier", "later", "also", "again", "recently", "previously", "repeatedly",
        "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "week", "night");

    /// <summary>Capitalised words that open a sentence without being part of a speaker's name.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = Lookup(
        "and", "but", "yet", "while", "so", "then", "the", "a", "an", "in", "on", "at", "however", "meanwhile",
        "also", "now", "even", "if", "when", "as", "after", "before", "since", "although", "though", "earlier",
        "later", "separately", "still", "instead", "there", "here", "this", "that", "it", "he", "she", "they", "we",
        "i", "what", "why", "how", "where", "who");

    /// <summary>Lower-case words inside a name ("Ursula von der Leyen", "Prime Minister of Australia").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameJoins = Lookup(
        "von", "der", "de", "van", "den", "di", "da", "du", "la", "le", "al", "bin", "of", "and", "ter", "dos", "del");

    /// <summary>Lower-case nouns that can speak: "the prime minister said", "a Kremlin spokesman said".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakingNouns = Lookup(
        "minister", "ministers", "president", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
        "chancellor", "secretary", "official", "officials", "leader", "leaders", "government", "ministry", "office",
        "envoy", "ambassador", "adviser", "advisers", "advisor", "aide", "aides", "commander", "diplomat",
        "diplomats", "source", "sources", "statement", "premier", "king", "general", "chief", "head", "governor",
        "mayor", "negotiator", "negotiators", "embassy", "army", "military", "communique", "communiqué",
        "declaration", "agency", "presidency", "cabinet", "parliament", "council", "commission", "alliance",
        "administration", "prosecutor", "analysts", "analyst", "experts", "expert", "defence", "staff", "service");

    /// <summary>Prepositions: a reported clause does not start with one ("claims as its own").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Prepositions = Lookup(
        "as", "to", "by", "for", "with", "about", "of", "from", "into", "at", "in", "against", "upon", "over", "under");

    /// <summary>Words that open a noun phrase naming a speaker.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = Lookup(
        "the", "a", "an", "his", "her", "its", "their", "one");

    /// <summary>Words that end a sentence-final period only seemingly ("Mr. Smith", "Gen. Syrskyi").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = Lookup(
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "jr", "sr", "no", "mt", "capt",
        "adm", "maj", "sgt", "rev", "hon", "co", "corp", "inc", "ltd", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec");

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
