using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Security;
using Truce.Web.Security;

namespace Truce.Web.Pages;

/// <summary>A readable list of the API, built from the endpoints themselves so it cannot drift from them.</summary>
public sealed class ApiDocsModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Entry(string Method, string Path, string Summary, string Who);

    public IReadOnlyList<Entry> Endpoints { get; private set; } = [];

    public void OnGet() =>
        Endpoints = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && (path.StartsWith("/api", StringComparison.Ordinal) || path == "/health"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Entry(
                m,
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? string.Empty,
                Who(e))))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    private static string Who(RouteEndpoint e)
    {
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "anyone";
        }

        var policy = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return policy switch
        {
            SecuritySetup.EditPledges => $"{AllowedRoles.EditPledges.Who} (a liaison for its own member only); token scope {TokenScopes.WritePledges}",
            SecuritySetup.EditPlanning => $"{AllowedRoles.EditPlanning.Who}; token scope {TokenScopes.WritePlanning}",
            SecuritySetup.Admin => AllowedRoles.Administer.Who,
            _ => "any signed-in role (what its markings allow)",
        };
    }
}
