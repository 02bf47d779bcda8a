using Truce.Core.Common;

namespace Truce.Core.Planning;

/// <summary>
/// What makes a requirement line valid, wherever it comes from: a planner's request, a change to a line,
/// the demo data, or a problem handed to a planner. The one place these rules are written.
/// </summary>
public static class RequirementRules
{
    /// <summary>Priorities run from 1 (most important) to this.</summary>
    public const int LowestPriority = 9;

    public const int MaxNote = 1000;

    /// <summary>
    /// Reads a new line (<paramref name="existing"/> null: every field is required) or a change to a line
    /// (fields left out keep their value; the code and the marking stay), then checks the result whole.
    /// </summary>
    /// <returns>The line as it would be stored, or null when any field is wrong (each named in <paramref name="errors"/>).</returns>
    public static Requirement? Read(
        RequirementInput input, Requirement? existing, Func<string, bool> isCapability, Func<string, bool> isSector, ValidationErrors errors, string prefix = "")
    {
        var before = errors.Count;
        var code = TextRules.Read(input.Code, TextRules.MaxCode, errors, prefix + "code");
        var note = TextRules.Read(input.Note, MaxNote, errors, prefix + "note", multiline: true);
        var capability = TextRules.Read(input.Capability, TextRules.MaxCode, errors, prefix + "capability");
        var sector = TextRules.Read(input.Sector, TextRules.MaxCode, errors, prefix + "sector");
        if (errors.Count > before)
        {
            return null;
        }

        if (existing is null && string.IsNullOrEmpty(code))
        {
            errors.Add(prefix + "code", "Required: a short code for the line, e.g. L5.");
        }
        else if (existing is not null && code is not null && code != existing.Code)
        {
            errors.Add(prefix + "code", "A line keeps its code; add a new line instead.");
        }

        if (existing is not null && input.Marking is not null)
        {
            errors.Add(prefix + "marking", "A line's marking is set when it is added.");
        }

        if (existing is null && input.Quantity is null)
        {
            errors.Add(prefix + "quantity", "Required: a whole number above zero, in the capability's measure.");
        }

        if (existing is null && (input.WindowStart is null || input.WindowEnd is null))
        {
            errors.Add(prefix + "window", "Required: windowStart and windowEnd (yyyy-mm-dd).");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var line = new Requirement(
            existing?.Id ?? 0,
            existing?.Code ?? code!,
            capability ?? existing?.CapabilityCode ?? string.Empty,
            input.Quantity ?? existing!.Quantity,
            sector ?? existing?.SectorCode ?? string.Empty,
            input.WindowStart ?? existing!.WindowStart,
            input.WindowEnd ?? existing!.WindowEnd,
            input.Priority ?? existing?.Priority ?? 1,
            note ?? existing?.Note);
        Check(line, isCapability, isSector, errors, prefix);
        return errors.Count > before ? null : line;
    }

    /// <summary>The checks every line meets. Field names carry <paramref name="prefix"/> (e.g. <c>requirements[3].</c>).</summary>
    public static void Check(Requirement line, Func<string, bool> isCapability, Func<string, bool> isSector, ValidationErrors errors, string prefix = "")
    {
        if (!isCapability(line.CapabilityCode))
        {
            errors.Add(prefix + "capability", $"'{line.CapabilityCode}' is not in the capability catalogue (GET /api/v1/planning/capabilities).");
        }

        if (!isSector(line.SectorCode))
        {
            errors.Add(prefix + "sector", $"'{line.SectorCode}' is not a sector (GET /api/v1/planning/sectors).");
        }

        DomainLimits.CheckQuantity(line.Quantity, errors, prefix + "quantity", "In the capability's measure, a whole number");
        var datesInRange = DomainLimits.CheckDate(line.WindowStart, errors, prefix + "windowStart") & DomainLimits.CheckDate(line.WindowEnd, errors, prefix + "windowEnd");
        if (datesInRange && line.WindowEnd < line.WindowStart)
        {
            errors.Add(prefix + "window", $"The window ends ({line.WindowEnd:yyyy-MM-dd}) before it starts ({line.WindowStart:yyyy-MM-dd}).");
        }

        if (line.Priority is < 1 or > LowestPriority)
        {
            errors.Add(prefix + "priority", $"1 (most important) to {LowestPriority}; got {line.Priority}.");
        }
    }
}
