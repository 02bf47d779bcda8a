using System.Globalization;

namespace Truce.Web.Startup;

/// <summary>Numeric settings read with their range, so a mistyped value stops the start with its name, not a surprise later.</summary>
public static class Settings
{
    public static long Ranged(IConfiguration configuration, string key, long fallback, long min, long max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new StartupException($"The setting {key} must be a whole number from {min:N0} to {max:N0}; got '{text}'.");
    }
}
