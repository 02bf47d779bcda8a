namespace Truce.Core.Sources;

/// <summary>How a statement reaches the reader: in the speaker's words, in the writer's, or both.</summary>
public enum StatementType
{
    /// <summary>The speaker's own words between quotation marks.</summary>
    Direct,

    /// <summary>Reported speech: the writer's words for what was said ("X said that …").</summary>
    Indirect,

    /// <summary>Reported speech that carries a quoted fragment of the speaker's words.</summary>
    Mixed,
}

/// <summary>
/// One thing someone said, found in a document's body. Invariant: <c>body[Start..End] == Quote</c> and
/// <c>body[SpeakerStart..SpeakerEnd] == Speaker</c>, so a page can highlight both without searching; nothing is
/// paraphrased. For a direct statement the span is the text inside the marks (for a quotation over several
/// paragraphs it includes the paragraph breaks and the marks that reopen it); for reported and mixed speech it
/// is the reported clause up to the end of its sentence.
/// </summary>
/// <param name="Speaker">The speaker as written: "he", "the Kremlin", "French President Emmanuel Macron".</param>
/// <param name="SpeakerName">Who that is: an actor's name, or the name as the document gives it when no actor matches; null when unresolved.</param>
/// <param name="ActorCode">The actor the speaker is, at the document's date; null when no actor matches.</param>
/// <param name="OnBehalfOf">For a person, the state or organisation they spoke for at the document's date.</param>
/// <param name="Cue">The words that mark the speech: "said", "told reporters", "according to".</param>
public sealed record Statement(
    StatementType Type,
    string Quote,
    int Start,
    int End,
    string Speaker,
    string? SpeakerName,
    string? ActorCode,
    string? OnBehalfOf,
    string Cue,
    int SpeakerStart,
    int SpeakerEnd);
