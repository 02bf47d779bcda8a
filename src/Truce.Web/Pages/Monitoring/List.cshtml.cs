using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Storage.Monitoring;
using Truce.Web.Api;
using Truce.Web.Security;

namespace Truce.Web.Pages.Monitoring;

/// <summary>
/// The observations as a table, newest first, with the map's filters and a window of dates; a page at a
/// time, the next one starting after the last row shown (keyset paging, so a page deep in a million rows
/// costs what the first does).
/// </summary>
public sealed class ListModel(ObservationReads reads) : PageModel
{
    public const int PageSize = 50;

    public ObservationPage Results { get; private set; } = new([], null);

    public string? From { get; private set; }

    public string? To { get; private set; }

    public string? Type { get; private set; }

    public string? Verdict { get; private set; }

    public string? Source { get; private set; }

    public string? Side { get; private set; }

    public bool IsFirstPage { get; private set; } = true;

    public string? Errors => ModelState.IsValid ? null : ModelState.Summary();

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? type, string? verdict, string? source, string? side, string? after, CancellationToken ct)
    {
        (From, To, Type, Verdict, Source, Side) = (from?.Trim(), to?.Trim(), type?.Trim(), verdict?.Trim(), source?.Trim(), side?.Trim());
        var errors = new ValidationErrors();
        var filter = ObservationFilters.Read(from, to, null, type, verdict, source, side, errors);
        ObservationCursor? cursor = null;
        if (!string.IsNullOrWhiteSpace(after) && !ObservationCursor.TryParse(after.Trim(), out cursor))
        {
            errors.Add("after", "Not a place in the table; start again from the first page.");
        }

        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
            return Page();
        }

        // A date as the window's end means the whole of that day.
        if (filter.To is { } end && to!.Trim().Length == 10)
        {
            filter = filter with { To = end.AddDays(1).AddTicks(-1) };
        }

        IsFirstPage = cursor is null;
        Results = await reads.PageAsync(User.ToPrincipal(), filter, cursor, PageSize, ct);
        return Page();
    }

    /// <summary>This table's address with the same filters, from the start or after <paramref name="after"/>.</summary>
    public string Link(ObservationCursor? after = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From,
            ["to"] = To,
            ["type"] = Type,
            ["verdict"] = Verdict,
            ["source"] = Source,
            ["side"] = Side,
            ["after"] = after?.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/monitoring/list", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
