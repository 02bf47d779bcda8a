using Truce.Core.Common;
using Truce.Web.Alerts;
using Truce.Web.Api;
using Truce.Web.Pages;
using Truce.Web.Security;
using Truce.Web.Startup;

namespace Truce.Web;

/// <summary>
/// The table of contents of the Truce server: what it is made of, in the order a request meets it.
/// <c>truce serve</c> and the tests build the same application through <see cref="Build"/>.
/// </summary>
public sealed class Program
{
    // Not static only because WebApplicationFactory<Program> needs a type argument.
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        var app = Build(args);
        await DatabaseStartup.PrepareDatabaseAsync(app.Services, app.Configuration, Console.Out); // migrate, demo data, first admin
        AnnounceWhenReady(app, Console.Out);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Tells the operator where to point a browser once the server listens.</summary>
    public static void AnnounceWhenReady(WebApplication app, TextWriter console) =>
        app.Lifetime.ApplicationStarted.Register(() => console.WriteLine($"Truce is ready: open {string.Join(" or ", app.Urls)} in a browser and sign in."));

    /// <param name="contentRoot">Where wwwroot is; the CLI passes its own folder, the server and tests use the default.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(contentRoot is null
            ? new WebApplicationOptions { Args = args }
            : new WebApplicationOptions { Args = args, ContentRootPath = contentRoot, ApplicationName = typeof(Program).Assembly.GetName().Name });
        configure?.Invoke(builder);

        builder.Services.AddTruce(builder.Configuration); // storage, every module's services, the planner: Startup/TruceServices.cs
        builder.AddTruceSecurity();                       // sign-in, roles, tokens, the access log's writer: Security/
        builder.Services.AddTruceProblems();              // one problem shape, with traceId and errors: Api/Problems.cs
        builder.Services.AddTruceAlerts();                // the live feed of alerts (SignalR) and its delivery across nodes: Alerts/
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AllowAnonymousToFolder("/Account").AllowAnonymousToPage("/Reports/Public") // /public: verified, PUBLIC violations only
                .AddPageRoute("/Commitments/Edit", "/commitments/new");
            foreach (var planned in Modules.All.Where(m => !m.Built))
            {
                pages.Conventions.AddPageRoute("/NotBuilt", planned.Path); // each planned module at its own address
            }
        });
        builder.Services.ConfigureHttpJsonOptions(json => TruceJson.CopyTo(json.SerializerOptions)); // one JSON spelling for API and CLI
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<OpenApiInfo>());

        var app = builder.Build();

        app.UseKnownProxies();                // the client's address from a known load balancer: Security/Proxies.cs
        app.UseSecurityHeaders();             // CSP, no framing, no sniffing: Security/SecurityHeaders.cs
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();                    // sent only over HTTPS
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = RequestLimits.StatusOf }); // a problem, never a stack trace
        app.UseStatusCodePages();
        app.UseRequestLimits();               // bodies over 1 MiB are a 413: Security/RequestLimits.cs
        app.UseNoNulCharacters();             // no text may hold U+0000 (PostgreSQL cannot store it): Security/NulCharacters.cs
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthApi();                   // GET /health, open to all
        var api = app.MapGroup("/api/v1")     // signed in (and, for a token, scope read) unless an endpoint asks more
            .RequireAuthorization()
            .AddEndpointFilter(BindingProblems.NameTheParameter);
        api.MapCoalitionApi();                // /api/v1/actors, members, meetings
        api.MapCommitmentsApi();              // /api/v1/pledges
        api.MapPlanningApi();                 // /api/v1/planning: catalogue, missions, scenarios, plans
        api.MapGeographyApi();                // /api/v1/geography: layer versions, features, placement, zones
        api.MapAgreementsApi();               // /api/v1/agreements: parties, provisions, lifecycle
        api.MapMonitoringApi();               // /api/v1/observations: intake, placed and judged; the map's reads
        api.MapVerificationApi();             // /api/v1/incidents: worklist, proposals, incidents and every act on them
        api.MapReportsApi();                  // /api/v1/reports: the daily report (JSON, CSV, GeoJSON), the weekly trend
        api.MapAlertsApi();                   // /api/v1/alerts and /api/v1/alert-rules
        api.MapSourcesApi();                  // /api/v1/documents: documents taken in, their statements
        api.MapPositionsApi();                // /api/v1/positions: issues, the parties' positions, the matrix at a date
        api.MapCandidatesApi();               // /api/v1/candidates, /api/v1/statements: the analysts' queue, statements by actor, issue, date
        api.MapAuditApi();                    // /api/v1/audit, admins only
        app.MapAlertsHub();                   // /hubs/alerts: each browser gets the alerts its reader may read
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();                  // Pages/: a folder per module, sign-in and sign-out
        return app;
    }
}
