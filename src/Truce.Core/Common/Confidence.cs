namespace Truce.Core.Common;

/// <summary>How far the sources agree on a fact: high when several independent reports agree,
/// low when a single or partisan report carries it.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
