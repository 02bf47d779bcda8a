using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Geography;
using Truce.Storage.Geography;
using Truce.Storage.Monitoring;
using Truce.Web.Security;

namespace Truce.Web.Pages.Monitoring;

/// <summary>One observation: everything reported, where it was placed, each finding in words, and a small map of it.</summary>
public sealed class ObservationModel(ObservationReads reads, GeoLayers layers) : PageModel
{
    public ObservationView Observation { get; private set; } = null!;

    /// <summary>The line of contact in force when it was observed, for the small map; null when none was.</summary>
    public LayerVersionView? Line { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        var found = await reads.GetAsync(reader, id, ct);
        if (!found.IsDone)
        {
            return NotFound();
        }

        Observation = found.Value;
        var day = DateOnly.FromDateTime(Observation.ObservedFrom.UtcDateTime);
        var kind = Kebab.Of(LayerKind.LineOfContact);
        Line = (await layers.VersionsAsync(reader, ct: ct))
            .Where(v => v.Kind == kind && v.ValidFrom <= day && (v.ValidUntil is not { } until || until > day))
            .OrderByDescending(v => v.ValidFrom)
            .FirstOrDefault();
        return Page();
    }
}
