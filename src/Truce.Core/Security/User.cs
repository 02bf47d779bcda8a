using Truce.Core.Common;
using System.Security.Cryptography;
using System.Text;

namespace Truce.Core.Security;

/// <summary>A local account. A liaison belongs to one member and speaks for it alone.</summary>
public sealed class User
{
    public int Id { get; set; }

    public required string UserName { get; set; }

    public string? DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public Role Role { get; set; }

    public string? MemberCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Failed sign-ins since the last success; reaching <see cref="SignInLockout.MaxFailures"/> locks the account.</summary>
    public int FailedSignIns { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>
    /// Changes whenever the account's sessions must end (sign-out, a new password, a new role or member,
    /// disabling, "sign out everywhere"); every session carries the stamp it was made with and is refused once
    /// it differs.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    /// <summary>When an admin disabled the account: it cannot sign in, its sessions end and its tokens stop working.</summary>
    public DateTime? DisabledAtUtc { get; set; }

    public bool IsDisabled => DisabledAtUtc is not null;

    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public Principal ToPrincipal() => new(UserName, Role, MemberCode);

    public UserView ToView() => new(UserName, DisplayName, Kebab.Of(Role), MemberCode);
}
