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
public sealed class EditModel(PledgeReads reads, PledgeWrites writes, CoalitionDirectory directory) : PageModel
{
    [BindProperty]
    public PledgeForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    /// <summary>The messages for a field of the form, named as the API names it.</summary>
    public string? Error(string field) => ModelState.FieldError(field);

    /// <summary>Why the page refuses to edit or save at all (not a field), if it does.</summary>
    public string? Refusal => ModelState.PageError();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var writer = User.ToPrincipal();
        await LoadMembersAsync(ct);
        if (id is null)
        {
            Form = new PledgeForm { Member = writer.MemberCode, Stage = "announced", Confidence = "medium" };
            return Page();
        }

        var pledge = await reads.GetAsync(writer, id.Value, ct);
        if (!pledge.IsDone)
        {
            return NotFound();
        }

        if (!writer.MayEditPledgeOf(pledge.Value.Member))
        {
            this.Refused(Outcome.Refused(writer.RefusalToEditPledgeOf(pledge.Value.Member)).As<PledgeView>());
        }

        Form = PledgeForm.From(pledge.Value);
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

        ModelState.Clear();
        var input = Form.ToInput(errors);
        if (!errors.IsEmpty)
        {
            // Name every problem at once, not only those the browser's values caused: check the rest too,
            // on a scratch pledge that is never saved.
            var scratch = new Pledge { MemberCode = string.Empty, Title = string.Empty, UpdatedBy = string.Empty };
            var rest = PledgeRules.Apply(input, scratch, previousStage: null, mayCorrectStage: true);
            errors.AddAll(rest.Without(errors));
            this.Invalid(errors);
            return Page();
        }

        var writer = User.ToPrincipal();
        var saved = id is null
            ? await writes.CreateAsync(writer, input, ct: ct)
            : await writes.UpdateAsync(writer, id.Value, ExpectedVersion.Of(Form.Version), input, ct);
        if (saved.IsDone)
        {
            return Redirect($"/commitments/{saved.Value.Id}");
        }

        if (saved.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        this.Refused(saved);
        return Page();
    }

    private async Task LoadMembersAsync(CancellationToken ct)
    {
        var writer = User.ToPrincipal();
        var members = await directory.MembersAsync(writer, ct);
        Members = members.Where(m => writer.MayEditPledgeOf(m.Code)).ToList();
    }
}
