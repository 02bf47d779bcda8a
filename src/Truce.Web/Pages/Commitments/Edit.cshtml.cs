using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Storage.Coalition;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Pages.Commitments;

/// <summary>Enters a new pledge (<c>/commitments/new</c>) or changes one (<c>/commitments/{id}/edit</c>).</summary>
[Authorize(Policy = SecuritySetup.EditPledges)]
public sealed class EditModel(PledgeLedger ledger, CoalitionDirectory directory) : PageModel
{
    [BindProperty]
    public PledgeForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public ValidationErrors Errors { get; private set; } = new();

    public string? Refusal { get; private set; }

    public string? Error(string field) =>
        Errors.ToDictionary().Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal) || e.Key.StartsWith(field + ".", StringComparison.Ordinal))
            .SelectMany(e => e.Value).DefaultIfEmpty().Aggregate((a, b) => $"{a} {b}");

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        await LoadMembersAsync(ct);
        var principal = User.ToPrincipal();
        if (id is null)
        {
            Form = new PledgeForm { Member = principal.MemberCode, Stage = "announced", Confidence = "medium" };
            return Page();
        }

        var pledge = await ledger.GetAsync(id.Value, ct);
        if (pledge is null)
        {
            return NotFound();
        }

        if (!principal.MayEditPledgeOf(pledge.Member))
        {
            Refusal = principal.RefusalToEditPledgeOf(pledge.Member);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        Form = PledgeForm.From(pledge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        await LoadMembersAsync(ct);
        var errors = new ValidationErrors();

        // A number the browser could not parse (letters in "Quantity") is named like the API names it.
        foreach (var (key, entry) in ModelState.Where(e => e.Value?.Errors.Count > 0))
        {
            var field = key.Replace("Form.", string.Empty, StringComparison.Ordinal);
            errors.Add(char.ToLowerInvariant(field[0]) + field[1..], $"'{entry!.AttemptedValue}' is not a valid value.");
        }

        var input = Form.ToInput(errors);
        if (!errors.IsEmpty)
        {
            // Name every problem at once, not only those the browser's values caused: check the rest too,
            // on a scratch pledge that is never saved.
            var scratch = new Pledge { MemberCode = string.Empty, Title = string.Empty, UpdatedBy = string.Empty };
            foreach (var (field, messages) in PledgeRules.Apply(input, scratch, previousStage: null, mayCorrectStage: true).ToDictionary())
            {
                if (!errors.ToDictionary().ContainsKey(field))
                {
                    Array.ForEach(messages, m => errors.Add(field, m));
                }
            }

            return Invalid(errors);
        }

        var result = id is null
            ? await ledger.CreateAsync(input, User.ToPrincipal(), ct: ct)
            : await ledger.UpdateAsync(id.Value, Form.Version, input, User.ToPrincipal(), ct);
        switch (result.Outcome)
        {
            case LedgerOutcome.Created or LedgerOutcome.Ok:
                return Redirect($"/commitments/{result.Pledge!.Id}");
            case LedgerOutcome.Invalid:
                return Invalid(result.Errors!);
            case LedgerOutcome.NotFound:
                return NotFound();
            default:
                Refusal = result.Message;
                Response.StatusCode = result.Outcome == LedgerOutcome.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
                return Page();
        }
    }

    private PageResult Invalid(ValidationErrors errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadMembersAsync(CancellationToken ct)
    {
        var principal = User.ToPrincipal();
        var members = await directory.MembersAsync(ct);
        Members = members.Where(m => principal.MayEditPledgeOf(m.Code)).ToList();
    }
}
