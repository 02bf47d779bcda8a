namespace Truce.Core.Security;

/// <summary>An account to create: its name, role, the member a liaison speaks for, and its first password.</summary>
public sealed record NewUser(string UserName, Role Role, string? MemberCode, string Password, string? DisplayName = null);
