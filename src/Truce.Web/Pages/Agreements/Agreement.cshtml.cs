using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Agreements;
using Truce.Web.Security;

namespace Truce.Web.Pages.Agreements;

public sealed class AgreementModel(AgreementBook book, AgreementWrites writes) : PageModel
{
    /// <summary>Why a move or a party's stand was refused, if it was.</summary>
    public string? ChangeErrors => ModelState.IsValid ? null : string.Join("; ", new[] { ModelState.PageError(), ModelState.Summary() }.Where(s => !string.IsNullOrEmpty(s)));

    public AgreementView Agreement { get; private set; } = null!;

    /// <summary>The first whole day (UTC) it was in effect, or the day it was proposed: the date its map opens on.</summary>
    public string MapDate
    {
        get
        {
            var day = Agreement.EffectiveFrom is { } from
                ? DateOnly.FromDateTime(from.UtcDateTime).AddDays(from.UtcDateTime.TimeOfDay == TimeSpan.Zero ? 0 : 1)
                : Agreement.ProposedOn;
            return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool CanEdit => AllowedRoles.EditAgreements.Allows(User.ToPrincipal());

    /// <summary>The dated events of the agreement in order: proposal, each party's stand, each move of its status, its end by its terms.</summary>
    public IReadOnlyList<(DateTimeOffset At, string What)> Timeline { get; private set; } = [];

    /// <summary>An analyst moves the agreement through its lifecycle; a refusal is shown on the page with its reason.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string key, int version, string? to, string? at, int? days, string? effectiveFrom, string? reason, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var input = new StatusChangeInput { To = to, At = Instants.Read(at, errors, "at"), Days = days, EffectiveFrom = Instants.Read(effectiveFrom, errors, "effectiveFrom"), Reason = reason };
        var moved = errors.IsEmpty ? await writes.MoveAsync(User.ToPrincipal(), key, ExpectedVersion.Of(version), input, ct) : Outcome.Invalid(errors);
        return await AfterChangeAsync(key, moved, ct);
    }

    /// <summary>An analyst records where a party stands now.</summary>
    public async Task<IActionResult> OnPostPartyAsync(string key, int version, string? actor, string? state, DateOnly? on, string? conditions, CancellationToken ct)
    {
        var changed = await writes.SetAcceptanceAsync(User.ToPrincipal(), key, ExpectedVersion.Of(version), new PartyInput { Actor = actor, State = state, On = on, Conditions = conditions }, ct);
        return await AfterChangeAsync(key, changed, ct);
    }

    private async Task<IActionResult> AfterChangeAsync(string key, Outcome<AgreementSummary> outcome, CancellationToken ct)
    {
        if (outcome.IsDone)
        {
            return Redirect($"/agreements/{Uri.EscapeDataString(key)}");
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        this.Refused(outcome);
        var status = Response.StatusCode;
        var page = await OnGetAsync(key, ct);
        Response.StatusCode = status;
        return page;
    }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var found = await book.GetAsync(User.ToPrincipal(), key, ct);
        if (!found.IsDone)
        {
            return NotFound();
        }

        Agreement = found.Value;
        var a = Agreement;
        var events = new List<(DateTimeOffset, string)> { (Day(a.ProposedOn), "Proposed") };
        events.AddRange(a.Parties.Where(p => p.On is not null).Select(p => (Day(p.On!.Value), $"{p.Name}: {Labels.Of(p.State).ToLowerInvariant()}")));
        events.AddRange(a.History.Select(h => (h.At, $"{Labels.Of(h.To)}{(h.ExtendedByDays is { } d ? $" by {d} days" : "")} — {h.Reason}")));
        if (a.ExpiresAt is { } end && !a.History.Any(h => h.To == "expired"))
        {
            events.Add((end, a.Status is "in-force" or "extended" ? "Expires by its terms" : "Would have expired by its terms"));
        }

        Timeline = events.OrderBy(e => e.Item1).ToList();
        return Page();
    }

    private static DateTimeOffset Day(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
