using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Candidates;
using Truce.Core.Common;
using Truce.Storage.Candidates;
using Truce.Web.Security;

namespace Truce.Web.Pages.Sources;

/// <summary>Statements across the documents the reader may see, filterable by actor, issue and date; each links to its place in its document.</summary>
public sealed class StatementsModel(StatementList list, Storage.Positions.PositionBook positions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<StatementLine> Statements { get; private set; } = [];

    public IReadOnlyList<(string Code, string Title)> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        Issues = [.. (await positions.ReadAsync(reader, ct)).Issues.Select(i => (i.Code, i.Title))];
        var errors = new ValidationErrors();
        var query = StatementFilter.Read(Actor, Issue, From, To, null, errors);
        if (!errors.IsEmpty)
        {
            this.Invalid(errors);
            return;
        }

        Statements = await list.ListAsync(reader, query!, ct);
    }
}
