namespace Truce.Core.Commitments;

/// <summary>Converts between amounts as people write them and the whole minor units the ledger keeps.</summary>
public static class Money
{
    // ISO 4217 currencies without a minor unit that a coalition is likely to see.
    private static readonly HashSet<string> NoMinorUnit = new(StringComparer.Ordinal) { "JPY", "KRW", "ISK" };

    public static int MinorDigits(string currency) => NoMinorUnit.Contains(currency) ? 0 : 2;

    /// <summary>Whole minor units, or null when the amount has more precision than the currency allows.</summary>
    public static long? ToMinor(decimal amount, string currency)
    {
        var scaled = amount * Pow10(MinorDigits(currency));
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return null;
        }

        return (long)scaled;
    }

    public static decimal FromMinor(long minor, string currency) => minor / Pow10(MinorDigits(currency));

    private static decimal Pow10(int digits) => digits == 0 ? 1m : 100m;
}
