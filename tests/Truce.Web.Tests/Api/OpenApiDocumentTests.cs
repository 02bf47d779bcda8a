using Truce.Testing;

namespace Truce.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is committed (docs/openapi/v1.json) so that every change to the API shows in
/// review. This test fails when the served document differs, and writes the new one for the author to commit.
/// </summary>
public sealed class OpenApiDocumentTests(TruceApp app) : IClassFixture<TruceApp>
{
    [Fact]
    public async Task The_committed_OpenAPI_document_matches_the_API()
    {
        var served = (await app.Api("viewer").GetStringAsync("/openapi/v1.json")).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : null;

        if (committed != served)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(committed == served, $"The API changed: {path} was rewritten from the running server; review the difference and commit it.");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Truce.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Cannot find Truce.slnx above the test folder.");
    }
}
