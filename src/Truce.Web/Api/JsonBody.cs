using System.Text.Json;
using Truce.Core.Common;

namespace Truce.Web.Api;

/// <summary>
/// Reads a request's JSON body, turning a malformed document or a value of the wrong type into an invalid
/// outcome that names the field (<c>quantity</c>, <c>value.amount</c>) and what it expects.
/// </summary>
public static class JsonBody
{
    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return Outcome.Invalid("body", "Expected Content-Type: application/json.");
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, TruceJson.Options, request.HttpContext.RequestAborted);
            return body is null ? Outcome.Invalid("body", "Expected a JSON object.") : Outcome.Done(body);
        }
        catch (JsonException e)
        {
            var (field, expected) = JsonFields.Explain(typeof(T), e);
            return Outcome.Invalid(field, $"Could not read this value (line {(e.LineNumber ?? 0) + 1}): expected {expected}.");
        }
    }
}
