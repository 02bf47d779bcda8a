using System.Globalization;

namespace Truce.Core.Common;

/// <summary>
/// The version a writer last read, for optimistic concurrency: from HTTP's <c>If-Match</c> (one or more
/// ETags, or <c>*</c> for whatever is there now) or a form's hidden field. A write goes ahead only if the
/// record is still at one of these versions.
/// </summary>
public sealed record ExpectedVersion
{
    private ExpectedVersion(IReadOnlyList<int>? versions) => Versions = versions;

    /// <summary><c>If-Match: *</c>: the writer accepts overwriting whatever version is current.</summary>
    public static readonly ExpectedVersion Any = new((IReadOnlyList<int>?)null);

    /// <summary>The versions that match; null for <see cref="Any"/>.</summary>
    public IReadOnlyList<int>? Versions { get; }

    public static ExpectedVersion Of(int version) => new([version]);

    public static ExpectedVersion OneOf(IEnumerable<int> versions) => new(versions.Distinct().Order().ToList());

    public bool Matches(int current) => Versions is null || Versions.Contains(current);

    /// <summary>The refusal a stale writer gets: what is current, what they had, and what to do.</summary>
    public string StaleMessage(string record, int current) =>
        $"The {record} is at version {current.ToString(CultureInfo.InvariantCulture)}, not {string.Join(" or ", Versions ?? [])}: someone changed it since you read it. Read it again and reapply your change.";
}
