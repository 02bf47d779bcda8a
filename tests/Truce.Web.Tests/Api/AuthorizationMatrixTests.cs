using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Security;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// Every endpoint the server maps, against every role, with every set of token scopes, anonymously and
/// with a browser's cookie: who passes its authorization rule and who is refused. The table of rules is
/// checked against the live endpoint list, so an endpoint added without a rule here fails the suite.
/// </summary>
public sealed class AuthorizationMatrixTests(TruceApp app) : IClassFixture<TruceApp>
{
    public enum Rule
    {
        /// <summary>Open to anyone, signed in or not.</summary>
        Anyone,

        /// <summary>Signed in; a token needs the read scope.</summary>
        Read,

        /// <summary>Admin, planner or liaison; a token needs read and pledges:write.</summary>
        WritePledges,

        /// <summary>Admin or planner; a token needs read and planning:write.</summary>
        WritePlanning,

        /// <summary>Admin or analyst; a token needs read and agreements:write.</summary>
        WriteAgreements,

        /// <summary>Admin, analyst or monitor; a token needs read and ingest.</summary>
        SubmitObservations,
        ReviewIncidents,
        RecordSources,

        /// <summary>Admin or analyst; a token needs read and alerts:write.</summary>
        ManageAlertRules,

        /// <summary>Signed in with a browser's cookie (the live feed of alerts); a token opens the API only, so it is sent to sign in.</summary>
        Browser,

        /// <summary>Admins only; a token needs read.</summary>
        Admin,
    }

