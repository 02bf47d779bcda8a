using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Web;
using Xunit;

namespace Truce.Testing;

/// <summary>
/// Truce as its users meet it: the real server on its own database on the test store (a copy of the
/// <see cref="TemplateDatabase"/>: the demo data, one account per role, tokens of several scopes). Tests
/// talk to it over HTTP as a person or a feed would.
/// </summary>
public class TruceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = TemplateDatabase.AdminPassword;
    public const string Password = TemplateDatabase.Password;

    /// <summary>The accounts every test can use: user name → (role, member).</summary>
    public static IReadOnlyDictionary<string, (Role Role, string? Member)> Accounts => TemplateDatabase.Accounts;

    private IReadOnlyDictionary<string, string> _tokens = new Dictionary<string, string>();
    private readonly TruceApp? _firstNode;

    public TruceApp()
        : this(kestrel: false)
    {
    }

    // A second node: another server, with its own memory, on the first one's database and audit key.
    private TruceApp(TruceApp first)
    {
        _firstNode = first;
        Location = first.Location;
    }

    /// <param name="kestrel">Serve on a real loopback port (for the browser) instead of the in-memory test server.</param>
    protected TruceApp(bool kestrel)
    {
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    /// <summary>Where this server's database is: a SQLite file or a PostgreSQL database, with the audit key's folder.</summary>
    public TestLocation Location { get; } = TestStore.NewLocation("app");

    /// <summary>
    /// Another Truce server on this one's database, as a second node behind a load balancer: its own
    /// memory, caches and key ring; the same database, audit key and tokens. Initialise and dispose it
    /// before this one.
    /// </summary>
    public TruceApp OtherNode() => new(this);

    /// <summary>Everything the server logged, at every level.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>The address of the real server, when started with Kestrel.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public virtual async ValueTask InitializeAsync()
    {
        _tokens = _firstNode is null ? await TemplateDatabase.CopyToAsync(Location) : _firstNode._tokens;
        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_firstNode is null)
        {
            await Location.DropAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TemplateDatabase.Settings(Location))
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug));
    }

    /// <summary>Writes what the access log has counted (token uses, refusals) now, as the background writer does at shutdown.</summary>
    public async Task<int> WriteAccessLogAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await Services.GetRequiredService<AccessLog>().FlushAsync(
            scope.ServiceProvider.GetRequiredService<Truce.Storage.TruceDb>(), scope.ServiceProvider.GetRequiredService<AuditTrail>(), closeAll: true);
    }

    /// <summary>How many entries the audit trail holds.</summary>
    public async Task<long> AuditCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(scope.ServiceProvider.GetRequiredService<Truce.Storage.TruceDb>().AuditEntries);
    }

    /// <summary>The secret of the user's token with every scope the tests need, or with exactly <paramref name="scopes"/>.</summary>
    public string TokenOf(string user, params string[] scopes) =>
        _tokens[TemplateDatabase.Key(user, scopes.Length == 0 ? TemplateDatabase.ScopeSets[0] : scopes)];

    /// <summary>An API client that sends the user's bearer token (with <paramref name="scopes"/>, or every scope); null for an anonymous client.</summary>
    public HttpClient Api(string? user, params string[] scopes)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(user, scopes));
        }

        return client;
    }

    /// <summary>A browser-like client (cookies, anti-forgery) signed in through the sign-in form.</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignIn(client, user, user == "admin" ? AdminPassword : Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Fills in and posts the sign-in form as a browser would, anti-forgery token included.</summary>
    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/account/sign-in");
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The form carries no anti-forgery token.");
        return match.Groups[1].Value;
    }
}
