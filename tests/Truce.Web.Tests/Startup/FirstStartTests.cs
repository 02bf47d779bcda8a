using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Truce.Storage;
using Truce.Storage.Security;
using Truce.Testing;
using Truce.Web.Startup;

namespace Truce.Web.Tests.Startup;

/// <summary>What the operator meets on the first start: the demo data (or nothing) and a first admin.</summary>
public sealed class FirstStartTests : IAsyncLifetime
{
    private readonly TestLocation _database = TestStore.NewLocation("first-start");

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    private (ServiceProvider Services, IConfiguration Configuration) Server(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in _database.Settings())
        {
            settings[key] = value;
        }

        settings["Security:PasswordHashIterations"] = "1000";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return (new ServiceCollection().AddTruce(configuration).BuildServiceProvider(), configuration);
    }

    [Fact]
    public async Task The_first_start_loads_the_demo_and_prints_a_generated_admin_password_once()
    {
        var (services, configuration) = Server([]);
        using var first = new StringWriter();
        using var second = new StringWriter();

        await DatabaseStartup.PrepareDatabaseAsync(services, configuration, first);
        await DatabaseStartup.PrepareDatabaseAsync(services, configuration, second);

        Assert.Contains("Loaded the demo data", first.ToString(), StringComparison.Ordinal);
        var password = first.ToString().Split("password: ")[1].Split(' ')[0];
        await using var scope = services.CreateAsyncScope();
        Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().SignInAsync("admin", password, "127.0.0.1"));
        Assert.Equal(string.Empty, second.ToString());
        await services.DisposeAsync();
    }

    [Fact]
    public async Task A_setting_starts_Truce_empty_with_an_admin_from_configuration()
    {
        var (services, configuration) = Server(new()
        {
            ["Demo:LoadWhenEmpty"] = "false",
            ["Admin:UserName"] = "operator",
            ["Admin:Password"] = "a-configured-passphrase",
        });
        using var console = new StringWriter();

        await DatabaseStartup.PrepareDatabaseAsync(services, configuration, console);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TruceDb>();
        using (db.ReadAs(DatabaseStartup.StartUp))
        {
            Assert.Equal(0, await db.Members.CountAsync());
        }

        Expect.Done(await scope.ServiceProvider.GetRequiredService<UserAccounts>().SignInAsync("operator", "a-configured-passphrase", "127.0.0.1"));
        Assert.DoesNotContain("a-configured-passphrase", console.ToString(), StringComparison.Ordinal);
        await services.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await _database.DropAsync();
}

/// <summary>A node without the audit trail's key does not start, rather than chain entries with a key of its own.</summary>
public sealed class AuditKeyStartTests : IAsyncLifetime
{
    private readonly TestLocation _database = TestStore.NewLocation("key-start");

    public async ValueTask InitializeAsync() => await TemplateDatabase.CopyToAsync(_database);

    public async ValueTask DisposeAsync() => await _database.DropAsync();

    [Theory]
    [InlineData("no key file")]
    [InlineData("another key")]
    public async Task A_node_without_the_trails_key_refuses_to_start_and_says_which_file(string what)
    {
        var other = Path.Combine(_database.Folder, "other", "audit.key");
        if (what == "another key")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(other)!);
            await File.WriteAllTextAsync(other, $"{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}\nkeyed-after 0\n");
        }

        var settings = new Dictionary<string, string?>(TemplateDatabase.Settings(_database)) { ["Audit:KeyFile"] = other };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddTruce(configuration).BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<StartupException>(() => DatabaseStartup.PrepareDatabaseAsync(services, configuration, TextWriter.Null));

        Assert.Contains(other, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Audit:KeyFile", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(other) && what == "no key file", "The node made a key of its own.");
    }
}
