namespace Truce.Core.Commitments;

/// <summary>Converts between amounts as people write them and the whole minor units the ledger keeps.</summary>
public static class Money
{
    // ISO 4217 currencies without a minor unit that a coalition is likely to see.
    private static readonly HashSet<string> NoMinorUnit = new(StringComparer.Ordinal) { "JPY", "KRW", "ISK" };

    // The currencies of ISO 4217 (its list of 2025) that money is paid in: the X codes (gold, special
    // drawing rights, "no currency", "for testing") are left out, as they are not a pledge's currency.
    private static readonly HashSet<string> Currencies = new(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
        CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD
        HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
        MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
        PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY
        TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST YER ZAR ZMW ZWG
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="code"/> (upper case) is the ISO 4217 code of a currency money is paid in.</summary>
    public static bool IsCurrency(string code) => Currencies.Contains(code);

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
