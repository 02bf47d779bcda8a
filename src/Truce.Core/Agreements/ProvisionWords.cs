using System.Globalization;
using Truce.Core.Common;

namespace Truce.Core.Agreements;

/// <summary>
/// A provision in plain words, written from its data (never stored beside it, so the words cannot say one
/// thing and the data another): "Ukraine keeps artillery of 100 mm and more at least 25 km back from the line
/// of contact as of 15 Feb 2015".
/// </summary>
public static class ProvisionWords
{
    /// <param name="nameOf">An actor's name from its code; the code itself when unknown.</param>
    public static IReadOnlyList<string> Of(Provision p, Func<string, string> nameOf)
    {
        switch (p.Kind)
        {
            case ProvisionKind.Cessation:
                // Distinct: a domain listed twice must not make three and so read as all of them.
                var listed = p.Domains.Distinct().ToList();
                var domains = listed.Count is 0 or 3 ? "on land, at sea and in the air" : Join(listed.Select(d => d switch
                {
                    Domain.Land => "on land",
                    Domain.Sea => "at sea",
                    _ => "in the air",
                }));
                return [$"All hostilities cease {domains}{Where(p)}."];
            case ProvisionKind.StrikeMoratorium:
                var targets = p.TargetClasses.Count == 0 ? "any target" : Join(p.TargetClasses.Select(t => t.Replace('-', ' ')));
                return [$"No strikes on {targets}{Where(p)}."];
            case ProvisionKind.WeaponWithdrawal:
                return WithdrawalWords(p, nameOf);
            case ProvisionKind.DisengagementArea:
                return [$"No military presence of any party in the disengagement area{(p.AreaText is null ? string.Empty : " " + p.AreaText)}{(p.Area is null ? " (no area drawn yet)" : string.Empty)}."];
            default:
                var monitors = p.MonitorCode is null ? "The monitors" : nameOf(p.MonitorCode);
                return [$"{monitors} may move freely and unhindered{Where(p)}, without prior notice."];
        }
    }

    private static List<string> WithdrawalWords(Provision p, Func<string, string> nameOf)
    {
        var words = new List<string>();
        var parties = p.Baselines.Select(b => b.ActorCode).Concat(p.Withdrawals.Select(w => w.ActorCode).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var party in parties)
        {
            var baseline = p.Baselines.Find(b => b.ActorCode == party);
            var from = baseline is null ? "the line of contact" : $"the {baseline.LayerKey.Replace('-', ' ')} as of {baseline.AsOf.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
            foreach (var rule in p.Withdrawals.Where(w => w.ActorCode is null || w.ActorCode == party))
            {
                words.Add($"{nameOf(party)} keeps {rule.Description} at least {Km(rule.DistanceKm)} back from {from}.");
            }
        }

        if (p.CompleteWithinDays is { } days)
        {
            words.Add($"The withdrawal is complete within {days} days of the agreement taking effect.");
        }

        return words;
    }

    public static string Km(double km) => km.ToString("0.#", CultureInfo.InvariantCulture) + " km";

    private static string Where(Provision p) => p.AreaText is null ? string.Empty : " " + p.AreaText;

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
