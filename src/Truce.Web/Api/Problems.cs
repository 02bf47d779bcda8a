using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Truce.Core.Common;
using Truce.Storage.Planning;

namespace Truce.Web.Api;

/// <summary>
/// RFC 9457 problem details, the one error shape of the API, and the one mapping of a service's
/// <see cref="Outcome{T}"/> onto HTTP. Every problem, whoever writes it (an endpoint, the authentication
/// handlers, the exception handler), goes through <see cref="IProblemDetailsService"/> and leaves with
/// <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, <c>traceId</c> and <c>errors</c> (empty when no field is at fault).
/// </summary>
public static class Problems
{
    public static IServiceCollection AddTruceProblems(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context => Complete(context.ProblemDetails, context.HttpContext));

    /// <summary>A done outcome as <paramref name="done"/> makes it; any other as the problem its kind means.</summary>
    public static Results<TDone, ProblemHttpResult, ValidationProblem> Http<T, TDone>(this Outcome<T> outcome, Func<T, TDone> done)
        where TDone : IResult =>
        outcome.IsDone ? done(outcome.Value) : outcome.Kind == OutcomeKind.Invalid ? Invalid(outcome.Errors!) : Problem(outcome.Kind, outcome.Message!);

    /// <summary>A done outcome as 200 with its value.</summary>
    public static Results<Ok<T>, ProblemHttpResult, ValidationProblem> Http<T>(this Outcome<T> outcome) =>
        outcome.Http(TypedResults.Ok);

    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: errors.ToString(), title: "Some fields are not valid");

    public static ProblemHttpResult Problem(OutcomeKind kind, string detail)
    {
        var (status, title) = kind switch
        {
            OutcomeKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            OutcomeKind.Refused => (StatusCodes.Status403Forbidden, "Not allowed"),
            OutcomeKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            OutcomeKind.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, "Changed since you read it"),
            OutcomeKind.PreconditionRequired => (StatusCodes.Status428PreconditionRequired, "If-Match required"),
            OutcomeKind.Busy => (StatusCodes.Status503ServiceUnavailable, "Busy"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a refusal with a message."),
        };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title);
    }

    /// <summary>Writes a problem from outside an endpoint (authentication, authorization), through the same service.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The client accepts no JSON; it gets the problem anyway, as the API's one error shape.
            Complete(problem, context);
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }

    // Status codes ASP.NET has no default type for; the others come from its table (RFC 9110).
    private static readonly Dictionary<int, string> Types = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        [StatusCodes.Status428PreconditionRequired] = "https://www.rfc-editor.org/rfc/rfc6585#section-3",
        [StatusCodes.Status429TooManyRequests] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
    };

    private static void Complete(ProblemDetails problem, HttpContext context)
    {
        if (problem.Status is { } status && problem.Type is null && Types.TryGetValue(status, out var type))
        {
            problem.Type = type;
        }

        problem.Type ??= "about:blank";

        // Busy (the plan queue is full): say when to come back, as RFC 9110 asks of a 503.
        if (problem.Status == StatusCodes.Status503ServiceUnavailable && !context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = ((int)PlanSlotsOptions.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        if (problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>();
        }
    }
}
