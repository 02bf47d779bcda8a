using System.Net;
using Truce.Core.Coalition;
using Truce.Testing;

namespace Truce.Web.Tests.Api;

public sealed class CoalitionApiTests(TruceApp app) : IClassFixture<TruceApp>
{
    private readonly HttpClient _api = app.Api("viewer");

    [Fact]
    public async Task The_demo_data_name_states_organisations_and_persons()
    {
        var actors = await (await _api.GetAsync("/api/v1/actors")).Read<List<ActorView>>();

        Assert.True(actors.Count >= 35, $"only {actors.Count} actors");
        Assert.Contains(actors, a => a.Code == "eu-commission" && a.Kind == "organisation");
        Assert.Contains(actors, a => a.Code == "nato");
        Assert.Null(actors.Single(a => a.Code == "USA").Membership);
        Assert.Null(actors.Single(a => a.Code == "RUS").Membership);
        Assert.Equal("co-lead", actors.Single(a => a.Code == "GBR").Membership);
    }

    [Fact]
    public async Task Persons_carry_their_roles_and_aliases()
    {
        var persons = await (await _api.GetAsync("/api/v1/actors?kind=person")).Read<List<ActorView>>();

        Expect.All(persons, p => Assert.Equal("person", p.Kind));
        var starmer = Assert.Single(persons, p => p.Code == "keir-starmer");
        Assert.Contains(starmer.Roles, r => r.Title == "Prime Minister" && r.Of == "GBR");
        Assert.Contains(persons, p => p.Code == "volodymyr-zelensky" && p.Aliases.Contains("Zelenskyy"));
    }

    [Fact]
    public async Task Search_finds_an_actor_by_alias()
    {
        var found = await (await _api.GetAsync("/api/v1/actors?q=Zelenskyy")).Read<List<ActorView>>();

        Assert.Contains(found, a => a.Code == "volodymyr-zelensky");
    }

    [Fact]
    public async Task An_unknown_kind_of_actor_is_named_in_the_problem()
    {
        var problem = await (await _api.GetAsync("/api/v1/actors?kind=planet")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["kind"], problem.ErrorFields());
    }

    [Fact]
    public async Task One_actor_by_code_and_a_clear_404_for_an_unknown_code()
    {
        var france = await (await _api.GetAsync("/api/v1/actors/FRA")).Read<ActorView>();
        Assert.Equal("France", france.Name);

        var problem = await (await _api.GetAsync("/api/v1/actors/ATLANTIS")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("ATLANTIS", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_have_the_UK_and_France_as_co_leads_and_never_the_US_or_Russia()
    {
        var members = await (await _api.GetAsync("/api/v1/members")).Read<List<MemberView>>();

        Assert.Equal(["FRA", "GBR"], members.Where(m => m.Role == "co-lead").Select(m => m.Code).Order());
        Assert.DoesNotContain(members, m => m.Code is "USA" or "RUS");
        Assert.Contains(members, m => m.Code == "nato" && m.Role == "institutional-partner");
        Assert.True(members.Single(m => m.Code == "GBR").Pledges > 0);
    }

    [Fact]
    public async Task The_four_March_2025_meetings_come_with_their_participants()
    {
        var meetings = await (await _api.GetAsync("/api/v1/meetings")).Read<List<MeetingView>>();

        Assert.Equal(
            [new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 15), new DateOnly(2025, 3, 20), new DateOnly(2025, 3, 27)],
            meetings.Select(m => m.Date));
        Expect.All(meetings, m => Assert.NotEmpty(m.Participants));
        Expect.All(meetings, m => Assert.NotEmpty(m.Sources));
        var virtualMeeting = meetings[1];
        Assert.Equal("virtual", virtualMeeting.Format);
        Assert.Contains(virtualMeeting.Participants, p => p.Actor == "AUS");
        Assert.Contains(virtualMeeting.Participants, p => p.Actor == "GBR" && p.Role == "host");
        Assert.DoesNotContain(virtualMeeting.Participants, p => p.Actor == "USA");
    }

    [Fact]
    public async Task One_meeting_by_id_and_a_404_for_an_unknown_one()
    {
        var meetings = await (await _api.GetAsync("/api/v1/meetings")).Read<List<MeetingView>>();
        var one = await (await _api.GetAsync($"/api/v1/meetings/{meetings[0].Id}")).Read<MeetingView>();

        Assert.Equal(meetings[0].Title, one.Title);
        await (await _api.GetAsync("/api/v1/meetings/99999")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_answers_anyone()
    {
        var response = await app.Api(null).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
