using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Core.Alerts;
using Truce.Core.Common;
using Truce.Storage.Alerts;
using Truce.Web.Security;

namespace Truce.Web.Api;

/// <summary>
/// Alerts over HTTP: the recent ones as markings allow, for every signed-in role; the rules that raise them,
/// read by all and made, changed and disabled by analysts and admins (token scope alerts:write). A rule's ETag is
/// its version; a change or a disabling sends it back in If-Match. A rule is never deleted: DELETE disables it,
/// so the alerts it raised still name it. The same alerts arrive live at <c>/hubs/alerts</c> (signed-in browsers).
/// </summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", List).WithSummary("Recent alerts, newest first: since (a date or instant), rule (an id), sector, limit (1–1,000; 100 by default). Each says why in a sentence, with what triggered it (observation ids, or the verified incident) and its marking.");
        var rules = api.MapGroup("/alert-rules").WithTags("Alerts");
        rules.MapGet("/", Rules).WithSummary("Alert rules, enabled first.");
        rules.MapGet("/{id:long}", Rule).WithSummary("One alert rule; its ETag is its version.");
        rules.MapPost("/", Create).RequireAuthorization(SecuritySetup.ManageAlertRules)
            .WithSummary("Make a rule: kind=threshold (type, sector or none for each sector, threshold 1–10,000 events, windowMinutes 1–10,080) or verified-violation (agreement and provision, or neither for any); a marking.")
            .Accepts<AlertRuleInput>("application/json");
        rules.MapPut("/{id:long}", Update).RequireAuthorization(SecuritySetup.ManageAlertRules)
            .WithSummary("Replace a rule (name, what it watches, enabled, marking). Send If-Match.")
            .Accepts<AlertRuleInput>("application/json");
        rules.MapDelete("/{id:long}", Disable).RequireAuthorization(SecuritySetup.ManageAlertRules)
            .WithSummary("Disable a rule: it raises nothing more and is kept, with its alerts. Send If-Match.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertView>>, ProblemHttpResult, ValidationProblem>> List(AlertReads reads, ClaimsPrincipal user, string? since, long? rule, string? sector, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var from = Instants.Read(since, errors, "since");
        var code = TextRules.Read(sector, TextRules.MaxCode, errors, "sector");
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return (await reads.ListAsync(user.ToPrincipal(), new AlertQuery(from, rule, code, limit ?? 100), ct)).Http();
    }

    private static async Task<Ok<IReadOnlyList<AlertRuleView>>> Rules(AlertReads reads, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await reads.RulesAsync(user.ToPrincipal(), ct));

    private static async Task<Results<Ok<AlertRuleView>, ProblemHttpResult, ValidationProblem>> Rule(AlertReads reads, ClaimsPrincipal user, HttpResponse response, long id, CancellationToken ct) =>
        Tagged(response, await reads.RuleAsync(user.ToPrincipal(), id, ct)).Http();

    private static async Task<Results<Created<AlertRuleView>, ProblemHttpResult, ValidationProblem>> Create(AlertRuleWrites writes, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var input = await JsonBody.ReadAsync<AlertRuleInput>(context.Request);
        var outcome = input.IsDone ? await writes.CreateAsync(user.ToPrincipal(), input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http(r => TypedResults.Created($"/api/v1/alert-rules/{r.Id}", r));
    }

    private static async Task<Results<Ok<AlertRuleView>, ProblemHttpResult, ValidationProblem>> Update(AlertRuleWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "alert rule");
        if (!expected.IsDone)
        {
            return expected.AsRefusal().As<AlertRuleView>().Http();
        }

        var input = await JsonBody.ReadAsync<AlertRuleInput>(context.Request);
        var outcome = input.IsDone ? await writes.UpdateAsync(user.ToPrincipal(), id, expected.Value, input.Value, ct) : input.AsRefusal();
        return Tagged(context.Response, outcome).Http();
    }

    private static async Task<Results<Ok<AlertRuleView>, ProblemHttpResult, ValidationProblem>> Disable(AlertRuleWrites writes, ClaimsPrincipal user, HttpContext context, long id, CancellationToken ct)
    {
        var expected = IfMatch.Read(context.Request, "alert rule");
        return Tagged(context.Response, expected.IsDone ? await writes.DisableAsync(user.ToPrincipal(), id, expected.Value, ct) : expected.AsRefusal()).Http();
    }

    private static Outcome<AlertRuleView> Tagged(HttpResponse response, Outcome<AlertRuleView> outcome)
    {
        if (outcome.IsDone)
        {
            response.Headers.ETag = IfMatch.ETag(outcome.Value.Version);
        }

        return outcome;
    }
}