    /// <summary>The rule of each endpoint (method and route as mapped; PAGE for a Razor page) and an address to try it at.</summary>
    private static readonly Dictionary<string, (Rule Rule, string Path)> Rules = new(StringComparer.Ordinal)
    {
        ["GET /health"] = (Rule.Anyone, "/health"),
        ["GET /openapi/{documentName}.json"] = (Rule.Read, "/openapi/v1.json"),
        ["GET /api/v1/actors"] = (Rule.Read, "/api/v1/actors"),
        ["GET /api/v1/actors/{code}"] = (Rule.Read, "/api/v1/actors/GBR"),
        ["GET /api/v1/members"] = (Rule.Read, "/api/v1/members"),
        ["GET /api/v1/meetings"] = (Rule.Read, "/api/v1/meetings"),
        ["GET /api/v1/meetings/{id:int}"] = (Rule.Read, "/api/v1/meetings/1"),
        ["GET /api/v1/pledges"] = (Rule.Read, "/api/v1/pledges"),
        ["GET /api/v1/pledges/export"] = (Rule.Read, "/api/v1/pledges/export?member=GBR"),
        ["GET /api/v1/pledges/totals"] = (Rule.Read, "/api/v1/pledges/totals"),
        ["GET /api/v1/pledges/{id:int}"] = (Rule.Read, "/api/v1/pledges/1"),
        ["GET /api/v1/pledges/{id:int}/history"] = (Rule.Read, "/api/v1/pledges/1/history"),
        ["POST /api/v1/pledges"] = (Rule.WritePledges, "/api/v1/pledges"),
        ["PUT /api/v1/pledges/{id:int}"] = (Rule.WritePledges, "/api/v1/pledges/1"),
        ["POST /api/v1/pledges/{id:int}/release"] = (Rule.WritePledges, "/api/v1/pledges/1/release"),
        ["GET /api/v1/planning/capabilities"] = (Rule.Read, "/api/v1/planning/capabilities"),
        ["GET /api/v1/planning/sectors"] = (Rule.Read, "/api/v1/planning/sectors"),
        ["GET /api/v1/planning/missions"] = (Rule.Read, "/api/v1/planning/missions"),
        ["GET /api/v1/planning/missions/{code}"] = (Rule.Read, "/api/v1/planning/missions/reassurance-force"),
        ["POST /api/v1/planning/missions/{code}/requirements"] = (Rule.WritePlanning, "/api/v1/planning/missions/reassurance-force/requirements"),
        ["PUT /api/v1/planning/requirements/{id:int}"] = (Rule.WritePlanning, "/api/v1/planning/requirements/999999"),
        ["DELETE /api/v1/planning/requirements/{id:int}"] = (Rule.WritePlanning, "/api/v1/planning/requirements/999999"),
        ["GET /api/v1/planning/scenarios"] = (Rule.Read, "/api/v1/planning/scenarios"),
        ["GET /api/v1/planning/scenarios/{id:int}"] = (Rule.Read, "/api/v1/planning/scenarios/999999"),
        ["POST /api/v1/planning/scenarios"] = (Rule.WritePlanning, "/api/v1/planning/scenarios"),
        ["POST /api/v1/planning/plans"] = (Rule.Read, "/api/v1/planning/plans"),
        ["POST /api/v1/planning/compare"] = (Rule.Read, "/api/v1/planning/compare"),
        ["GET /api/v1/geography/layers"] = (Rule.Read, "/api/v1/geography/layers"),
        ["GET /api/v1/geography/layers/{id:int}"] = (Rule.Read, "/api/v1/geography/layers/1"),
        ["GET /api/v1/geography/layers/{id:int}/features"] = (Rule.Read, "/api/v1/geography/layers/3/features?bbox=37,47,39,49"),
        ["POST /api/v1/geography/layers"] = (Rule.WriteAgreements, "/api/v1/geography/layers"),
        ["GET /api/v1/geography/in-force"] = (Rule.Read, "/api/v1/geography/in-force?at=2015-03-01"),
        ["GET /api/v1/geography/place"] = (Rule.Read, "/api/v1/geography/place?lat=48.7&lon=37.6&at=2025-03-20"),
        ["GET /api/v1/geography/zones"] = (Rule.Read, "/api/v1/geography/zones?at=2015-03-01"),
        ["GET /api/v1/agreements"] = (Rule.Read, "/api/v1/agreements"),
        ["GET /api/v1/agreements/{key}"] = (Rule.Read, "/api/v1/agreements/minsk-ii"),
        ["GET /api/v1/agreements/{key}/provisions/{number:int}/zones"] = (Rule.Read, "/api/v1/agreements/minsk-ii/provisions/2/zones"),
        ["POST /api/v1/agreements"] = (Rule.WriteAgreements, "/api/v1/agreements"),
        ["POST /api/v1/agreements/{key}/status"] = (Rule.WriteAgreements, "/api/v1/agreements/jeddah-interim-ceasefire/status"),
        ["PUT /api/v1/agreements/{key}/parties/{actor}"] = (Rule.WriteAgreements, "/api/v1/agreements/jeddah-interim-ceasefire/parties/RUS"),
        ["POST /api/v1/observations"] = (Rule.SubmitObservations, "/api/v1/observations"),
        ["POST /api/v1/observations/import"] = (Rule.SubmitObservations, "/api/v1/observations/import?format=csv"),
        ["GET /api/v1/observations"] = (Rule.Read, "/api/v1/observations?limit=5"),
        ["GET /api/v1/observations/{id:long}"] = (Rule.Read, "/api/v1/observations/1"),
        ["GET /api/v1/observations/map"] = (Rule.Read, "/api/v1/observations/map?from=2025-03-01&to=2025-03-31&bbox=22,44,41,53"),
        ["GET /api/v1/incidents"] = (Rule.Read, "/api/v1/incidents"),
        ["GET /api/v1/incidents/proposals"] = (Rule.Read, "/api/v1/incidents/proposals?from=2025-03-20T00:00:00Z&to=2025-03-21T00:00:00Z"),
        ["GET /api/v1/incidents/candidates"] = (Rule.Read, "/api/v1/incidents/candidates?observation=1"),
        ["GET /api/v1/incidents/{id:long}"] = (Rule.Read, "/api/v1/incidents/1"),
        ["POST /api/v1/incidents"] = (Rule.ReviewIncidents, "/api/v1/incidents"),
        ["POST /api/v1/incidents/{id:long}/observations"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/observations"),
        ["POST /api/v1/incidents/{id:long}/merge"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/merge"),
        ["POST /api/v1/incidents/{id:long}/split"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/split"),
        ["POST /api/v1/incidents/{id:long}/moves"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/moves"),
        ["PUT /api/v1/incidents/{id:long}/attribution"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/attribution"),
        ["PUT /api/v1/incidents/{id:long}/marking"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/marking"),
        ["POST /api/v1/incidents/{id:long}/help"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/help"),
        ["POST /api/v1/incidents/{id:long}/claim"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/claim"),
        ["DELETE /api/v1/incidents/{id:long}/claim"] = (Rule.ReviewIncidents, "/api/v1/incidents/1/claim"),
        ["GET /api/v1/reports/daily"] = (Rule.Read, "/api/v1/reports/daily?date=2025-03-20"),
        ["GET /api/v1/reports/weekly"] = (Rule.Read, "/api/v1/reports/weekly?end=2025-03-20"),
        ["POST /api/v1/documents"] = (Rule.RecordSources, "/api/v1/documents"),
        ["GET /api/v1/documents/{id:long}"] = (Rule.Read, "/api/v1/documents/1"),
        ["GET /api/v1/positions"] = (Rule.Read, "/api/v1/positions?at=2025-10-01"),
        ["GET /api/v1/positions/timeline"] = (Rule.Read, "/api/v1/positions/timeline?issue=foreign-troops&party=RUS"),
        ["GET /api/v1/positions/{id:long}"] = (Rule.Read, "/api/v1/positions/1"),
        ["POST /api/v1/positions"] = (Rule.RecordSources, "/api/v1/positions"),
        ["POST /api/v1/positions/issues"] = (Rule.RecordSources, "/api/v1/positions/issues"),
        ["GET /api/v1/candidates"] = (Rule.Read, "/api/v1/candidates?state=all"),
        ["GET /api/v1/candidates/{id:long}"] = (Rule.Read, "/api/v1/candidates/999999"),
        ["POST /api/v1/candidates/{id:long}/accept"] = (Rule.RecordSources, "/api/v1/candidates/999999/accept"),
        ["POST /api/v1/candidates/{id:long}/dismiss"] = (Rule.RecordSources, "/api/v1/candidates/999999/dismiss"),
        ["GET /api/v1/statements"] = (Rule.Read, "/api/v1/statements?issue=foreign-troops"),
        ["GET /api/v1/alerts"] = (Rule.Read, "/api/v1/alerts?limit=5"),
        ["GET /api/v1/alert-rules"] = (Rule.Read, "/api/v1/alert-rules"),
        ["GET /api/v1/alert-rules/{id:long}"] = (Rule.Read, "/api/v1/alert-rules/999999"),
        ["POST /api/v1/alert-rules"] = (Rule.ManageAlertRules, "/api/v1/alert-rules"),
        ["PUT /api/v1/alert-rules/{id:long}"] = (Rule.ManageAlertRules, "/api/v1/alert-rules/999999"),
        ["DELETE /api/v1/alert-rules/{id:long}"] = (Rule.ManageAlertRules, "/api/v1/alert-rules/999999"),
        ["ANY /hubs/alerts/negotiate"] = (Rule.Browser, "/hubs/alerts/negotiate?negotiateVersion=1"),
        ["ANY /hubs/alerts"] = (Rule.Browser, "/hubs/alerts?id=no-such-connection"),
        ["GET /api/v1/audit"] = (Rule.Admin, "/api/v1/audit?limit=5"),
        ["GET /api/v1/audit/verify"] = (Rule.Admin, "/api/v1/audit/verify"),
        ["PAGE /"] = (Rule.Read, "/"),
        ["PAGE /Index"] = (Rule.Read, "/Index"),
        ["PAGE /NotBuilt"] = (Rule.Read, "/NotBuilt"),
        ["PAGE /agreements"] = (Rule.Read, "/agreements"),
        ["PAGE /agreements/{key}"] = (Rule.Read, "/agreements/minsk-ii"),
        ["PAGE /geography"] = (Rule.Read, "/geography"),
        ["PAGE /monitoring"] = (Rule.Read, "/monitoring"),
        ["PAGE /monitoring/list"] = (Rule.Read, "/monitoring/list"),
        ["PAGE /monitoring/{id:long}"] = (Rule.Read, "/monitoring/1"),
        ["PAGE /monitoring/report"] = (Rule.SubmitObservations, "/monitoring/report"),
        ["PAGE /monitoring/import"] = (Rule.SubmitObservations, "/monitoring/import"),
        ["PAGE /verification"] = (Rule.Read, "/verification"),
        ["PAGE /verification/{id:long}"] = (Rule.Read, "/verification/1"),
        ["PAGE /reports"] = (Rule.Read, "/reports"),
        ["PAGE /reports/daily"] = (Rule.Read, "/reports/daily?date=2025-03-20"),
        ["PAGE /reports/weekly"] = (Rule.Read, "/reports/weekly?end=2025-03-20"),
        ["PAGE /public"] = (Rule.Anyone, "/public"),
        ["PAGE /alerts"] = (Rule.Read, "/alerts"),
        ["PAGE /sources"] = (Rule.Read, "/sources"),
        ["PAGE /positions"] = (Rule.Read, "/positions"),
        ["PAGE /sources/{id:long}"] = (Rule.Read, "/sources/1"),
        ["PAGE /sources/candidates"] = (Rule.Read, "/sources/candidates?state=all"),
        ["PAGE /sources/statements"] = (Rule.Read, "/sources/statements"),
        ["PAGE /api-docs"] = (Rule.Read, "/api-docs"),
        ["PAGE /coalition"] = (Rule.Read, "/coalition"),
        ["PAGE /commitments"] = (Rule.Read, "/commitments"),
        ["PAGE /commitments/{id:int}"] = (Rule.Read, "/commitments/1"),
        ["PAGE /commitments/{id:int}/edit"] = (Rule.WritePledges, "/commitments/1/edit"),
        ["PAGE /commitments/new"] = (Rule.WritePledges, "/commitments/new"),
        ["PAGE /planning"] = (Rule.Read, "/planning"),
        ["PAGE /accounts"] = (Rule.Admin, "/accounts"),
        ["PAGE /audit"] = (Rule.Admin, "/audit"),
        ["PAGE /account/sign-in"] = (Rule.Anyone, "/account/sign-in"),
        ["PAGE /account/sign-out"] = (Rule.Anyone, "/account/sign-out"),
        ["PAGE /account/denied"] = (Rule.Anyone, "/account/denied"),
    };

    public static readonly TheoryData<string> Endpoints = new(Rules.Keys);

    [Fact]
    public void Every_endpoint_the_server_maps_has_a_rule_in_this_table_and_every_rule_an_endpoint()
    {
        var live = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(Keys).ToHashSet(StringComparer.Ordinal);

        Assert.True(live.SetEquals(Rules.Keys), $"Endpoints without a rule here: {string.Join(", ", live.Except(Rules.Keys))}. Rules without an endpoint: {string.Join(", ", Rules.Keys.Except(live))}.");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_and_token_scope_passes_the_endpoints_rule_or_is_refused_by_it(string endpoint)
    {
        var (rule, path) = Rules[endpoint];
        var method = endpoint.Split(' ')[0];
        var failures = new List<string>();

        // Anonymous: only what is open to anyone. A browser's cookie carries every scope its role allows.
        // Tokens open the API only, each within its user's role and its own scopes.
        var cases = new List<(string Who, Task<(HttpStatusCode, string?, JsonObject?)> Response, bool Allowed, bool SignedIn)>
        {
            ("anonymous", Send(app.Api(null), method, path), rule == Rule.Anyone, false),
        };
        foreach (var user in TemplateDatabase.Accounts.Keys)
        {
            cases.Add(($"{user} (cookie)", Send(await Browser(user), method, path), Allowed(rule, user, [TokenScopes.All]), true));
            foreach (var scopes in TemplateDatabase.ScopeSets)
            {
                var browserOnly = method == "PAGE" || rule == Rule.Browser;
                var allowed = browserOnly ? rule == Rule.Anyone : Allowed(rule, user, scopes);
                cases.Add(($"{user} (token: {string.Join(' ', scopes)})", Send(app.Api(user, scopes), method, path), allowed, !browserOnly));
            }
        }

        foreach (var (who, response, allowed, signedIn) in cases)
        {
            Check(failures, who, await response, allowed, signedIn);
        }

        Assert.True(failures.Count == 0, $"{endpoint} ({rule}):\n" + string.Join("\n", failures));
    }

    // One signed-in browser per user for the whole class: signing in is not what is tested here.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TruceApp, Dictionary<string, Task<HttpClient>>> Browsers = [];

    private Task<HttpClient> Browser(string user)
    {
        var browsers = Browsers.GetOrCreateValue(app);
        lock (browsers)
        {
            return browsers.TryGetValue(user, out var browser) ? browser : browsers[user] = app.SignedIn(user);
        }
    }

    private static bool Allowed(Rule rule, string user, IReadOnlyCollection<string> scopes)
    {
        var role = TemplateDatabase.Accounts[user].Role;
        bool Has(string scope) => scopes.Contains(TokenScopes.All) || scopes.Contains(scope);
        return rule switch
        {
            Rule.Anyone => true,
            Rule.Read => Has(TokenScopes.Read),
            Rule.WritePledges => role is Role.Admin or Role.Planner or Role.Liaison && Has(TokenScopes.Read) && Has(TokenScopes.WritePledges),
            Rule.WritePlanning => role is Role.Admin or Role.Planner && Has(TokenScopes.Read) && Has(TokenScopes.WritePlanning),
            Rule.WriteAgreements => role is Role.Admin or Role.Analyst && Has(TokenScopes.Read) && Has(TokenScopes.WriteAgreements),
            Rule.SubmitObservations => role is Role.Admin or Role.Analyst or Role.Monitor && Has(TokenScopes.Read) && Has(TokenScopes.Ingest),
            Rule.RecordSources => role is Role.Admin or Role.Analyst && Has(TokenScopes.Read) && Has(TokenScopes.WriteSources),
            Rule.ReviewIncidents => role is Role.Admin or Role.Analyst or Role.Verifier && Has(TokenScopes.Read) && Has(TokenScopes.WriteIncidents),
            Rule.ManageAlertRules => role is Role.Admin or Role.Analyst && Has(TokenScopes.Read) && Has(TokenScopes.WriteAlerts),
            Rule.Browser => true,
            _ => role == Role.Admin && Has(TokenScopes.Read),
        };
    }

    /// <summary>
    /// Whether the response passed the rule: the API refuses by rule with 401, or 403 naming the rule (a
    /// service's own refusal, such as a liaison changing another member's pledge, names none); a page
    /// sends the unknown to sign in and the refused to the denied page.
    /// </summary>
    private static void Check(List<string> failures, string who, (HttpStatusCode Status, string? Location, JsonObject? Problem) response, bool allowed, bool signedIn)
    {
        var refusedByRule = response.Status == HttpStatusCode.Unauthorized
            || (response.Status == HttpStatusCode.Forbidden && response.Problem?["rule"] is not null)
            || (response.Status == HttpStatusCode.Redirect && (response.Location?.StartsWith("/account/sign-in", StringComparison.Ordinal) == true || response.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true));
        if (allowed == refusedByRule)
        {
            failures.Add($"  {who}: {(int)response.Status} {response.Location} {response.Problem?["detail"]} — expected {(allowed ? "to pass the rule" : "a refusal by the rule")}");
        }

        if (!allowed && !signedIn && response.Status == HttpStatusCode.Forbidden)
        {
            failures.Add($"  {who}: 403 where nobody signed in (expected 401 or the sign-in page)");
        }
    }

    // Writes send an empty object: the rule decides before the body is read, and an empty body writes nothing.
    private static async Task<(HttpStatusCode Status, string? Location, JsonObject? Problem)> Send(HttpClient client, string method, string path)
    {
        // ANY (an endpoint of every method) is tried with a POST, as SignalR's clients begin.
        var request = new HttpRequestMessage(method switch { "PAGE" => HttpMethod.Get, "ANY" => HttpMethod.Post, _ => new HttpMethod(method) }, path);
        if (method is "POST" or "PUT" or "ANY")
        {
            request.Content = JsonContent.Create(new { });
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }

        var response = await client.SendAsync(request);
        JsonObject? problem = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject();
        }

        var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString) : null;
        return (response.StatusCode, location, problem);
    }

    private static IEnumerable<string> Keys(RouteEndpoint endpoint)
    {
        var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null || endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
        {
            return [$"PAGE {route}"];
        }

        // An endpoint that takes every method (the live feed's SignalR endpoints) is ANY.
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return methods.Select(m => $"{m} {route}");
    }
}
