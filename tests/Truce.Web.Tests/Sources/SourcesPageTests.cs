using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Truce.Testing;

namespace Truce.Web.Tests.Sources;

/// <summary>An analyst uploads a web page on the sources page: it is read as HTML, its head fills the title, and its statements are found.</summary>
public sealed class SourcesPageTests(TruceApp app) : IClassFixture<TruceApp>
{
    private const string Page = """
        <html><head><title>Leaders meet | Example Wire</title><meta property="og:site_name" content="Example Wire">
        <meta property="article:published_time" content="2025-03-16T18:02:00Z"></head>
        <body><nav>Home</nav><article><p>&ldquo;We will keep increasing the pressure on Russia,&rdquo; Starmer told reporters.</p></article></body></html>
        """;

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string fileName, string content)
    {
        var form = await client.GetStringAsync("/sources");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(TruceApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("text/html") } }, "file", fileName },
        };
        return await client.PostAsync("/sources", body);
    }

    [Fact]
    public async Task An_uploaded_web_page_becomes_a_document_with_its_statements()
    {
        var client = await app.SignedIn("analyst");

        var response = await Upload(client, "leaders-meet.html", Page);
        var document = await client.GetStringAsync(response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Leaders meet | Example Wire", document, StringComparison.Ordinal);
        Assert.Contains("data-actor=\"keir-starmer\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain(">Home<", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_date_is_refused_with_the_field_named()
    {
        var client = await app.SignedIn("analyst");

        var response = await Upload(client, "undated.html", "<html><head><title>Undated</title></head><body><p>Body.</p></body></html>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("date: Required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
