using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Geography;
using Truce.Core.Security;
using Truce.Storage.Agreements;
using Truce.Storage.Geography;
using Truce.Web.Security;

namespace Truce.Web.Pages.Geography;

/// <summary>
/// The map: the layers in force on a date over an offline basemap, the zones of the provisions in force
/// then (or of one chosen provision), and — for analysts — the upload of a new layer version.
/// </summary>
public sealed class GeographyModel(GeoLayers layers, AgreementBook agreements, TimeProvider clock) : PageModel
{
    /// <summary>The most a layer file may be through this page; larger layers go through <c>truce geo import</c>.</summary>
    public const int MaxUploadBytes = 900 * 1024;

    public DateTimeOffset At { get; private set; }

    public string AtText { get; private set; } = string.Empty;

    /// <summary>The chosen provision as <c>agreement/number</c>, or null for every provision in force.</summary>
    public string? Provision { get; private set; }

    public IReadOnlyList<LayerVersionView> InForce { get; private set; } = [];

    public IReadOnlyList<LayerVersionView> AllVersions { get; private set; } = [];

    /// <summary>Provisions that draw zones, for the chooser: value <c>key/number</c>, label.</summary>
    public IReadOnlyList<(string Value, string Label)> ZoneProvisions { get; private set; } = [];

    public bool CanUpload => AllowedRoles.EditAgreements.Allows(User.ToPrincipal());

    public string? Uploaded { get; private set; }

    public string? UploadErrors => ModelState.IsValid ? null : string.Join("; ", new[] { ModelState.PageError(), ModelState.Summary() }.Where(s => !string.IsNullOrEmpty(s)));

    public async Task<IActionResult> OnGetAsync(string? at, string? provision, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        At = Instants.Read(at, errors, "at") ?? clock.GetUtcNow();
        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
            At = clock.GetUtcNow();
        }

        Provision = string.IsNullOrWhiteSpace(provision) ? null : provision.Trim();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? key, string? kind, string? title, DateOnly? validFrom, string? source, string? licence, string? level, CancellationToken ct)
    {
        At = clock.GetUtcNow();
        var errors = new ValidationErrors();
        string? json = null;
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Choose a GeoJSON file (a FeatureCollection in WGS 84).");
        }
        else if (file.Length > MaxUploadBytes)
        {
            errors.Add("file", $"At most {MaxUploadBytes / 1024} KiB through this page; import larger layers with: truce geo import.");
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            json = await reader.ReadToEndAsync(ct);
        }

        if (errors.IsEmpty)
        {
            var upload = new LayerUpload { Key = key, Kind = kind, Title = title, ValidFrom = validFrom, Source = source, Licence = licence, Marking = new MarkingInput { Level = string.IsNullOrWhiteSpace(level) ? "coalition" : level } };
            var imported = await layers.ImportAsync(User.ToPrincipal(), upload, json!, ct);
            if (imported.IsDone)
            {
                var v = imported.Value;
                Uploaded = $"Imported {v.Title}: {v.FeatureCount} features, valid from {Labels.Date(v.ValidFrom)}{(v.Repairs is null ? "" : $"; repaired — {v.Repairs}")}.";
                At = new DateTimeOffset(v.ValidFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else
            {
                this.Refused(imported);
            }
        }
        else
        {
            this.Invalid(errors);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        AtText = At.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        AllVersions = await layers.VersionsAsync(reader, ct: ct);
        var inForce = await layers.InForceAsync(reader, DateOnly.FromDateTime(At.UtcDateTime), ct);
        InForce = AllVersions.Where(v => inForce.Any(f => f.Id == v.Id)).ToList();
        var list = new List<(string, string)>();
        foreach (var summary in await agreements.ListAsync(reader, ct: ct))
        {
            var agreement = await agreements.FindAsync(reader, summary.Key, ct);
            foreach (var p in agreement!.Provisions.Where(p => p.Kind is Core.Agreements.ProvisionKind.WeaponWithdrawal or Core.Agreements.ProvisionKind.DisengagementArea).OrderBy(p => p.Number))
            {
                list.Add(($"{summary.Key}/{p.Number}", $"{summary.Title} — {p.Reference ?? $"provision {p.Number}"}"));
            }
        }

        ZoneProvisions = list;
    }

    /// <summary>What the map's script draws: each layer in force (shown at once unless it is a detailed one), and where the zones come from.</summary>
    public object MapData()
    {
        var zones = Provision is { } chosen && chosen.Split('/') is [var key, var number]
            ? $"/api/v1/agreements/{Uri.EscapeDataString(key)}/provisions/{Uri.EscapeDataString(number)}/zones"
            : $"/api/v1/geography/zones?at={AtText}";
        return new
        {
            At = AtText,
            Zones = zones,
            Provision,
            Layers = InForce.Select(v => new { v.Id, v.Key, v.Kind, v.Title, v.Licence, On = v.Kind != Kebab.Of(LayerKind.Raions) }).ToList(),
        };
    }
}
