using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Storage.Security;

namespace Truce.Storage.Tests;

/// <summary>The access log counts every refusal once, however its counting and its writing interleave.</summary>
public sealed class AccessLogTests
{
    [Fact]
    public async Task Refusals_counted_while_windows_are_written_are_neither_lost_nor_counted_twice()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var scope = db.Scope();
        var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
        var truce = scope.ServiceProvider.GetRequiredService<TruceDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        const int Writers = 4, Each = 5_000;

        var counting = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < Each; i++)
            {
                log.Refused(RefusalKind.SignIn, "198.51.100.7", $"user{w}", "wrong password");
            }
        })).ToArray();

        // Each flush closes every open window, so writers keep meeting windows that are being written. The gap
        // a refusal could fall into (between taking a window and locking it) is narrow: this run rarely meets
        // it, but it checks that the sum is exact, whatever the interleaving.
        while (!counting.All(t => t.IsCompleted))
        {
            await log.FlushAsync(truce, audit, closeAll: true, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(counting);
        await log.FlushAsync(truce, audit, closeAll: true, TestContext.Current.CancellationToken);

        using var reading = truce.ReadAs(TestDatabase.TestRunner);
        var details = await truce.AuditEntries.Where(e => e.Action == "sign-in.failed").Select(e => e.Detail!).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Writers * Each, details.Sum(d => long.Parse(d.Split(' ')[0], CultureInfo.InvariantCulture)));
    }
}
