using Truce.Core.Common;

namespace Truce.Web.Alerts;

/// <summary>The live feed of alerts: SignalR with Truce's JSON spelling, the connections of this node, and the delivery that fills them.</summary>
public static class AlertsSetup
{
    public static IServiceCollection AddTruceAlerts(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(json => TruceJson.CopyTo(json.PayloadSerializerOptions));
        services.AddSingleton<AlertConnections>();
        services.AddSingleton<AlertDelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertDelivery>());
        return services;
    }

    /// <summary>The hub, for signed-in people (a cookie; the fallback rule: signed in, and for a token the read scope).</summary>
    public static IEndpointConventionBuilder MapAlertsHub(this IEndpointRouteBuilder app) =>
        app.MapHub<AlertsHub>(AlertsHub.Path).RequireAuthorization();
}
