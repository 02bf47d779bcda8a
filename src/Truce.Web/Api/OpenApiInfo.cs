using Microsoft.AspNetCore.OpenApi;

namespace Truce.Web.Api;

/// <summary>Names the API in its OpenAPI document.</summary>
internal sealed class OpenApiInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Truce API";
        document.Info.Description = "The common operating picture of a coalition that secures a ceasefire. Errors are RFC 9457 problem details naming each bad field.";
        document.Info.Version = "v1";
        document.Servers = [];
        return Task.CompletedTask;
    }
}
