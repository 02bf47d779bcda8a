using System.Globalization;
using Truce.Core.Common;

namespace Truce.Core.Planning;

/// <summary>
/// How long a plan may take and how much one request may ask for, so that no caller holds both cores for
/// long: the one place these limits are written, for the API, the page and the CLI.
/// </summary>
public static class PlanLimits
{
    public const double MinSeconds = 0.1;
    public const double MaxSeconds = 30;

    /// <summary>The solver's time when the caller gives none.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(2);

    /// <summary>How many scenarios one comparison may plan.</summary>
    public const int MaxCompared = 5;

    /// <summary>What all the plans of one comparison may take together.</summary>
    public static readonly TimeSpan ComparisonBudget = TimeSpan.FromSeconds(MaxSeconds);

    /// <summary>The date plans are decided on when a scenario gives none; readiness counts from it.</summary>
    public static readonly DateOnly DefaultPlanDate = new(2025, 4, 1);

    /// <summary>Reads a time limit in seconds, naming <paramref name="field"/> when it is out of range.</summary>
    public static TimeSpan TimeLimit(double? seconds, ValidationErrors errors, string field = "timeLimitSeconds")
    {
        if (seconds is not { } s)
        {
            return Default;
        }

        if (double.IsNaN(s) || s < MinSeconds || s > MaxSeconds)
        {
            errors.Add(field, $"Between {MinSeconds.ToString(CultureInfo.InvariantCulture)} and {MaxSeconds.ToString(CultureInfo.InvariantCulture)} seconds; got {s.ToString(CultureInfo.InvariantCulture)}.");
            return Default;
        }

        return TimeSpan.FromSeconds(s);
    }

    /// <summary>Each plan's share of a comparison: the caller's limit, or less when the scenarios would overrun the budget.</summary>
    public static TimeSpan PerScenario(TimeSpan limit, int scenarios) =>
        TimeSpan.FromTicks(Math.Min(limit.Ticks, ComparisonBudget.Ticks / Math.Max(1, scenarios)));
}
