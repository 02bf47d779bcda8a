using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Storage.Positions;
using Truce.Web.Security;

namespace Truce.Web.Pages.Positions;

/// <summary>
/// The positions matrix at a date: parties × issues, each cell coloured by how the party stands against the issue's
/// zone of agreement, each row the zone or the conflict in words; a slider steps through the days positions were
/// stated. With an issue and a party, that party's timeline on the issue below.
/// </summary>
public sealed class IndexModel(PositionBook book, TimeProvider clock) : PageModel
{
    public PositionMatrix? Matrix { get; private set; }

    /// <summary>The slider's step for <see cref="PositionMatrix.At"/>: the last day a position was stated on or before it.</summary>
    public int Step { get; private set; }

    public string? DateError { get; private set; }

    public NegotiationIssue? TimelineIssue { get; private set; }

    public string? TimelineParty { get; private set; }

    public IReadOnlyList<PositionChange> Timeline { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? at, string? issue, string? party, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var read = await book.ReadAsync(User.ToPrincipal(), ct);
        Names = read.Names;

        // With no date asked for, the latest day anything was stated (or today, if earlier): the matrix as it stands.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var latest = read.Positions.Count == 0 ? today : read.Positions.Max(p => p.AsOf);
        var date = DomainLimits.ReadDate(at, latest < today ? latest : today, errors, "at");
        if (!errors.IsEmpty)
        {
            DateError = string.Join(" ", errors.ToDictionary()["at"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            date = latest < today ? latest : today;
        }

        Matrix = PositionMatrix.Of(read, date!.Value);
        Step = Math.Max(0, Matrix.Dates.Count(d => d <= Matrix.At) - 1);
        if (issue is not null && party is not null && read.Issues.FirstOrDefault(i => i.Code == issue) is { } found)
        {
            (TimelineIssue, TimelineParty) = (found, party);
            Timeline = PositionHistory.Timeline(read.Positions, found, party);
        }
    }

    public string Name(string party) => Names.TryGetValue(party, out var name) ? name : party;
}
