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
/// Truce as its users meet it: the real server on its own SQLite file with the demo scenario loaded, and
/// one account (with an API token) for each role. Tests talk to it over HTTP as a person or a feed would.
/// </summary>
public class TruceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "first-operator-secret";
    public const string Password = "a-long-test-password";

    /// <summary>The accounts every test can use: user name → (role, member).</summary>
    public static readonly IReadOnlyDictionary<string, (Role Role, string? Member)> Accounts = new Dictionary<string, (Role, string?)>
    {
        ["admin"] = (Role.Admin, null),
        ["planner"] = (Role.Planner, null),
        ["liaison-gbr"] = (Role.Liaison, "GBR"),
        ["liaison-fra"] = (Role.Liaison, "FRA"),
        ["viewer"] = (Role.Viewer, null),
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "truce-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _tokens = [];

    public TruceApp()
        : this(kestrel: false)
    {
    }

    /// <param name="kestrel">Serve on a real loopback port (for the browser) instead of the in-memory test server.</param>
    protected TruceApp(bool kestrel)
    {
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public string DatabasePath => Path.Combine(_folder, "truce.db");

    /// <summary>Everything the server logged, at every level.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>The address of the real server, when started with Kestrel.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public virtual async ValueTask InitializeAsync()
    {
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        foreach (var (name, (role, member)) in Accounts)
        {
            if (name != "admin")
            {
                var (_, _, error) = await accounts.CreateAsync(new NewUser(name, role, member, Password), Principal.System);
                Assert.Null(error);
            }

            var (secret, tokenError) = await accounts.CreateTokenAsync(name, "tests", TimeSpan.FromDays(1), [TokenScopes.Read, TokenScopes.WritePledges, TokenScopes.WritePlanning], Principal.System);
            Assert.Null(tokenError);
            _tokens[name] = secret!;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown only leaves litter in the temp folder.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", DatabasePath);
        builder.UseSetting("Admin:Password", AdminPassword);

        // Real PBKDF2, fewer rounds: sign-ins stay fast without changing the code path.
        builder.UseSetting("Security:PasswordHashIterations", "1000");
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug));
    }

    public string TokenOf(string user) => _tokens[user];

    /// <summary>An API client that sends the user's bearer token; null for an anonymous client.</summary>
    public HttpClient Api(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
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
