using System.Globalization;
using Microsoft.Net.Http.Headers;
using Truce.Core.Common;

namespace Truce.Web.Api;

/// <summary>
/// The one reading of <c>If-Match</c> for every conditional write (RFC 9110 §13.1.1): <c>*</c>, or one or
/// more strong or weak ETags, each a record's version in quotes (<c>"3"</c>, <c>W/"3"</c>). A missing header
/// is a refusal (428); one that cannot be read is a 400 naming the header.
/// </summary>
public static class IfMatch
{
    public const string Header = "If-Match";

    /// <summary>The ETag of a record at <paramref name="version"/>.</summary>
    public static string ETag(int version) => new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    public static Outcome<ExpectedVersion> Read(HttpRequest request, string record)
    {
        var text = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.PreconditionRequired($"Send {Header} with the ETag of the {record} as you read it, e.g. {Header}: \"3\", or * to overwrite whatever is there.");
        }

        if (text.Trim() == "*")
        {
            return Outcome.Done(ExpectedVersion.Any);
        }

        var versions = new List<int>();
        foreach (var tag in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var quoted = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (quoted.Length < 3 || quoted[0] != '"' || quoted[^1] != '"' || !int.TryParse(quoted[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return Outcome.Invalid(Header, $"Expected * or ETags such as \"3\" (the version as read, in quotes); got {text}.");
            }

            versions.Add(version);
        }

        return Outcome.Done(ExpectedVersion.OneOf(versions));
    }
}
