using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Truce.Core.Security;
using Truce.Testing;

namespace Truce.Storage.Tests;

/// <summary>Work no request asked for runs as an explicit system principal, named for its job, whose reads are logged.</summary>
public sealed class SystemPrincipalTests
{
    [Fact]
    public async Task A_jobs_reads_as_the_system_principal_are_logged_with_its_job()
    {
        var database = await TestStore.NewLocation("system").CreateAsync();
        var logs = new Messages();
        await using (var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .AddTruceStorage(_ => database.Options)
            .BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            await StorageSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<TruceDb>());
            Expect.Done(await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(new Principal("operator", Role.Admin, null), DemoData.DefaultPath));
        }

        await database.DropAsync();
        Assert.Contains(logs.All, m => m.Contains("reads for the job 'demo-data'", StringComparison.Ordinal));
        Assert.Equal("system:demo-data", DemoData.Loader.Name);
        Assert.True(DemoData.Loader.IsSystem && DemoData.Loader.SeesAll);
    }

    private sealed class Messages : ILoggerProvider
    {
        public ConcurrentQueue<string> All { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(All);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> all) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                all.Enqueue(formatter(state, exception));
        }
    }
}
