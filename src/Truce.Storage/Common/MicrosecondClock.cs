namespace Truce.Storage.Common;

/// <summary>
/// Truce's clock: the system's, to the microsecond, the finest instant both stores keep (PostgreSQL's
/// timestamps hold microseconds, .NET's ticks are tenths of them). An instant read back is then the instant
/// written, and so are the hashes and stored views made from it before the save.
/// </summary>
public sealed class MicrosecondClock(TimeProvider inner) : TimeProvider
{
    public static new readonly MicrosecondClock System = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => inner.CreateTimer(callback, state, dueTime, period);
}
