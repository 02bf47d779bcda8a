using System.Globalization;
using Truce.Core.Common;

namespace Truce.Core.Candidates;

/// <summary>The statements list's filter as the API and the page receive it, each bad parameter named.</summary>
public static class StatementFilter
{
    public static StatementQuery? Read(string? actor, string? issue, string? from, string? to, int? limit, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var who = TextRules.Read(actor, TextRules.MaxCode, errors, "actor");
        var what = TextRules.Read(issue, TextRules.MaxCode, errors, "issue");
        var since = Date(from, errors, "from");
        var until = Date(to, errors, "to");
        if (since is { } a && until is { } b && b < a)
        {
            errors.Add("to", $"{b:yyyy-MM-dd} is before from ({a:yyyy-MM-dd}).");
        }

        if (limit is < 1 or > 5000)
        {
            errors.Add("limit", $"Expected 1 to 5,000; got {limit}.");
        }

        return errors.Count > before ? null : new StatementQuery(who, what, since, until, limit ?? 500);
    }

    private static DateOnly? Date(string? text, ValidationErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text.Trim()}' is not a date; expected YYYY-MM-DD.");
        return null;
    }
}
