using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Alerts;
using Truce.Web.Security;

namespace Truce.Web.Pages.Alerts;

/// <summary>
/// The alerts raised lately (new ones appear at the top as they are raised, through <c>js/alerts.js</c>), the
/// rules that raise them, and — for analysts and admins — a form to make a rule and a button to disable one.
/// </summary>
public sealed class IndexModel(AlertReads reads, AlertRuleWrites writes) : PageModel
{
    public const int Shown = 50;

    [BindProperty]
    public AlertRuleForm Form { get; set; } = new();

    public IReadOnlyList<AlertView> Recent { get; private set; } = [];

    public IReadOnlyList<AlertRuleView> Rules { get; private set; } = [];

    public bool MayManage => AllowedRoles.ManageAlertRules.Allows(User.ToPrincipal());

    /// <summary>What the last act did, said after a redirect.</summary>
    [TempData]
    public string? Done { get; set; }

    public string? Error(string field) => ModelState.FieldError(field);

    public string? Refusal => ModelState.PageError();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear(); // every field is text: the rules below name what is wrong
        var errors = new ValidationErrors();
        var input = Form.ToInput(errors);
        var made = errors.IsEmpty ? await writes.CreateAsync(User.ToPrincipal(), input, ct) : Outcome.Invalid(errors);
        if (this.Refused(made))
        {
            await LoadAsync(ct);
            return Page();
        }

        Done = $"Rule '{made.Value.Name}' made: {made.Value.Says}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(long id, int version, CancellationToken ct)
    {
        var disabled = await writes.DisableAsync(User.ToPrincipal(), id, ExpectedVersion.Of(version), ct);
        if (this.Refused(disabled))
        {
            await LoadAsync(ct);
            return Page();
        }

        Done = $"Rule '{disabled.Value.Name}' disabled; its alerts are kept.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        Recent = Expect(await reads.ListAsync(reader, new AlertQuery(Limit: Shown), ct));
        Rules = await reads.RulesAsync(reader, ct);
    }

    private static IReadOnlyList<AlertView> Expect(Outcome<IReadOnlyList<AlertView>> outcome) => outcome.Value;
}
