using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Security;
using Truce.Storage.Verification;
using Truce.Web.Security;

namespace Truce.Web.Pages.Verification;

/// <summary>
/// The analysts' worklist: possible duplicates among what arrived, then open incidents by section, so the
/// next thing to do is at the top. Taking a proposal makes an incident of its first report, claimed by the
/// taker, whose page then offers the other reports to merge — a person confirms each.
/// </summary>
public sealed class IndexModel(IncidentReads reads, IncidentWrites writes, TimeProvider clock) : PageModel
{
    public Worklist Work { get; private set; } = null!;

    public bool CanAct { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        CanAct = AllowedRoles.ReviewIncidents.Allows(reader);
        Work = await reads.QueueAsync(reader, clock.GetUtcNow(), ct: ct);
    }

    /// <summary>Takes a proposal: an incident of its first report, claimed by the taker.</summary>
    public async Task<IActionResult> OnPostTakeProposalAsync(long observation, string? reasons, CancellationToken ct)
    {
        var made = await writes.CreateAsync(User.ToPrincipal(), [observation], $"Taken from the worklist's proposals ({reasons})", claim: true, ct);
        return await AfterAsync(made, made.IsDone ? made.Value : 0, ct);
    }

    /// <summary>Takes an incident nobody is working on.</summary>
    public async Task<IActionResult> OnPostTakeAsync(long id, CancellationToken ct)
    {
        var taken = await writes.ClaimAsync(User.ToPrincipal(), id, claim: true, ct);
        return await AfterAsync(taken, id, ct);
    }

    private async Task<IActionResult> AfterAsync<T>(Core.Common.Outcome<T> outcome, long id, CancellationToken ct)
    {
        if (outcome.IsDone)
        {
            return Redirect($"/verification/{id}");
        }

        this.Refused(outcome);
        var status = Response.StatusCode;
        await OnGetAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
