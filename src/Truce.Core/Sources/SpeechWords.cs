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
        "conceded", "predicted", "vowed", "promised", "asserted", "recalled", "told", "tells", "noted", "tell", "declares",
        "urged", "urges", "accused", "accuses", "specified", "clarified", "hinted", "indicated", "revealed", "suggested",
        "observed", "remarked", "commented", "concluded", "assured", "reported", "reports", "pledged", "demanded",
        "demanding", "denied", "alleged", "complained", "countered", "signalled", "signaled", "called", "threatened",
        "reaffirmed", "answered", "disclosed", "contended", "estimated", "forecast");

    /// <summary>
    /// Verbs that report speech only with "that" or a quotation: with a bare noun phrase they report an act
    /// ("confirmed the visit", "reported this"), not words. A bare clause after them counts only when it carries
    /// the speaker's quoted words ("announced the availability of “several countries”").
    /// </summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ThatOnly = Lookup(
        "announced", "announces", "confirmed", "confirms", "reported", "reports", "specified", "clarified", "hinted",
        "indicated", "revealed", "suggested", "observed", "remarked", "commented", "concluded", "assured", "denied",
        "alleged", "complained", "countered", "signalled", "signaled", "called", "reaffirmed", "acknowledged",
        "emphasised", "emphasized", "stressed", "underlined", "underscored",
        "admitted", "disclosed", "recalled", "explained", "answered", "reiterated", "contended", "estimated", "forecast");

    /// <summary>Verbs whose reported content may be an infinitive: "pledged to …", "urged allies to …".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Infinitive = Lookup(
        "pledged", "vowed", "promised", "threatened", "urged", "urges", "called");

    /// <summary>Verbs whose reported content follows their object and "of": "accused Europe of …".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Accusing = Lookup(
        "accused", "accuses", "accusing");

    /// <summary>Nouns whose "that" clause is reported speech of their possessor: "Trump’s claim that …".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClaimNouns = Lookup(
        "claim", "claims", "assertion", "insistence", "warning", "suggestion", "assurance", "assurances", "argument",
        "announcement", "remarks", "comments", "pledge", "promise", "statement", "accusation", "allegation", "message");

    /// <summary>Speaking nouns that voice one person: "Zelensky’s spokesman", "her press service".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Voices = Lookup(
        "spokesman", "spokeswoman", "spokesperson", "service", "secretary", "spokespeople");

    /// <summary>Speaking nouns that are a person's institution: "Zelensky’s office" speaks for the state.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Institutions = Lookup(
        "office", "administration", "government", "cabinet", "presidency", "ministry", "embassy", "team");

    /// <summary>Nouns of a person named before ("the official", "the diplomat"): the last person who spoke.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNouns = Lookup(
        "official", "diplomat", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy",
        "politician", "minister", "negotiator");

    /// <summary>Nouns of a publication: "a Telegraph story", "an Interfax report" speak as the publication.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MediaNouns = Lookup(
        "story", "report", "article", "editorial", "interview", "newspaper", "daily", "agency", "broadcaster");

    /// <summary>Lower-case words of an office's name before a person's name: "Kremlin spokesman Dmitry Peskov".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleWords = Lookup(
        "foreign", "defence", "defense", "prime", "deputy", "vice", "special", "national", "security", "press",
        "policy", "affairs", "state", "top", "senior", "chief", "presidential", "former", "news", "economic", "of",
        "the", "and", "interior", "finance", "armed", "forces", "for", "high", "representative", "new", "outgoing",
        "incoming", "acting");

    /// <summary>Subordinators: a clause they open is no reported clause of its own ("when asked …").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Subordinators = Lookup(
        "when", "after", "before", "while", "during", "as", "if", "because", "since", "though", "although", "following");

    /// <summary>Participles that hang a second statement on a speaker already named: ", adding that …".</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Participles = Lookup(
        "adding", "saying", "insisting", "warning", "noting", "stressing", "arguing", "explaining", "claiming", "stating",
        "accusing", "urging", "declaring", "emphasising", "emphasizing", "underlining", "asserting", "reiterating",
        "announcing", "recalling", "confirming", "demanding", "telling", "suggesting", "cautioning", "writing");

    /// <summary>Words that may stand between a speaker and the verb ("Starmer has also said").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Between = Lookup(
        "also", "has", "have", "had", "both", "again", "later", "earlier", "previously", "repeatedly", "then",
        "further", "once", "separately", "reportedly", "publicly", "recently", "already", "himself", "herself", "all",
        "will", "would", "could", "can", "may", "might", "must", "shall", "should", "is", "was", "are", "were", "did",
        "does", "do", "to", "expected", "set", "went", "going", "on", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "last", "this", "week", "night",
        "morning", "evening", "afternoon", "however", "too", "subsequently", "first", "soon", "swiftly", "quickly");

    /// <summary>Adverbs in -ly that are nouns: not skipped between a speaker and the verb.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotAdverbs = Lookup(
        "family", "ally", "rally", "assembly", "supply", "reply", "anomaly", "monopoly", "italy", "july", "daily",
        "weekly", "only", "early", "fly");

    /// <summary>Words that may stand between the verb and what was said ("said yesterday that").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> After = Lookup(
        "yesterday", "today", "tonight", "earlier", "later", "also", "again", "recently", "previously", "repeatedly",
        "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "week", "night",
        "this", "morning", "evening", "afternoon", "late", "now");

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
        "administration", "prosecutor", "analysts", "analyst", "experts", "expert", "defence", "staff", "service",
        "spokespeople", "story", "report", "article", "editorial", "newspaper", "broadcaster", "team", "politician",
        "presidency", "secretary", "representative", "state");

    /// <summary>Auxiliaries and copulas: after ", which …," they show the main clause going on.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Auxiliaries = Lookup(
        "would", "will", "is", "was", "are", "were", "has", "had", "have", "could", "can", "must", "should", "may",
        "might", "shall", "did", "does");

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
