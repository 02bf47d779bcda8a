using System.Globalization;
using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// What of an account or a token the audit trail vouches for, as the text its entries hash (their after-hash):
/// an account's role, member, whether it is disabled and its password hash; a token's holder, scopes, expiry,
/// revocation and secret's hash. <c>truce audit verify</c> hashes each account and token as it is now and
/// compares it with its last audited change, so an edit of the database that gives someone a role, a
/// password or a longer-lived token is seen. Counters that change without an act (failed sign-ins, a lock,
/// a token's last use, a session's stamp) are left out.
/// </summary>
public static class AccountState
{
    public static string Of(User u) => JsonSerializer.Serialize(new object?[]
    {
        "user", u.UserName, Kebab.Of(u.Role), u.MemberCode, u.DisabledAtUtc is not null, u.PasswordHash,
    });

    public static string Of(ApiToken t, string userName) => JsonSerializer.Serialize(new object?[]
    {
        "token", t.Id.ToString(CultureInfo.InvariantCulture), userName, t.Scopes, t.ExpiresAtUtc?.Ticks, t.RevokedAtUtc?.Ticks, t.TokenHash,
    });
}
