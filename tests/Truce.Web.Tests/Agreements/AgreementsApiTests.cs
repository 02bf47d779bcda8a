using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Truce.Core.Agreements;
using Truce.Core.Common;
using Truce.Storage.Agreements;
using Truce.Testing;
using Truce.Web.Tests.Api;

namespace Truce.Web.Tests.Agreements;

/// <summary>Agreements over HTTP: reading them, recording one, moving it through its lifecycle with If-Match, and who may.</summary>
public sealed class AgreementsApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private static AgreementInput Proposal(string key) => new()
    {
        Key = key,
        Title = "Test ceasefire in the air",
        Kind = "partial-maritime",
        ProposedOn = new DateOnly(2025, 5, 1),
        EffectiveFrom = new DateTimeOffset(2025, 5, 12, 0, 0, 0, TimeSpan.Zero),
        DurationDays = 30,
        Parties = [new PartyInput { Actor = "UKR", State = "accepted", On = new DateOnly(2025, 5, 1) }, new PartyInput { Actor = "RUS", State = "proposed" }],
        Roles = [new RoleInput { Actor = "USA", Role = "mediator" }],
        Provisions = [new ProvisionInput { Kind = "cessation", Domains = ["air"] }],
        Sources = [new CitationInput { Url = "https://example.org/proposal" }],
    };

    private static HttpRequestMessage Send(HttpMethod method, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: TruceJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Fact]
    public async Task Minsk_II_reads_with_its_parties_provisions_in_words_history_and_ETag()
    {
        var response = await app.Api("viewer").GetAsync("/api/v1/agreements/minsk-ii");
        var minsk = await response.Read<AgreementView>();

        Assert.Equal("\"3\"", response.Headers.ETag?.ToString());
        Assert.Equal("collapsed", minsk.Status);
        Assert.Equal(["UKR", "donbas-formations"], minsk.Parties.Select(p => p.Actor));
        Assert.Equal(new DateTimeOffset(2015, 2, 14, 22, 0, 0, TimeSpan.Zero), minsk.EffectiveFrom);
        Assert.Equal(["in-force", "collapsed"], minsk.History.Select(h => h.To));
        Assert.Contains("Ukraine keeps multiple rocket launchers at least 35 km back from the line of contact as of 15 Feb 2015.", minsk.Provisions[1].Words);
        Assert.Empty(minsk.NextStatuses);
        Assert.Equal("PUBLIC", minsk.Marking);
    }

    [Fact]
    public async Task An_analyst_records_a_proposal_which_comes_into_force_only_when_every_party_has_accepted()
    {
        var analyst = app.Api("analyst");
        var created = await analyst.PostAsJsonAsync("/api/v1/agreements", Proposal("air-truce-test"), TruceJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());

        // Russia has not accepted: refused with the reason, under "parties".
        var early = await analyst.SendAsync(Send(HttpMethod.Post, "/api/v1/agreements/air-truce-test/status", new StatusChangeInput { To = "in-force", Reason = "Took effect" }, "\"1\""));
        Assert.Contains("not yet: RUS (proposed)", (await early.Problem(HttpStatusCode.BadRequest))["errors"]!["parties"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var accepted = await analyst.SendAsync(Send(HttpMethod.Put, "/api/v1/agreements/air-truce-test/parties/RUS", new PartyInput { State = "accepted-with-conditions", On = new DateOnly(2025, 5, 10), Conditions = "Monitoring by a third party" }, "\"1\""));
        Assert.Equal(2, (await accepted.Read<AgreementSummary>()).Version);

        // A writer who read version 1 is told it changed.
        var stale = await analyst.SendAsync(Send(HttpMethod.Post, "/api/v1/agreements/air-truce-test/status", new StatusChangeInput { To = "in-force", Reason = "Took effect" }, "\"1\""));
        await stale.Problem(HttpStatusCode.PreconditionFailed);

        var inForce = await analyst.SendAsync(Send(HttpMethod.Post, "/api/v1/agreements/air-truce-test/status", new StatusChangeInput { To = "in-force", At = new DateTimeOffset(2025, 5, 12, 0, 0, 0, TimeSpan.Zero), Reason = "Took effect" }, "\"2\""));
        Assert.Equal("in-force", (await inForce.Read<AgreementSummary>()).Status);
        var extended = await analyst.SendAsync(Send(HttpMethod.Post, "/api/v1/agreements/air-truce-test/status", new StatusChangeInput { To = "extended", At = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), Days = 30, Reason = "Extended by mutual agreement" }, "\"3\""));
        Assert.Equal(new DateTimeOffset(2025, 7, 11, 0, 0, 0, TimeSpan.Zero), (await extended.Read<AgreementSummary>()).ExpiresAt);

        // Once in force it cannot go back to proposed; the reason names what it may become.
        var back = await analyst.SendAsync(Send(HttpMethod.Post, "/api/v1/agreements/air-truce-test/status", new StatusChangeInput { To = "proposed", Reason = "Undo" }, "*"));
        Assert.Contains("may become: extended, expired, collapsed", (await back.Problem(HttpStatusCode.BadRequest))["errors"]!["to"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var audit = await app.Api("admin").GetStringAsync("/api/v1/audit?limit=20");
        Assert.Contains("agreement.status-changed", audit, StringComparison.Ordinal);
        Assert.Contains("agreement.acceptance-changed", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_agreement_is_refused_with_every_field_named_and_nothing_recorded()
    {
        var input = Proposal("bad-agreement-test");
        input.Parties![1]!.Actor = "ATLANTIS";
        input.Provisions = [new ProvisionInput { Kind = "weapon-withdrawal", Withdrawals = [new WithdrawalInput { WeaponClass = "tanks", Description = "tanks", DistanceKm = 15 }], Baselines = [new BaselineInput { Actor = "UKR", Layer = "no-such-line", AsOf = new DateOnly(2025, 5, 1) }] }];

        var response = await app.Api("analyst").PostAsJsonAsync("/api/v1/agreements", input, TruceJson.Options);

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["parties[1].actor", "provisions[0].baselines[0].layer"], problem.ErrorFields().Order(StringComparer.Ordinal));
        await (await app.Api("viewer").GetAsync("/api/v1/agreements/bad-agreement-test")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_planner_may_read_agreements_but_not_record_them()
    {
        var planner = app.Api("planner");

        Assert.Equal(5, (await planner.GetFromJsonAsync<JsonArray>("/api/v1/agreements?status=proposed"))!.Count + (await planner.GetFromJsonAsync<JsonArray>("/api/v1/agreements?status=collapsed"))!.Count + (await planner.GetFromJsonAsync<JsonArray>("/api/v1/agreements?status=expired"))!.Count);
        var refused = await planner.PostAsJsonAsync("/api/v1/agreements", Proposal("planner-test"), TruceJson.Options);
        await refused.Problem(HttpStatusCode.Forbidden);
        var badStatus = await planner.GetAsync("/api/v1/agreements?status=paused");
        Assert.Equal(["status"], (await badStatus.Problem(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task The_zones_of_a_provision_are_GeoJSON_one_feature_per_party_and_weapon_class()
    {
        var response = await app.Api("viewer").GetAsync("/api/v1/agreements/minsk-ii/provisions/2/zones");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var zones = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["features"]!.AsArray();
        Assert.Equal(6, zones.Count);
        Assert.Equal(["left", "right"], zones.Select(z => z!["properties"]!["side"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        await (await app.Api("viewer").GetAsync("/api/v1/agreements/minsk-ii/provisions/9/zones")).Problem(HttpStatusCode.NotFound);
    }
}
