using Truce.Core.Common;
using Truce.Core.Planning;
using Truce.Planning;
using Truce.Web.Api;
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
        await StorageStartup.PrepareDatabaseAsync(app.Services, app.Configuration, Console.Out); // migrate, demo scenario, first admin
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

        builder.AddTruceStorage();            // SQLite by default: Startup/StorageStartup.cs
        builder.AddTruceSecurity();           // sign-in, roles, tokens: Security/
        builder.Services.AddSingleton<IPlanner, OrToolsPlanner>(); // Truce.Planning: min-cost flow and CP-SAT
        builder.Services.AddRazorPages(pages => pages.Conventions
            .AllowAnonymousToFolder("/Account")
            .AddPageRoute("/Commitments/Edit", "/commitments/new"));
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => TruceJson.CopyTo(json.SerializerOptions)); // one JSON spelling for API and CLI
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<OpenApiInfo>());

        var app = builder.Build();

        app.UseSecurityHeaders();             // CSP, no framing, no sniffing: Security/SecurityHeaders.cs
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();                    // sent only over HTTPS
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseCurrentPrincipal();            // the storage layer's releasability filters read for this principal
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthApi();                   // GET /health, open to all
        app.MapCoalitionApi();                // /api/v1/actors, members, meetings
        app.MapCommitmentsApi();              // /api/v1/pledges
        app.MapPlanningApi();                 // /api/v1/planning: catalogue, missions, scenarios, plans
        app.MapAuditApi();                    // /api/v1/audit, admins only
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();                  // Pages/: dashboard, coalition, commitments, sign-in
        return app;
    }
}
