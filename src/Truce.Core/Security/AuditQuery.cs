namespace Truce.Core.Security;

/// <summary>Which audit entries to list, newest first: by action prefix, actor or target, before a sequence number.</summary>
public sealed record AuditQuery(string? Action = null, string? Actor = null, string? Target = null, long? Before = null, int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
