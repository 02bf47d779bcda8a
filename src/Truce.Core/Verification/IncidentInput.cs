using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Verification;

/// <summary>
/// What a person sends to act on an incident, from the API or a page's form; each act reads the fields it
/// needs: observations and a reason to make or grow one, another incident to merge, a state to move to, a
/// party and confidence to attribute, a marking to release, what help is needed.
/// </summary>
public sealed class IncidentInput
{
    public List<long>? Observations { get; set; }

    public string? Reason { get; set; }

    /// <summary>When making an incident: take it to work on at once.</summary>
    public bool Claim { get; set; }

    public long? Other { get; set; }

    public string? To { get; set; }

    public string? AttributedTo { get; set; }

    public string? Confidence { get; set; }

    public MarkingInput? Marking { get; set; }

    public string? Need { get; set; }

    /// <summary>The state to move to; an error under <c>to</c> when it is not one.</summary>
    public VerificationState? State(ValidationErrors errors)
    {
        if (Kebab.TryParse(To, out VerificationState state))
        {
            return state;
        }

        errors.Add("to", $"'{To}' is not a verification state; expected one of {Kebab.Choices<VerificationState>()}.");
        return null;
    }

    /// <summary>The confidence of an attribution, none when not given; an error under <c>confidence</c> when it is not one.</summary>
    public Confidence? ConfidenceLevel(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Confidence))
        {
            return null;
        }

        if (Kebab.TryParse(Confidence, out Confidence level))
        {
            return level;
        }

        errors.Add("confidence", $"'{Confidence}' is not a confidence; expected one of {Kebab.Choices<Confidence>()}.");
        return null;
    }
}
