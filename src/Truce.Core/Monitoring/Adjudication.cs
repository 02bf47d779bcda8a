using System.Globalization;
using Truce.Core.Agreements;
using Truce.Core.Geography;

namespace Truce.Core.Monitoring;

public enum Verdict
{
    Violation,
    NotAViolation,
    Undetermined,
}

/// <summary>A provision's judgment of one observation, with the reason in words a monitor would sign.</summary>
public sealed record Finding(string Agreement, int Provision, Verdict Verdict, string Reason);

/// <summary>What the geography says about one zone of a provision for one observation's footprint.</summary>
public sealed record ZoneFact(string? Actor, string? WeaponClass, double? DistanceKm, string? Layer, DateOnly? AsOf, ZoneRelation Relation);

/// <summary>
/// Judges an observation against every provision of the agreements in force at its time: a violation, not a
/// violation, or undetermined — and why, naming the provision, the zone, its baseline and the dates. The
/// geometry (is the footprint inside a zone?) is decided by the geography and handed in as
/// <see cref="ZoneFact"/>s; the judgment and its words are here, one rule per kind of provision.
/// </summary>
public static class Adjudication
{
    private static readonly HashSet<EventType> Hostilities =
    [
        EventType.Explosion, EventType.Artillery, EventType.Mlrs, EventType.Missile, EventType.DroneStrike,
        EventType.AirStrike, EventType.SmallArms, EventType.GroundAssault,
    ];

    private static readonly HashSet<EventType> Strikes =
    [
        EventType.Explosion, EventType.Artillery, EventType.Mlrs, EventType.Missile, EventType.DroneStrike, EventType.AirStrike,
    ];

    /// <param name="where">The place in words for the reasons ("Odesa oblast"), or null.</param>
    /// <param name="lineDistanceKm">The distance to the line of contact in force, for the reasons, or null.</param>
    /// <param name="zones">The zone facts of one provision of one agreement.</param>
    public static IReadOnlyList<Finding> Judge(Observation o, IEnumerable<Agreement> inForce, Func<Agreement, Provision, IReadOnlyList<ZoneFact>> zones, string? where = null, double? lineDistanceKm = null)
    {
        var findings = new List<Finding>();
        foreach (var agreement in inForce)
        {
            foreach (var provision in agreement.Provisions.OrderBy(p => p.Number))
            {
                var (verdict, reason) = !WholeWindowInForce(o, agreement)
                    ? (Verdict.Undetermined, $"The observation's window ({Window(o)}) is not wholly within the time {agreement.Title} was in force (from {Instant(agreement.EffectiveFrom)}).")
                    : provision.Kind switch
                    {
                        ProvisionKind.Cessation => Cessation(o, agreement, provision, where),
                        ProvisionKind.StrikeMoratorium => Moratorium(o, agreement, provision, where),
                        ProvisionKind.WeaponWithdrawal => Withdrawal(o, agreement, provision, zones(agreement, provision), lineDistanceKm),
                        ProvisionKind.DisengagementArea => Disengagement(o, provision, zones(agreement, provision)),
                        _ => Movement(o, provision),
                    };
                findings.Add(new Finding(agreement.Key, provision.Number, verdict, reason));
            }
        }

        return findings;
    }

    private static bool WholeWindowInForce(Observation o, Agreement a) => a.IsInForceAt(o.ObservedFrom) && a.IsInForceAt(o.ObservedTo);

    private static (Verdict, string) Cessation(Observation o, Agreement a, Provision p, string? where)
    {
        if (!Hostilities.Contains(o.Type))
        {
            return (Verdict.NotAViolation, $"{Label(o.Type)} is not an act of hostilities.");
        }

        var domain = o.Type is EventType.AirStrike or EventType.DroneStrike or EventType.Missile ? Domain.Air : Domain.Land;
        if (p.Domains.Count > 0 && !p.Domains.Contains(domain))
        {
            return (Verdict.NotAViolation, $"{Label(o.Type)} is in the {Labels(domain)}; the cessation covers {string.Join(" and ", p.Domains.Select(Labels))} only.");
        }

        return (Verdict.Violation, $"{Label(o.Type)}{At(where)} on {Day(o.ObservedFrom)}, during the ceasefire of {a.Title} in force since {Day(a.EffectiveFrom!.Value)}.");
    }

    private static (Verdict, string) Moratorium(Observation o, Agreement a, Provision p, string? where)
    {
        if (!Strikes.Contains(o.Type))
        {
            return (Verdict.NotAViolation, $"{Label(o.Type)} is not a strike.");
        }

        if (o.Target is null)
        {
            return (Verdict.Undetermined, $"{Label(o.Type)}{At(where)} on {Day(o.ObservedFrom)}, but its target is not identified; the moratorium protects {string.Join(", ", p.TargetClasses.Select(Words))}.");
        }

        return p.TargetClasses.Contains(o.Target)
            ? (Verdict.Violation, $"Strike on {Words(o.Target)}{At(where)} on {Day(o.ObservedFrom)}, during the moratorium in force since {Day(a.EffectiveFrom!.Value)}.")
            : (Verdict.NotAViolation, $"The target, {Words(o.Target)}, is not one the moratorium protects ({string.Join(", ", p.TargetClasses.Select(Words))}).");
    }

