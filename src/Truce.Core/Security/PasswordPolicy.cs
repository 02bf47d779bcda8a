using System.Security.Cryptography;

namespace Truce.Core.Security;

/// <summary>Rules a new password must meet: long enough to resist guessing, not one of the obvious ones.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    public static string? Check(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"A password needs at least {MinLength} characters.";
        }

        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "A password must not contain the user name.";
        }

        return password.Distinct().Count() < 5 ? "A password needs at least five different characters." : null;
    }
}
