using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Coalition;
using Truce.Storage.Coalition;
using Truce.Web.Security;

namespace Truce.Web.Pages.Coalition;

public sealed class CoalitionModel(CoalitionDirectory directory) : PageModel
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public IReadOnlyList<ActorView> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        Members = await directory.MembersAsync(reader, ct);
        Meetings = await directory.MeetingsAsync(reader, ct);
        Actors = await directory.ActorsAsync(reader, null, null, ct);
    }
}
