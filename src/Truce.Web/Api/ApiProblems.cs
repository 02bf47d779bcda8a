using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Truce.Core.Common;

namespace Truce.Web.Api;

/// <summary>RFC 9457 problem details, the one error shape of the API.</summary>
public static class ApiProblems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null,
            contentType: "application/problem+json");
    }

    public static ValidationProblem Invalid(ValidationErrors errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: detail ?? errors.ToString(), title: "Some fields are not valid");

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>
    /// Reads a JSON body, turning a malformed document or a value of the wrong type into a problem that
    /// names the field (<c>quantity</c>, <c>value.amount</c>) rather than a bare 400.
    /// </summary>
    public static async Task<(T? Body, ValidationProblem? Problem)> ReadBody<T>(HttpRequest request)
        where T : class
    {
        var errors = new ValidationErrors();
        if (request.HasJsonContentType())
        {
            try
            {
                var body = await JsonSerializer.DeserializeAsync<T>(request.Body, TruceJson.Options, request.HttpContext.RequestAborted);
                if (body is not null)
                {
                    return (body, null);
                }

                errors.Add("body", "Expected a JSON object.");
            }
            catch (JsonException e)
            {
                var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
                errors.Add(field, $"Could not read this value (line {e.LineNumber + 1}): expected {Expected(e)}.");
            }
        }
        else
        {
            errors.Add("body", "Expected Content-Type: application/json.");
        }

        return (null, Invalid(errors));
    }

    private static string Expected(JsonException e) =>
        e.Message.Contains("could not be converted to", StringComparison.Ordinal)
            ? "a value of the documented type (" + e.Message[(e.Message.IndexOf("converted to", StringComparison.Ordinal) + 13)..].Split('.', 2)[0].Split('`')[0] + ")"
            : "well-formed JSON";
}
