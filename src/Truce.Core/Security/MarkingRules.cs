using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Security;

/// <summary>Reads a <see cref="MarkingInput"/>, naming what is wrong under <c>marking.level</c> or <c>marking.relTo</c>.</summary>
public static class MarkingRules
{
    /// <param name="owner">The member a NATIONAL record belongs to (a pledge's member).</param>
    public static Marking? Read(MarkingInput? input, string owner, ValidationErrors errors)
    {
        if (input is null)
        {
            return Marking.Coalition();
        }

        if (!Kebab.TryParse(input.Level, out MarkingLevel level))
        {
            errors.Add("marking.level", $"'{input.Level}' is not a marking; expected one of {Kebab.Choices<MarkingLevel>()}.");
            return null;
        }

        var before = errors.Count;
        var relTo = new List<string>();
        if (TextRules.CheckList(input.RelTo, errors, "marking.relTo"))
        {
            for (var i = 0; i < (input.RelTo?.Count ?? 0); i++)
            {
                if (TextRules.Read(input.RelTo![i], TextRules.MaxCode, errors, $"marking.relTo[{i}]") is { } member)
                {
                    relTo.Add(member);
                }
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        if (level == MarkingLevel.RelTo && relTo.Count == 0)
        {
            errors.Add("marking.relTo", "REL TO needs at least one member, e.g. [\"GBR\", \"FRA\"].");
            return null;
        }

        if (level != MarkingLevel.RelTo && relTo.Count > 0)
        {
            errors.Add("marking.relTo", $"Only a rel-to marking lists members; this one is {Kebab.Of(level)}.");
            return null;
        }

        return Marking.Of(level, relTo, owner);
    }
}
