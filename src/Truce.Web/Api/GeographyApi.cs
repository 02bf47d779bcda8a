using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Agreements;
using Truce.Storage.Geography;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Geography over HTTP: layer versions and their features (GeoJSON), what holds on a date, placement of a
/// point at a time, and the zones in force. Reads for every signed-in role as markings allow; importing a
/// layer needs an analyst or an admin (token scope agreements:write).
/// </summary>
public static class GeographyApi
{
    public static RouteGroupBuilder MapGeographyApi(this RouteGroupBuilder api)
    {
        var geo = api.MapGroup("/geography").WithTags("Geography");
        geo.MapGet("/layers", Versions).WithSummary("Every layer version: key, kind, valid from and until, source and licence, features, marking.");
        geo.MapGet("/layers/{id:int}", Version).WithSummary("One layer version.");
        geo.MapGet("/layers/{id:int}/features", Features).WithSummary("A layer version's features as GeoJSON; bbox=west,south,east,north keeps those meeting the box.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonResults.MediaType);
        geo.MapPost("/layers", Import).RequireAuthorization(SecuritySetup.EditAgreements)
            .WithSummary("Import a layer version: its key, kind, title and valid-from date, and a GeoJSON FeatureCollection. Invalid geometry is repaired and said, or the version refused with each bad feature named.")
            .Accepts<LayerUpload>("application/json");
        geo.MapGet("/in-force", InForce).WithSummary("For each layer, the version that holds at an instant or on a date (at=2015-02-15; a date means 00:00 UTC).");
        geo.MapGet("/place", Place).WithSummary("Where a point is at a time: oblast, raion, sector, side, distance to the line of contact, and the zones of the provisions in force.");
        geo.MapGet("/zones", Zones).WithSummary("The zones of the provisions in force at a time, as GeoJSON.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonResults.MediaType);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<LayerVersionView>>> Versions(GeoLayers layers, ClaimsPrincipal user, string? key, CancellationToken ct) =>
        TypedResults.Ok(await layers.VersionsAsync(user.ToPrincipal(), string.IsNullOrWhiteSpace(key) ? null : key.Trim(), ct));

    private static async Task<Results<Ok<LayerVersionView>, ProblemHttpResult, ValidationProblem>> Version(GeoLayers layers, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await layers.VersionAsync(user.ToPrincipal(), id, ct)).Http();

    private static async Task<IResult> Features(GeoLayers layers, ClaimsPrincipal user, int id, string? bbox, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var box = Boxes.Read(bbox, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var version = await layers.VersionAsync(user.ToPrincipal(), id, ct);
        return version.IsDone
            ? GeoJsonResults.Features(await layers.FeaturesAsync(user.ToPrincipal(), id, box, ct))
            : version.Http();
    }

    private static async Task<Results<Created<LayerVersionView>, ProblemHttpResult, ValidationProblem>> Import(GeoLayers layers, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<LayerUpload>(context.Request);
        if (!body.IsDone)
        {
            return body.AsRefusal().As<LayerVersionView>().Http(v => TypedResults.Created($"/api/v1/geography/layers/{v.Id}", v));
        }

        var json = body.Value.GeoJson is { ValueKind: System.Text.Json.JsonValueKind.Object } g ? g.GetRawText() : null;
        var outcome = json is null
            ? Outcome.Invalid("geoJson", "Required: a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]}).")
            : await layers.ImportAsync(user.ToPrincipal(), body.Value, json, ct);
        return outcome.Http(v => TypedResults.Created($"/api/v1/geography/layers/{v.Id}", v));
    }

    private static async Task<Results<Ok<IReadOnlyList<LayerVersionView>>, ValidationProblem>> InForce(GeoLayers layers, ClaimsPrincipal user, TimeProvider clock, string? at, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var instant = Instants.Read(at, errors, "at") ?? clock.GetUtcNow();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var reader = user.ToPrincipal();
        var inForce = await layers.InForceAsync(reader, DateOnly.FromDateTime(instant.UtcDateTime), ct);
        var all = await layers.VersionsAsync(reader, ct: ct);
        return TypedResults.Ok<IReadOnlyList<LayerVersionView>>(all.Where(v => inForce.Any(f => f.Id == v.Id)).ToList());
    }

    private static async Task<Results<Ok<PlaceView>, ValidationProblem>> Place(Placements placements, ClaimsPrincipal user, TimeProvider clock, string? lat, string? lon, string? at, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var latitude = Instants.Degrees(lat, "lat", 90, errors);
        var longitude = Instants.Degrees(lon, "lon", 180, errors);
        var instant = Instants.Read(at, errors, "at") ?? clock.GetUtcNow();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (placer, basis) = await placements.AtAsync(user.ToPrincipal(), instant, ct);
        return TypedResults.Ok(PlaceView.From(latitude, longitude, placer.Locate(latitude, longitude), basis));
    }

    private static async Task<IResult> Zones(Placements placements, ClaimsPrincipal user, TimeProvider clock, string? at, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var instant = Instants.Read(at, errors, "at") ?? clock.GetUtcNow();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (_, basis) = await placements.AtAsync(user.ToPrincipal(), instant, ct);
        return GeoJsonResults.Zones(basis.Zones);
    }
}
