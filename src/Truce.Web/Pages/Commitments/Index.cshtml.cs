using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Truce.Core.Coalition;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;
using Truce.Storage.Coalition;
using Truce.Storage.Commitments;
using Truce.Web.Security;

namespace Truce.Web.Pages.Commitments;

public sealed class CommitmentsModel(PledgeReads reads, CoalitionDirectory directory) : PageModel
{
    public PledgeQuery Query { get; private set; } = new();

    public Page<PledgeView> Results { get; private set; } = new([], 0, null);

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public bool CanCreate => AllowedRoles.EditPledges.Allows(User.ToPrincipal());

    public async Task OnGetAsync(string? member, string? category, string? stage, string? condition, string? q, string? sort, string? cursor, CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        Members = await directory.MembersAsync(reader, ct);
        Query = PledgeQuery.Parse(member, category, stage, condition, q, sort, cursor, null, out var errors);
        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
            return;
        }

        var page = await reads.ListAsync(reader, Query, ct);
        if (!this.Refused(page))
        {
            Results = page.Value;
        }
    }

    public string ExportUrl(string format)
    {
        var query = Request.Query.Where(p => p.Key is not ("cursor" or "sort")).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["format"] = format;
        return QueryHelpers.AddQueryString("/api/v1/pledges/export", query);
    }

    public string NextPageUrl(string cursor)
    {
        var query = Request.Query.Where(p => p.Key != "cursor").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["cursor"] = cursor;
        return QueryHelpers.AddQueryString("/commitments", query);
    }
}
