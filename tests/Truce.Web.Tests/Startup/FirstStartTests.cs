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
