
namespace Truce.Core.Common;

/// <summary>One page of results, the total that matched, and the cursor of the next page if there is one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);
