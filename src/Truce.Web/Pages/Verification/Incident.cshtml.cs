using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Core.Verification;
using Truce.Storage.Verification;
using Truce.Web.Security;

namespace Truce.Web.Pages.Verification;

/// <summary>
/// One incident: what it is, its observations (with their attachments' hashes and findings), a map, the
/// candidate reports nearby with the reasons, its history; and, for analysts and verifiers, every act on it.
/// </summary>
public sealed class IncidentModel(IncidentReads reads, IncidentWrites writes) : PageModel
{
    public IncidentView View { get; private set; } = null!;

    public bool CanAct { get; private set; }

    public bool Mine => View.Incident.ClaimedBy == User.Identity?.Name;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        var view = await reads.GetAsync(reader, id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        CanAct = AllowedRoles.ReviewIncidents.Allows(reader);
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await writes.ClaimAsync(User.ToPrincipal(), id, claim: true, ct), ct);

    public async Task<IActionResult> OnPostGiveBackAsync(long id, CancellationToken ct) =>
        await AfterAsync(id, await writes.ClaimAsync(User.ToPrincipal(), id, claim: false, ct), ct);

    public async Task<IActionResult> OnPostAddAsync(long id, int version, long[]? observations, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await writes.AddAsync(User.ToPrincipal(), id, observations ?? [], reason, ExpectedVersion.Of(version), ct), ct);

    public async Task<IActionResult> OnPostSplitAsync(long id, int version, long[]? observations, string? reason, CancellationToken ct)
    {
        var split = await writes.SplitAsync(User.ToPrincipal(), id, observations ?? [], reason, ExpectedVersion.Of(version), ct);
        return await AfterAsync(id, split, ct);
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, int version, long? other, string? reason, CancellationToken ct) =>
        await AfterAsync(id, other is null
            ? Outcome.Invalid("other", "Required: the number of the incident to merge into this one.")
            : await writes.MergeAsync(User.ToPrincipal(), id, other.Value, reason, ExpectedVersion.Of(version), ct), ct);

    public async Task<IActionResult> OnPostMoveAsync(long id, int version, string? to, string? reason, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var state = new IncidentInput { To = to }.State(errors);
        return await AfterAsync(id, state is { } s
            ? await writes.MoveAsync(User.ToPrincipal(), id, s, reason, ExpectedVersion.Of(version), ct)
            : Outcome.Invalid(errors), ct);
    }

    public async Task<IActionResult> OnPostAttributeAsync(long id, int version, string? attributedTo, string? confidence, string? reason, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var level = new IncidentInput { Confidence = confidence }.ConfidenceLevel(errors);
        var actor = string.IsNullOrWhiteSpace(attributedTo) ? null : attributedTo;
        return await AfterAsync(id, errors.IsEmpty
            ? await writes.AttributeAsync(User.ToPrincipal(), id, actor, level, reason, ExpectedVersion.Of(version), ct)
            : Outcome.Invalid(errors), ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(long id, int version, string? level, string? relTo, string? reason, CancellationToken ct)
    {
        var marking = string.IsNullOrWhiteSpace(level) ? null : new MarkingInput
        {
            Level = level,
            RelTo = string.IsNullOrWhiteSpace(relTo) ? null : [.. relTo.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };
        return await AfterAsync(id, await writes.ReleaseAsync(User.ToPrincipal(), id, marking, reason, ExpectedVersion.Of(version), ct), ct);
    }

    public async Task<IActionResult> OnPostHelpAsync(long id, int version, string? need, CancellationToken ct) =>
        await AfterAsync(id, await writes.AskHelpAsync(User.ToPrincipal(), id, need, ExpectedVersion.Of(version), ct), ct);

    private async Task<IActionResult> AfterAsync<T>(long id, Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.IsDone)
        {
            return Redirect(outcome.Value is long other && other != id ? $"/verification/{other}" : $"/verification/{id}");
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        this.Refused(outcome);
        var status = Response.StatusCode;
        var page = await OnGetAsync(id, ct);
        Response.StatusCode = status;
        return page;
    }
}
