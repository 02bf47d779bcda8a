using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;

namespace Truce.Web.Pages;

/// <summary>
/// The one mapping of a service's <see cref="Outcome{T}"/> onto a page: each field at fault into model state
/// under the name the API uses for it (<c>value.currency</c>), a refusal's message under the empty key, and
/// the status a browser (and a test) sees.
/// </summary>
public static class PageOutcomes
{
    /// <summary>Shows a refusal on the page; false when the outcome is done and there is nothing to show.</summary>
    public static bool Refused<T>(this PageModel page, Outcome<T> outcome)
    {
        if (outcome.IsDone)
        {
            return false;
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            page.Invalid(outcome.Errors!);
            return true;
        }

        page.ModelState.AddModelError(string.Empty, outcome.Message!);
        page.Response.StatusCode = outcome.Kind switch
        {
            OutcomeKind.NotFound => StatusCodes.Status404NotFound,
            OutcomeKind.Refused => StatusCodes.Status403Forbidden,
            OutcomeKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            OutcomeKind.Busy => StatusCodes.Status503ServiceUnavailable,

            // A form's stale version, or a name taken meanwhile: the page shows what happened, to reload.
            _ => StatusCodes.Status409Conflict,
        };
        return true;
    }

    public static void Invalid(this PageModel page, ValidationErrors errors)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            Array.ForEach(messages, m => page.ModelState.AddModelError(field, m));
        }

        page.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The messages for <paramref name="field"/> and the fields inside it (<c>conditions[1].kind</c> for <c>conditions</c>), or null.</summary>
    public static string? FieldError(this ModelStateDictionary state, string field)
    {
        var messages = state.Where(e => e.Key.Length > 0 && (e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal) || e.Key.StartsWith(field + ".", StringComparison.Ordinal)))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>Every field at fault with its messages, in the order they were found.</summary>
    public static IEnumerable<(string Field, string Messages)> FieldErrors(this ModelStateDictionary state) =>
        state.Where(e => e.Key.Length > 0 && e.Value!.Errors.Count > 0).Select(e => (e.Key, string.Join(" ", e.Value!.Errors.Select(x => x.ErrorMessage))));

    /// <summary>Every field at fault in one line, <c>field: message; field: message</c>, for a page's alert.</summary>
    public static string Summary(this ModelStateDictionary state) =>
        string.Join("; ", state.FieldErrors().Select(e => $"{e.Field}: {e.Messages}"));

    /// <summary>Why the page refused the request as a whole (not a field), or null.</summary>
    public static string? PageError(this ModelStateDictionary state) =>
        state.TryGetValue(string.Empty, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
