using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Common;
using Truce.Core.Monitoring;
using Truce.Core.Monitoring.Files;
using Truce.Storage.Monitoring;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Observations over HTTP: a batch submitted (a JSON array, or NDJSON — one observation a line), taken whole
/// or refused with every bad row named; read back current, by time window and box. Submitting needs a monitor,
/// an analyst or an admin (a token needs read and ingest).
/// </summary>
public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        var observations = api.MapGroup("/observations").WithTags("Monitoring");
        observations.MapPost("/", Submit).RequireAuthorization(SecuritySetup.SubmitObservations)
            .WithSummary("Submit a batch of observations (application/json: an array; application/x-ndjson: one a line). All or none: a bad row refuses the batch and every bad row is named; a re-sent row changes nothing; a revised row becomes a new version.")
            .Accepts<List<ObservationInput>>("application/json", "application/x-ndjson");
        observations.MapPost("/import", Import).RequireAuthorization(SecuritySetup.SubmitObservations)
            .WithSummary("Import a file as the body (up to 30 MB; larger files with `truce import`): format=ndjson|json|csv|acled|ucdp|geojson, mode=whole (the default: one bad row refuses the file) or accept-valid (the good rows are taken). Every rejected row is named with its row, column, reason and the value seen.")
            .Accepts<string>("text/csv", "application/x-ndjson", "application/json", "application/geo+json", "application/gzip", "application/octet-stream");
        observations.MapGet("/", List).WithSummary("Current observations, newest first: from, to (a date or instant), bbox=west,south,east,north, limit (1–5,000).");
        observations.MapGet("/map", Map)
            .WithSummary("The map's points as GeoJSON, newest first: from, to, bbox=west,south,east,north, type, verdict (the worst: violation, undetermined, not-a-violation, none), source, side (each a comma-separated list), limit (1–5,000). Each point has id, type, observedFrom, source, side, verdict and count; the collection says truncated: true when more matched than the limit.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonResults.MediaType);
        observations.MapGet("/{id:long}", Get).WithSummary("One observation with where it was placed and its findings.");
        return api;
    }

    private static async Task<Results<Ok<IntakeSummary>, ProblemHttpResult, ValidationProblem>> Submit(ObservationIntake intake, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var batch = await ReadBatchAsync(context.Request, ct);
        return batch.IsDone ? (await intake.SubmitAsync(user.ToPrincipal(), batch.Value, ct)).Http() : batch.AsRefusal().As<IntakeSummary>().Http();
    }

    private static async Task<Results<Ok<IntakeSummary>, ProblemHttpResult, ValidationProblem>> Import(ObservationIntake intake, ClaimsPrincipal user, HttpContext context, string? format, string? mode, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!ObservationFiles.TryParseFormat(format, out var kind))
        {
            errors.Add("format", $"'{format}' is not a format; expected ndjson, json, csv, acled, ucdp or geojson.");
        }

        var intakeMode = mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "whole" => IntakeMode.WholeOrNothing,
            "accept-valid" => IntakeMode.AcceptValid,
            _ => (IntakeMode?)null,
        };
        if (intakeMode is null)
        {
            errors.Add("mode", $"'{mode}' is not a mode; expected whole or accept-valid.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var done = await intake.ImportFileAsync(user.ToPrincipal(), context.Request.Body, kind, intakeMode!.Value, ct);
        if (!done.IsDone || done.Value.Committed)
        {
            return done.Http();
        }

        // Refused whole: each rejected row named, as rows[line].column, so a sender can fix the file and send it again.
        foreach (var r in done.Value.Rejections)
        {
            errors.Add($"rows[{r.Row}].{r.Column}", r.Value is null ? r.Reason : $"{r.Reason} (seen: {r.Value})");
        }

        return Problems.Invalid(errors);
    }

    private static async Task<Outcome<IReadOnlyList<ObservationInput?>>> ReadBatchAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) != true)
        {
            var array = await JsonBody.ReadAsync<List<ObservationInput?>>(request);
            return array.IsDone ? Outcome.Done<IReadOnlyList<ObservationInput?>>(array.Value) : array.AsRefusal();
        }

        var rows = new List<ObservationInput?>();
        using var reader = new StreamReader(request.Body);
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (rows.Count >= ObservationIntake.MaxBatch)
            {
                return Outcome.Invalid("observations", $"At most {ObservationIntake.MaxBatch:N0} observations in one batch.");
            }

            try
            {
                rows.Add(JsonSerializer.Deserialize<ObservationInput>(text, TruceJson.Options));
            }
            catch (JsonException e)
            {
                var (field, expected) = JsonFields.Explain(typeof(ObservationInput), e);
                return Outcome.Invalid($"line {line}.{field}", $"Could not read this value: expected {expected}.");
            }
        }

        return Outcome.Done<IReadOnlyList<ObservationInput?>>(rows);
    }

    private static async Task<Results<Ok<IReadOnlyList<ObservationView>>, ValidationProblem>> List(ObservationReads reads, ClaimsPrincipal user, string? from, string? to, string? bbox, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var start = Instants.Read(from, errors, "from");
        var end = Instants.Read(to, errors, "to");
        var box = Boxes.Read(bbox, errors);
        if (limit is < 1 or > ObservationReads.MaxLimit)
        {
            errors.Add("limit", $"From 1 to {ObservationReads.MaxLimit:N0}.");
        }

        return errors.IsEmpty ? TypedResults.Ok(await reads.ListAsync(user.ToPrincipal(), start, end, box, limit ?? 500, ct)) : Problems.Invalid(errors);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> Map(ObservationReads reads, ClaimsPrincipal user, string? from, string? to, string? bbox, string? type, string? verdict, string? source, string? side, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var filter = ObservationFilters.Read(from, to, bbox, type, verdict, source, side, errors);
        if (limit is < 1 or > ObservationReads.MaxLimit)
        {
            errors.Add("limit", $"From 1 to {ObservationReads.MaxLimit:N0}.");
        }

        return errors.IsEmpty ? GeoJsonResults.Observations(await reads.MapAsync(user.ToPrincipal(), filter, limit ?? ObservationReads.MaxLimit, ct)) : Problems.Invalid(errors);
    }

    private static async Task<Results<Ok<ObservationView>, ProblemHttpResult, ValidationProblem>> Get(ObservationReads reads, ClaimsPrincipal user, long id, CancellationToken ct) =>
        (await reads.GetAsync(user.ToPrincipal(), id, ct)).Http();
}
