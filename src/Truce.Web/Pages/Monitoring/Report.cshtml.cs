using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Storage.Monitoring;
using Truce.Web.Security;

namespace Truce.Web.Pages.Monitoring;

/// <summary>
/// A monitor files one observation from the field: the form is a one-row batch for
/// <see cref="ObservationIntake"/>, checked by the same rules as a feed's, each error shown beside its
/// field; once taken in, the observation's own page shows where it was placed and what was found.
/// </summary>
[Authorize(Policy = SecuritySetup.SubmitObservations)]
public sealed class ReportModel(ObservationIntake intake, ObservationReads reads, TimeProvider clock) : PageModel
{
    private const string Row = "observations[0].";

    [BindProperty]
    public ReportForm Form { get; set; } = new();

    /// <summary>Said when the observation was taken in but its marking keeps it from the one who filed it.</summary>
    public string? Filed { get; private set; }

    public string? Error(string field) => ModelState.FieldError(field);

    public string? Refusal => ModelState.PageError();

    public IActionResult OnGet()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = User.Identity?.Name?.ToLowerInvariant() ?? string.Empty;
        Form = new ReportForm
        {
            Source = TextRules.IsKey(name) && name.Length <= TextRules.MaxCode ? name : null,
            ExternalId = NewExternalId(now),
            ObservedFrom = now.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            Type = Kebab.Of(EventType.Explosion),
            Count = "1",
            RadiusMetres = "0",
            Direction = Kebab.Of(FireDirection.Unknown),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // every field is text: what matters is what the rules below say of it
        var errors = new ValidationErrors();
        var input = Form.ToInput(errors);

        // Name every field at fault at once: what the browser's values could not be read as, then the rules'
        // verdict on the rest (a field already named is not named twice).
        var rules = new ValidationErrors();
        var observation = ObservationRules.Read(input, rules);
        errors.AddAll(rules.Without(errors));
        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
            return Page();
        }

        var writer = User.ToPrincipal();
        var submitted = await intake.SubmitAsync(writer, [input], ct);
        if (submitted.Kind == OutcomeKind.Invalid)
        {
            var named = new ValidationErrors();
            named.AddAll(submitted.Errors!, field => field.StartsWith(Row, StringComparison.Ordinal) ? field[Row.Length..] : field);
            this.Invalid(named);
            return Page();
        }

        if (this.Refused(submitted))
        {
            return Page();
        }

        if (await reads.CurrentIdAsync(writer, observation!.Source, observation.ExternalId, ct) is { } id)
        {
            return Redirect($"/monitoring/{id}");
        }

        // REL TO another member: taken in, and rightly out of the filer's sight.
        Filed = $"The observation {observation.Source}/{observation.ExternalId} was taken in; its marking keeps it from your account, so its page cannot be shown to you.";
        Form = new ReportForm { Source = Form.Source, ExternalId = NewExternalId(clock.GetUtcNow().UtcDateTime), Type = Form.Type, Count = "1", RadiusMetres = "0" };
        return Page();
    }

    private static string NewExternalId(DateTime now) =>
        $"web-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
