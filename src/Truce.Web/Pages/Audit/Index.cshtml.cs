using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Truce.Core.Security;
using Truce.Storage.Security;
using Truce.Web.Security;

namespace Truce.Web.Pages.Audit;

/// <summary>The audit trail for admins: the chain's state, then entries newest first, filterable.</summary>
[Authorize(Policy = SecuritySetup.Admin)]
public sealed class AuditModel(AuditTrail audit) : PageModel
{
    public const int PageSize = 100;

    public AuditVerification Verification { get; private set; } = new(0, null, null);

    public IReadOnlyList<AuditEntryView> Entries { get; private set; } = [];

    public string? Action { get; private set; }

    public string? Actor { get; private set; }

    public string? Target { get; private set; }

    public async Task OnGetAsync(string? action, string? actor, string? target, long? before, CancellationToken ct)
    {
        (Action, Actor, Target) = (action, actor, target);
        var reader = User.ToPrincipal();
        var verification = await audit.VerifyAsync(reader, ct: ct);
        var entries = await audit.ListAsync(reader, new AuditQuery(action, actor, target, before, PageSize), ct);
        if (!this.Refused(verification) && !this.Refused(entries))
        {
            (Verification, Entries) = (verification.Value, entries.Value);
        }
    }

    public string OlderUrl() => QueryHelpers.AddQueryString("/audit", new Dictionary<string, string?>
    {
        ["action"] = Action,
        ["actor"] = Actor,
        ["target"] = Target,
        ["before"] = Entries[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));
}
