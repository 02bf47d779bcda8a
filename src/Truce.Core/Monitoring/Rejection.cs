namespace Truce.Core.Monitoring;

/// <summary>
/// A row that was not taken in: where it is (the line a file's row starts on, or its place in a batch, from 1),
/// the column or field as the sender named it, why, and the value seen.
/// </summary>
public sealed record Rejection(int Row, string Column, string Reason, string? Value);
