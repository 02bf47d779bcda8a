using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Truce.Web.Startup;

namespace Truce.Web.Security;

/// <summary>
/// Behind a load balancer every request arrives from the balancer's address, and the sign-in throttle, the
/// access log and the audit trail would all see that one address. <c>Network:KnownProxies</c> (addresses
/// separated by commas) names the balancers whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> Truce
/// believes — the last hop only, and no one else's, so a client cannot choose its own address. Without the
/// setting the headers are ignored.
/// </summary>
public static class Proxies
{
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var configured = app.Configuration["Network:KnownProxies"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in configured.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new StartupException($"Network:KnownProxies: '{proxy}' is not an IP address; expected the load balancers' addresses separated by commas, e.g. 10.0.0.5,10.0.0.6."));
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
