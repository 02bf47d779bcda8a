using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Coalition;
using Truce.Storage.Coalition;

namespace Truce.Web.Pages.Coalition;

public sealed class CoalitionModel(CoalitionDirectory directory) : PageModel
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public IReadOnlyList<ActorView> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Members = await directory.MembersAsync(ct);
        Meetings = await directory.MeetingsAsync(ct);
        Actors = await directory.ActorsAsync(null, null, ct);
    }
}
