using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Truce.Core.Common;

namespace Truce.Web.Api;

/// <summary>
/// Names the query parameters a request got wrong (<c>?limit=abc</c>) instead of a bare 400. ASP.NET sets
/// 400 when it cannot bind a parameter and still runs the endpoint's filters; this one reads each simple
/// parameter again from the query string and says which could not be read, and as what.
/// </summary>
public static class BindingProblems
{
    public static async ValueTask<object?> NameTheParameter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status400BadRequest || http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return await next(context);
        }

        var errors = new ValidationErrors();
        foreach (var parameter in handler.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var name = parameter.Name!;
            if (!Simple.TryGetValue(type, out var expected))
            {
                continue;
            }

            var text = http.Request.RouteValues.TryGetValue(name, out var route) ? route?.ToString() : http.Request.Query[name].ToString();
            if (!string.IsNullOrEmpty(text) && !Parses(type, text))
            {
                errors.Add(name, $"'{text}' is not {expected}.");
            }
        }

        if (errors.IsEmpty)
        {
            errors.Add("request", "A parameter could not be read.");
        }

        http.Response.StatusCode = StatusCodes.Status200OK; // the problem sets its own
        return Problems.Invalid(errors);
    }

    private static readonly Dictionary<Type, string> Simple = new()
    {
        [typeof(int)] = "a whole number",
        [typeof(long)] = "a whole number",
        [typeof(double)] = "a number",
        [typeof(decimal)] = "a number",
        [typeof(bool)] = "true or false",
        [typeof(DateOnly)] = "a date as yyyy-mm-dd",
    };

    private static bool Parses(Type type, string text) =>
        type == typeof(int) ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        : type == typeof(decimal) ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(text, out _)
        : DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _);
}
