using System.Security.Cryptography;
using System.Text;

namespace Truce.Core.Security;

/// <summary>Locking an account after repeated failed sign-ins, so a password cannot be guessed online.</summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
