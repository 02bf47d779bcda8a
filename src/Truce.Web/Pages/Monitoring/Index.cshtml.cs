using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Geography;
using Truce.Core.Security;
using Truce.Storage.Geography;
using Truce.Storage.Monitoring;
using Truce.Web.Api;
using Truce.Web.Security;

namespace Truce.Web.Pages.Monitoring;

/// <summary>
/// The monitoring map: observations as markers coloured (and lettered) by their worst verdict, clustered at
/// low zoom, over the offline basemap, the oblasts and the line of contact in force; a window of days that slides over
/// the span of the data; filters. The script (wwwroot/js/monitoring.js) asks the map's endpoint again at
/// every move, slide or change.
/// </summary>
public sealed class MonitoringModel(ObservationReads reads, GeoLayers layers, TimeProvider clock) : PageModel
{
    /// <summary>The lengths of window the slider offers, in days.</summary>
    public static readonly IReadOnlyList<int> WindowDays = [1, 7, 30, 90, 365];

    public DateOnly First { get; private set; }

    public DateOnly Last { get; private set; }

    public bool HasData { get; private set; }

    public int Days { get; private set; } = 30;

    public DateOnly End { get; private set; }

    public string? Type { get; private set; }

    public string? Verdict { get; private set; }

    public string? Source { get; private set; }

    public string? Side { get; private set; }

    /// <summary>Every version of the oblasts and of the line of contact, for the script to draw the one in force at the window's end.</summary>
    public IReadOnlyList<LayerVersionView> Layers { get; private set; } = [];

    public string? Errors => ModelState.IsValid ? null : ModelState.Summary();

    public bool CanReport => AllowedRoles.SubmitObservations.Allows(User.ToPrincipal());

    public async Task<IActionResult> OnGetAsync(string? type, string? verdict, string? source, string? side, int? days, string? end, int? day, CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        var errors = new ValidationErrors();
        ObservationFilters.Read(null, null, null, type, verdict, source, side, errors);
        (Type, Verdict, Source, Side) = (Blank(type, errors, "type"), Blank(verdict, errors, "verdict"), Blank(source, errors, "source"), Blank(side, errors, "side"));
        if (days is { } d && !WindowDays.Contains(d))
        {
            errors.Add("days", $"One of {string.Join(", ", WindowDays)}.");
        }
        else if (days is { } chosen)
        {
            Days = chosen;
        }

        var span = await reads.SpanAsync(reader, ct);
        HasData = span is not null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        (First, Last) = span is { } s ? (DateOnly.FromDateTime(s.First.UtcDateTime), DateOnly.FromDateTime(s.Last.UtcDateTime)) : (today, today);
        End = Last;
        if (day is { } offset)
        {
            // The slider's position without the script: days after the first observation.
            End = First.AddDays(Math.Clamp(offset, 0, Last.DayNumber - First.DayNumber));
        }
        else if (!string.IsNullOrWhiteSpace(end))
        {
            if (DateOnly.TryParseExact(end.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
            {
                End = e < First ? First : e > Last ? Last : e;
            }
            else
            {
                errors.Add("end", "Expected a date, e.g. 2025-03-20.");
            }
        }

        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
        }

        string[] kinds = [Kebab.Of(LayerKind.Oblasts), Kebab.Of(LayerKind.LineOfContact)];
        Layers = (await layers.VersionsAsync(reader, ct: ct)).Where(v => kinds.Contains(v.Kind)).OrderBy(v => v.ValidFrom).ToList();
        return Page();
    }

    /// <summary>What the script needs: the span of the data, the window, and the versions of the oblasts and the line of contact.</summary>
    public object MapData() => new
    {
        First = Day(First),
        Last = Day(Last),
        End = Day(End),
        Days,
        Points = "/api/v1/observations/map",
        Layers = Layers.Select(v => new { v.Id, v.Kind, v.Title, v.Licence, ValidFrom = Day(v.ValidFrom), ValidUntil = v.ValidUntil is { } u ? Day(u) : null }).ToList(),
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A filter the page could not read is dropped (and named), so the map still shows everything else.
    private static string? Blank(string? value, ValidationErrors errors, string field) =>
        string.IsNullOrWhiteSpace(value) || errors.Has(field) ? null : value.Trim();
}
