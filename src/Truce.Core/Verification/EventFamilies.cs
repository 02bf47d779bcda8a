using Truce.Core.Monitoring;

namespace Truce.Core.Verification;

/// <summary>
/// Event types that reporters confuse with one another: what one observer calls artillery another calls an
/// explosion or rocket fire; a drone strike, an air strike and a missile are told apart from afar by sound alone.
/// Two reports whose types are in different families are not one event.
/// </summary>
public static class EventFamilies
{
    /// <summary>The family a type belongs to; a type no one confuses is a family of its own.</summary>
    public static int Of(EventType type) => type switch
    {
        EventType.Artillery or EventType.Explosion or EventType.Mlrs => 1,
        EventType.DroneStrike or EventType.AirStrike or EventType.Missile => 2,
        EventType.SmallArms or EventType.GroundAssault => 3,
        _ => 100 + (int)type,
    };

    /// <summary>The other types of the family of <paramref name="type"/>: what it may be mislabelled as.</summary>
    public static IReadOnlyList<EventType> NeighboursOf(EventType type) => type switch
    {
        EventType.Artillery => [EventType.Explosion, EventType.Mlrs],
        EventType.Explosion => [EventType.Artillery, EventType.Mlrs],
        EventType.Mlrs => [EventType.Artillery, EventType.Explosion],
        EventType.DroneStrike => [EventType.AirStrike, EventType.Missile],
        EventType.AirStrike => [EventType.DroneStrike, EventType.Missile],
        EventType.Missile => [EventType.DroneStrike, EventType.AirStrike],
        EventType.SmallArms => [EventType.GroundAssault],
        EventType.GroundAssault => [EventType.SmallArms],
        _ => [],
    };
}