    private static (Verdict, string) Withdrawal(Observation o, Agreement a, Provision p, IReadOnlyList<ZoneFact> zones, double? lineDistanceKm)
    {
        if (o.Weapon is null)
        {
            return o.Type is EventType.WeaponSighting or EventType.Artillery or EventType.Mlrs
                ? (Verdict.Undetermined, "The weapon is not identified, so no withdrawal rule can be applied.")
                : (Verdict.NotAViolation, $"{Label(o.Type)} names no weapon a withdrawal rule covers.");
        }

        var weaponClass = WeaponClasses.Of(o.Weapon, o.CalibreMm);
        if (weaponClass.Class is null)
        {
            return weaponClass.Reason is { } why ? (Verdict.Undetermined, why) : (Verdict.NotAViolation, $"{Weapon(o)} is not a weapon class the withdrawal covers.");
        }

        var ofClass = zones.Where(z => z.WeaponClass == weaponClass.Class).ToList();
        if (ofClass.Count == 0)
        {
            return (Verdict.NotAViolation, $"{Weapon(o)} is not a weapon class {p.Reference ?? "this provision"} covers.");
        }

        var seen = lineDistanceKm is { } km ? $" seen {km.ToString("0.#", CultureInfo.InvariantCulture)} km from the line of contact" : " seen";
        if (ofClass.Find(z => z.Relation == ZoneRelation.Inside) is { } inside)
        {
            var zone = ZoneWords(a, p, inside);
            if (p.CompleteWithinDays is { } days && a.EffectiveFrom is { } start && o.ObservedTo < start.AddDays(days))
            {
                return (Verdict.NotAViolation, $"{Weapon(o)}{seen}, inside {zone}, but the withdrawal had until {Day(start.AddDays(days))} to be complete.");
            }

            return (Verdict.Violation, $"{Weapon(o)}{seen}, inside {zone}.");
        }

        if (ofClass.Find(z => z.Relation == ZoneRelation.Straddles) is { } across)
        {
            return (Verdict.Undetermined, $"{Weapon(o)}{seen}: the area it may have been in crosses the border of {ZoneWords(a, p, across)}.");
        }

        return (Verdict.NotAViolation, $"{Weapon(o)}{seen}, outside every zone of {p.Reference ?? "the provision"} for it.");
    }

    private static (Verdict, string) Disengagement(Observation o, Provision p, IReadOnlyList<ZoneFact> zones)
    {
        if (!Hostilities.Contains(o.Type) && o.Type != EventType.WeaponSighting)
        {
            return (Verdict.NotAViolation, $"{Label(o.Type)} is not military presence.");
        }

        var area = $"the disengagement area{(p.AreaText is null ? string.Empty : " " + p.AreaText)}";
        return zones.Any(z => z.Relation == ZoneRelation.Inside) ? (Verdict.Violation, $"{Label(o.Type)} inside {area}.")
            : zones.Any(z => z.Relation == ZoneRelation.Straddles) ? (Verdict.Undetermined, $"{Label(o.Type)}: the area it may have been in crosses the border of {area}.")
            : (Verdict.NotAViolation, $"{Label(o.Type)} outside {area}.");
    }

    private static (Verdict, string) Movement(Observation o, Provision p) =>
        o.Type == EventType.RestrictionOfMovement
            ? (Verdict.Violation, $"The monitors' movement was restricted on {Day(o.ObservedFrom)}.")
            : (Verdict.NotAViolation, $"{Label(o.Type)} does not restrict the monitors' movement.");

    private static string ZoneWords(Agreement a, Provision p, ZoneFact z) =>
        $"the {z.DistanceKm?.ToString("0.#", CultureInfo.InvariantCulture)} km zone of {a.Title}{(p.Reference is null ? string.Empty : $", {p.Reference}")} ({z.Actor}; baseline: the {z.Layer?.Replace('-', ' ')} as of {z.AsOf?.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})";

    private static string Weapon(Observation o) => Capital($"{(o.CalibreMm is { } mm ? $"{mm} mm " : string.Empty)}{Words(o.Weapon!)}");

    private static string Label(EventType type) => Capital(Words(Common.Kebab.Of(type)));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Labels(Domain domain) => domain switch
    {
        Domain.Air => "air",
        Domain.Sea => "sea",
        _ => "land",
    };

    private static string Words(string kebab) => kebab.Replace('-', ' ');

    private static string At(string? where) => where is null ? string.Empty : $" in {where}";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    private static string Window(Observation o) => $"{Instant(o.ObservedFrom)} to {Instant(o.ObservedTo)}";
}
