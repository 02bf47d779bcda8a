using Truce.Core.Coalition;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// The one check of a marking a writer gives a record: well formed (<see cref="MarkingRules"/>), every REL TO
/// member a real coalition member, and the writer still able to read what they wrote.
/// </summary>
public static class MarkingChecks
{
    /// <param name="owner">The member a NATIONAL record belongs to (a pledge's member, a writer's own).</param>
    /// <returns>The marking, or null when it is wrong (named under <c>marking.level</c> or <c>marking.relTo</c>).</returns>
    public static async Task<Marking?> ReadAsync(TruceDb db, MarkingInput? input, string owner, Principal writer, ValidationErrors errors, CancellationToken ct)
    {
        var before = errors.Count;
        var marking = MarkingRules.Read(input, owner, errors);
        if (marking is null)
        {
            return null;
        }

        await CheckAsync(db, marking, writer, errors, ct);
        return errors.Count == before ? marking : null;
    }

    /// <summary>Checks a marking already read: its REL TO members exist, and the writer may read it.</summary>
    public static async Task CheckAsync(TruceDb db, Marking marking, Principal writer, ValidationErrors errors, CancellationToken ct)
    {
        var before = errors.Count;
        foreach (var member in marking.RelTo)
        {
            if (!await IsMemberAsync(db, member, ct))
            {
                errors.Add("marking.relTo", $"'{member}' is not a coalition member.");
            }
        }

        if (errors.Count == before && !writer.MaySee(marking))
        {
            errors.Add("marking.level", $"You would not be able to read a record marked {marking} yourself; include your member ({writer.MemberCode ?? "none"}) or choose a wider marking.");
        }
    }

    /// <summary>
    /// Whether <paramref name="code"/> names a coalition member, whatever the member's own marking: a REL TO
    /// list or an account may name a member its writer cannot see.
    /// </summary>
    public static Task<bool> IsMemberAsync(TruceDb db, string code, CancellationToken ct) =>
        db.ExistsUnfilteredAsync<CoalitionMember>(m => m.ActorCode == code, "a marking or an account names a member", ct);
}
