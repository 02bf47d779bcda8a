using System.Globalization;

namespace Truce.Core.Common;

/// <summary>
/// The range of every number Truce keeps, written once and checked by Core's rules for every surface (API,
/// pages, CLI, demo data). The ranges are wide enough for any real pledge or requirement and narrow enough
/// that no sum, product or date computed from them can overflow: a sum of ninety million quantities at the
/// maximum still fits a 64-bit integer, and a date within the range plus the longest readiness stays a date.
/// </summary>
public static class DomainLimits
{
    /// <summary>A quantity of anything — troops, ships, aircraft, rounds — or a member's cap: at most 100 million.</summary>
    public const long MaxQuantity = 100_000_000;

    /// <summary>
    /// An amount of money in a currency's major units: at most a quadrillion, enough for any state budget in
    /// any currency (the whole of the yen's or won's), and a hundred quadrillion in minor units still fits a
    /// 64-bit integer.
    /// </summary>
    public const decimal MaxMoney = 1_000_000_000_000_000m;

    /// <summary>The earliest date a pledge, a requirement's window or a plan may name.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest: far enough for any mission's horizon, near enough that adding days stays a date.</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>Names <paramref name="field"/> when <paramref name="value"/> is not between 1 and <see cref="MaxQuantity"/>.</summary>
    public static bool CheckQuantity(long value, ValidationErrors errors, string field, string what = "A whole number")
    {
        if (value is >= 1 and <= MaxQuantity)
        {
            return true;
        }

        errors.Add(field, $"{what} from 1 to {MaxQuantity.ToString("N0", CultureInfo.InvariantCulture)}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        return false;
    }

    /// <summary>Names <paramref name="field"/> when <paramref name="amount"/> is not above zero and at most <see cref="MaxMoney"/>.</summary>
    public static bool CheckMoney(decimal amount, ValidationErrors errors, string field)
    {
        if (amount > 0 && amount <= MaxMoney)
        {
            return true;
        }

        errors.Add(field, $"Above zero and at most {MaxMoney.ToString("N0", CultureInfo.InvariantCulture)}; got {amount.ToString(CultureInfo.InvariantCulture)}.");
        return false;
    }

    /// <summary>Names <paramref name="field"/> when <paramref name="date"/> is outside <see cref="EarliestDate"/>–<see cref="LatestDate"/>.</summary>
    public static bool CheckDate(DateOnly date, ValidationErrors errors, string field)
    {
        if (date >= EarliestDate && date <= LatestDate)
        {
            return true;
        }

        errors.Add(field, $"A date from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}; got {date:yyyy-MM-dd}.");
        return false;
    }

    /// <summary>A date as <c>yyyy-MM-dd</c> within Truce's range; <paramref name="blank"/> when none is given.</summary>
    public static DateOnly? ReadDate(string? text, DateOnly blank, ValidationErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return blank;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return DomainLimits.CheckDate(date, errors, field) ? date : null;
        }

        errors.Add(field, $"Expected a date such as 2025-03-20 (year-month-day); got '{(trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…")}'.");
        return null;
    }

    /// <summary>A sum that cannot overflow, for aggregates over stored rows whatever they hold: saturates at the largest long.</summary>
    public static long Saturated(double sum) => sum >= long.MaxValue ? long.MaxValue : sum <= long.MinValue ? long.MinValue : (long)Math.Round(sum);
}
