using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Monitoring;
using Truce.Core.Security;
using Truce.Storage.Monitoring;
using Truce.Testing;

namespace Truce.Web.Tests.Monitoring;

/// <summary>Sample observations, taken in through <see cref="ObservationIntake"/> as a monitor's feed would send them.</summary>
public static class Observations
{
    // Seeds as an admin named monitor: an admin may read every marking it writes (REL TO rows included), as the marking check requires.
    public static readonly Principal Monitor = new("monitor", Role.Admin, null);

    /// <summary>A strike in Odesa oblast during the energy-strike moratorium of March 2025 (on energy: a violation).</summary>
    public static ObservationInput Strike(string source, string id, string at = "2025-03-20T02:00:00Z", double lat = 46.48, double lon = 30.72, string? target = "energy-infrastructure", string type = "drone-strike") => new()
    {
        Source = source,
        ExternalId = id,
        ObservedFrom = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture),
        Type = type,
        Lat = lat,
        Lon = lon,
        Target = target,
        Marking = new MarkingInput { Level = "coalition" },
    };

    /// <summary>152 mm artillery seen 8.5 km from the line in April 2015, inside Minsk II's 25 km zone (a violation).</summary>
    public static ObservationInput Gun(string source, string id) => new()
    {
        Source = source,
        ExternalId = id,
        ObservedFrom = new DateTimeOffset(2015, 4, 1, 9, 0, 0, TimeSpan.Zero),
        Type = "weapon-sighting",
        Lat = 48.1,
        Lon = 37.6,
        Weapon = "artillery",
        CalibreMm = 152,
        Marking = new MarkingInput { Level = "coalition" },
    };

    public static async Task<IntakeSummary> Seed(this TruceApp app, params ObservationInput[] rows)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return Expect.Done(await scope.ServiceProvider.GetRequiredService<ObservationIntake>().SubmitAsync(Monitor, rows));
    }

    /// <summary>The id of a source's report, read past the markings as an admin.</summary>
    public static async Task<long> IdOf(this TruceApp app, string source, string externalId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<ObservationReads>().CurrentIdAsync(new Principal("admin", Role.Admin, null), source, externalId);
        return id ?? throw new InvalidOperationException($"No observation {source}/{externalId}.");
    }
}
