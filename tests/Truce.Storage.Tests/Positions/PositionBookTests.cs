using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Core.Security;
using Truce.Testing;

namespace Truce.Storage.Tests.Positions;

/// <summary>Issues and positions on each store: the demo's loaded whole, a new position recorded once a day, marked, audited and cited.</summary>
public sealed class PositionBookTests
{
    private static readonly Principal Analyst = new("ana", Role.Analyst, null);

    private static Storage.Positions.PositionBook Book(IServiceProvider s) => s.GetRequiredService<Storage.Positions.PositionBook>();

    private static PositionInput Russia(DateOnly asOf, MarkingInput? marking = null) => new()
    {
        Party = "RUS",
        Issue = "foreign-troops",
        AsOf = asOf,
        Stance = "Foreign troops in any form would be a legitimate target.",
        Preferred = "none",
        Acceptable = ["none"],
        RedLine = ["reassurance-force", "nato-troops"],
        Sources = [new CitationInput { Url = "https://example.org/kremlin", Publisher = "Example Wire", DocumentId = 1, Start = 10, End = 60 }],
        Marking = marking,
    };

    [Fact]
    public async Task The_demo_positions_are_loaded_with_their_issues_and_name_the_conflict_on_foreign_troops()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var book = await db.With(s => Book(s).ReadAsync(Analyst));
        var zopa = book.ZopaAt("foreign-troops", new DateOnly(2025, 10, 1));

        Assert.Equal(8, book.Issues.Count);
        Assert.Equal(41, book.Positions.Count);
        Assert.Equal(ZopaState.Conflict, zopa.State);
        Assert.Contains("Russia", zopa.Words, StringComparison.Ordinal);
        Assert.Equal(["none", "reassurance-force"], book.Issue("foreign-troops").Options.Take(2).Select(o => o.Code));
    }

    [Fact]
    public async Task A_position_is_recorded_once_a_day_with_its_cited_statement_and_the_act_audited()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var id = Expect.Done(await db.With(s => Book(s).AddAsync(Analyst, Russia(new DateOnly(2025, 12, 2)))));
        var again = await db.With(s => Book(s).AddAsync(Analyst, Russia(new DateOnly(2025, 12, 2))));
        var book = await db.With(s => Book(s).ReadAsync(Analyst));
        var kept = Assert.Single(book.Positions, p => p.Id == id);

        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Equal(["reassurance-force", "nato-troops"], kept.RedLine);
        Assert.Equal(("ana", 1L, 10, 60), (kept.RecordedBy, kept.Sources[0].DocumentId, kept.Sources[0].Start, kept.Sources[0].End));
        Assert.Equal(1, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action == "position.recorded")));
    }

    [Fact]
    public async Task A_viewer_may_not_record_and_bad_fields_are_named()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var bad = Russia(new DateOnly(2025, 12, 2));
        bad.Party = "ATLANTIS";
        bad.Acceptable = ["none", "reassurance-force"];

        var viewer = await db.With(s => Book(s).AddAsync(new Principal("vi", Role.Viewer, null), Russia(new DateOnly(2025, 12, 2))));
        var invalid = await db.With(s => Book(s).AddAsync(Analyst, bad));

        Assert.Equal(OutcomeKind.Refused, viewer.Kind);
        Assert.Equal(["party", "redLine"], Expect.Invalid(invalid).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_national_position_is_read_only_within_its_marking_and_narrows_the_zone_only_for_them()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var gbr = new Principal("gbr-analyst", Role.Analyst, "GBR");
        var fra = new Principal("fra-analyst", Role.Analyst, "FRA");

        Expect.Done(await db.With(s => Book(s).AddAsync(gbr, Russia(new DateOnly(2025, 12, 2), new MarkingInput { Level = "national" }))));
        var theirs = await db.With(s => Book(s).ReadAsync(gbr));
        var others = await db.With(s => Book(s).ReadAsync(fra));

        Assert.Equal(42, theirs.Positions.Count);
        Assert.Equal(41, others.Positions.Count);
        Assert.Equal("NATIONAL GBR", theirs.ZopaAt("foreign-troops", new DateOnly(2025, 12, 3)).Marking.ToString());
    }
}
