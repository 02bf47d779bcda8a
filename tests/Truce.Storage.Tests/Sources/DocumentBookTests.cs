using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Core.Sources;
using Truce.Storage.Sources;
using Truce.Testing;

namespace Truce.Storage.Tests.Sources;

/// <summary>Documents on each store: taken in once per text, their statements found and kept as spans, marked, audited.</summary>
public sealed class DocumentBookTests
{
    private static readonly Principal Analyst = new("ana", Role.Analyst, null);

    private const string Article = "TITLE: Leaders meet\nOUTLET: Example Wire\nDATE: 2025-03-16\nURL: https://example.org/a\n\n"
        + "British Prime Minister Keir Starmer said the coalition would keep the pressure on Russia.\n\n"
        + "“We agreed we will keep increasing the pressure on Russia,” Starmer told reporters.";

    [Fact]
    public async Task A_document_is_kept_once_with_its_statements_as_spans_and_the_act_audited()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var book = (IServiceProvider s) => s.GetRequiredService<DocumentBook>();

        var (id, fresh) = Expect.Done(await db.With(s => book(s).AddAsync(Analyst, new DocumentInput { Text = Article })));
        var (again, freshAgain) = Expect.Done(await db.With(s => book(s).AddAsync(Analyst, new DocumentInput { Title = "Another title", Text = Article.Replace("Leaders meet", "Other", StringComparison.Ordinal) })));
        var document = await db.With(s => book(s).GetAsync(Analyst, id));

        Assert.True(fresh);
        Assert.Equal((id, false), (again, freshAgain));
        Assert.Equal(("Leaders meet", "Example Wire", new DateOnly(2025, 3, 16)), (document!.Title, document.Outlet, document.Date));
        Assert.NotEmpty(document.Statements);
        Expect.All(document.Statements, s => Assert.Equal("keir-starmer", s.ActorCode));
        var direct = Assert.Single(document.Statements, s => s.Type == StatementType.Direct);
        Assert.Equal("We agreed we will keep increasing the pressure on Russia", document.Body[direct.Start..direct.End]);
        Assert.Equal(1, await db.With(s => s.GetRequiredService<TruceDb>().AuditEntries.CountAsync(e => e.Action == "document.added")));
    }

    [Fact]
    public async Task A_viewer_may_not_add_and_a_bad_text_is_named()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var book = (IServiceProvider s) => s.GetRequiredService<DocumentBook>();

        var viewer = await db.With(s => book(s).AddAsync(new Principal("vi", Role.Viewer, null), new DocumentInput { Text = Article }));
        var bad = await db.With(s => book(s).AddAsync(Analyst, new DocumentInput { Text = "TITLE: T\nDATE: March\n\nBody." }));

        Assert.Equal(OutcomeKind.Refused, viewer.Kind);
        Assert.Equal(["date"], Expect.Invalid(bad).Keys);
    }

    [Fact]
    public async Task A_restricted_document_is_not_read_by_those_outside_its_marking()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var book = (IServiceProvider s) => s.GetRequiredService<DocumentBook>();
        var gbr = new Principal("gbr-analyst", Role.Analyst, "GBR");

        var (id, _) = Expect.Done(await db.With(s => book(s).AddAsync(gbr, new DocumentInput { Text = Article, Marking = new MarkingInput { Level = "rel-to", RelTo = ["GBR"] } })));
        var outsider = await db.With(s => book(s).GetAsync(new Principal("fra-analyst", Role.Analyst, "FRA"), id));
        var insider = await db.With(s => book(s).GetAsync(gbr, id));

        Assert.Null(outsider);
        Assert.NotNull(insider);
    }
}
