using Truce.Core.Common;
using Truce.Core.Sources;

namespace Truce.Core.Tests.Sources;

/// <summary>Taking a document in: the plain-text header, the body kept exactly, its hash, and each fault named.</summary>
public sealed class DocumentRulesTests
{
    [Fact]
    public void A_header_fills_title_outlet_date_and_url_and_the_body_is_kept_as_given()
    {
        var errors = new ValidationErrors();
        var document = DocumentRules.Read(new DocumentInput { Text = "TITLE: Leaders meet\r\nOUTLET: Example Wire\r\nDATE: 2025-03-16\r\nURL: https://example.org/a\r\n\r\n“We agreed,” he said.\r\n\r\nSecond paragraph.\r\n" }, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(("Leaders meet", "Example Wire", new DateOnly(2025, 3, 16), "https://example.org/a"), (document!.Title, document.Outlet, document.Date, document.Url));
        Assert.Equal("“We agreed,” he said.\n\nSecond paragraph.", document.Body);
        Assert.Equal(SourceDocument.HashOf("“We agreed,” he said.\n\nSecond paragraph."), document.BodyHash);
    }

    [Fact]
    public void The_same_body_has_the_same_hash_whatever_the_header_or_line_ends_say()
    {
        var errors = new ValidationErrors();
        var first = DocumentRules.Read(new DocumentInput { Text = "TITLE: One\nDATE: 2025-03-16\n\nSame words.\nAnd more.", }, errors);
        var second = DocumentRules.Read(new DocumentInput { Title = "Another title", Date = "2025-03-17", Text = "Same words.\r\nAnd more.\r\n" }, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(first!.BodyHash, second!.BodyHash);
    }

    [Fact]
    public void What_the_input_gives_wins_over_the_header()
    {
        var errors = new ValidationErrors();
        var document = DocumentRules.Read(new DocumentInput { Title = "Given", Text = "TITLE: In the file\nDATE: 2025-03-16\n\nBody." }, errors);

        Assert.Equal("Given", document!.Title);
    }

    [Theory]
    [InlineData("TITLE: T\nDATE: 16 March\n\nBody.", "date")]
    [InlineData("TITLE: T\nDATE: 1999-12-31\n\nBody.", "date")]
    [InlineData("TITLE: T\nURL: ftp://example.org\nDATE: 2025-03-16\n\nBody.", "url")]
    [InlineData("TITLE: T\nAUTHOR: Someone\nDATE: 2025-03-16\n\nBody.", "text")]
    [InlineData("TITLE: T\nTITLE: U\nDATE: 2025-03-16\n\nBody.", "text")]
    [InlineData("TITLE: T\nDATE: 2025-03-16\n\n", "text")]
    [InlineData("DATE: 2025-03-16\n\nBody.", "title")]
    [InlineData("TITLE: T\n\nBody.", "date")]
    public void A_fault_is_named_by_its_field(string text, string field)
    {
        var errors = new ValidationErrors();

        Assert.Null(DocumentRules.Read(new DocumentInput { Text = text }, errors));
        Assert.Contains(field, errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_bad_header_line_is_named_by_its_line()
    {
        var errors = new ValidationErrors();

        DocumentRules.Read(new DocumentInput { Text = "TITLE: T\nDATE: 2025-03-16\nBy our correspondent\n\nBody." }, errors);

        Assert.Contains("Line 3", errors.ToDictionary()["text"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_header_is_all_body()
    {
        var errors = new ValidationErrors();
        var document = DocumentRules.Read(new DocumentInput { Title = "T", Date = "2025-03-16", Text = "Starmer said: it is time.\n\nMore." }, errors);

        Assert.Equal("Starmer said: it is time.\n\nMore.", document!.Body);
    }

    private const string Page = """
        <!doctype html><html><head><title>Leaders meet | Example Wire</title>
        <meta property="og:title" content="Leaders meet in Paris">
        <meta property="og:site_name" content="Example Wire">
        <meta property="article:published_time" content="2025-03-16T18:02:00Z">
        <link rel="canonical" href="https://example.org/leaders-meet">
        <script>var tracking = "“not a quote,” said nobody";</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Leaders meet in Paris</h1>
        <p>British Prime Minister Keir Starmer said the coalition would keep
           the pressure on Russia &amp; its economy.</p>
        <blockquote><p>&ldquo;We are ready,&rdquo; Macron said.</p></blockquote>
        <aside>Read more: other stories</aside></article>
        <footer>© Example Wire</footer></body></html>
        """;

    [Fact]
    public void A_web_page_becomes_its_articles_paragraphs_with_title_outlet_date_and_address_from_its_head()
    {
        var errors = new ValidationErrors();
        var document = DocumentRules.Read(new DocumentInput { Text = Page, Format = "html" }, errors);

        Assert.True(errors.IsEmpty, errors.ToString());
        Assert.Equal(("Leaders meet in Paris", "Example Wire", new DateOnly(2025, 3, 16), "https://example.org/leaders-meet"), (document!.Title, document.Outlet, document.Date, document.Url));
        Assert.Equal("Leaders meet in Paris\n\nBritish Prime Minister Keir Starmer said the coalition would keep the pressure on Russia & its economy.\n\n“We are ready,” Macron said.", document.Body);
    }

    [Fact]
    public void Markdown_is_kept_as_written_with_its_first_heading_as_the_title()
    {
        var errors = new ValidationErrors();
        var document = DocumentRules.Read(new DocumentInput { Date = "2025-03-16", Text = "# Leaders meet\n\n“We are ready,” Macron said.", Format = "markdown" }, errors);

        Assert.Equal(("Leaders meet", "“We are ready,” Macron said."), (document!.Title, document.Body));
    }

    [Theory]
    [InlineData("article.html", "html")]
    [InlineData("ARTICLE.HTM", "html")]
    [InlineData("notes.md", "markdown")]
    [InlineData("wire.txt", "text")]
    [InlineData("wire", "text")]
    public void A_files_format_is_read_from_its_name(string name, string format) => Assert.Equal(format, DocumentInput.FormatOf(name));

    [Fact]
    public void An_unknown_format_is_named()
    {
        var errors = new ValidationErrors();

        Assert.Null(DocumentRules.Read(new DocumentInput { Title = "T", Date = "2025-03-16", Text = "Body.", Format = "pdf" }, errors));
        Assert.Contains("'pdf' is not a format", errors.ToDictionary()["format"][0], StringComparison.Ordinal);
    }
}
