using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Truce.Core.Candidates;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Positions;
using Truce.Core.Security;
using Truce.Storage.Candidates;
using Truce.Web.Security;

namespace Truce.Web.Pages.Sources;

/// <summary>
/// The analysts' queue: each candidate with its statement highlighted in context, what it proposes and why; analysts
/// and admins accept it (a position's fields, a new pledge's, or nothing more for a source) or dismiss it with a
/// reason, at the version they read. Decided candidates show who decided, when, and what was made.
/// </summary>
public sealed class CandidatesModel(CandidateBook book, Storage.Positions.PositionBook positions) : PageModel
{
    public IReadOnlyList<CandidateView> Candidates { get; private set; } = [];

    public IReadOnlyDictionary<string, NegotiationIssue> Issues { get; private set; } = new Dictionary<string, NegotiationIssue>();

    public bool CanDecide { get; private set; }

    /// <summary>proposed (default), accepted, dismissed or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    /// <summary>The candidate a refused decision was for: its form shows the errors.</summary>
    public long? FormFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        CanDecide = AllowedRoles.DecideCandidates.Allows(reader);
        var state = State switch
        {
            "all" => (CandidateState?)null,
            _ when Kebab.TryParse<CandidateState>(State, out var s) => s,
            _ => CandidateState.Proposed,
        };
        State = state is null ? "all" : Kebab.Of(state.Value);
        Candidates = await book.ListAsync(reader, new CandidateQuery(state), ct);
        Issues = (await positions.ReadAsync(reader, ct)).Issues.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        var reader = User.ToPrincipal();
        var candidate = await book.GetAsync(reader, Form.Id, ct);
        var outcome = candidate.IsDone
            ? await book.AcceptAsync(reader, Form.Id, ExpectedVersion.Of(Form.Version), Form.Acceptance(candidate.Value.Kind), ct)
            : candidate;
        return await DecidedAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostDismissAsync(CancellationToken ct) =>
        await DecidedAsync(await book.DismissAsync(User.ToPrincipal(), Form.Id, ExpectedVersion.Of(Form.Version), new CandidateDismissal { Reason = Form.Reason }, ct), ct);

    private async Task<IActionResult> DecidedAsync(Outcome<CandidateView> outcome, CancellationToken ct)
    {
        if (outcome.IsDone)
        {
            return Redirect($"/sources/candidates?state={outcome.Value.State}#candidate-{outcome.Value.Id}");
        }

        this.Refused(outcome);
        FormFor = Form.Id;
        var status = Response.StatusCode;
        await OnGetAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>What the queue's forms post: the candidate at its version, and the fields of whatever it makes.</summary>
    public sealed class DecisionForm
    {
        public long Id { get; set; }

        public int Version { get; set; }

        public string? Note { get; set; }

        public string? Reason { get; set; }

        public string? Stance { get; set; }

        public string? Preferred { get; set; }

        public List<string>? Acceptable { get; set; }

        public List<string>? RedLine { get; set; }

        public long? PreferredValue { get; set; }

        public long? Low { get; set; }

        public long? High { get; set; }

        public long? RefusesBelow { get; set; }

        public long? RefusesAbove { get; set; }

        public string? Title { get; set; }

        public string? Category { get; set; }

        public long? Quantity { get; set; }

        public string? Unit { get; set; }

        public string? Confidence { get; set; }

        public CandidateAcceptance Acceptance(string kind) => kind switch
        {
            "position" => new CandidateAcceptance
            {
                Note = Note,
                Position = new PositionInput
                {
                    Stance = Stance,
                    Preferred = string.IsNullOrWhiteSpace(Preferred) ? null : Preferred,
                    Acceptable = Acceptable?.Cast<string?>().ToList(),
                    RedLine = RedLine?.Cast<string?>().ToList(),
                    PreferredValue = PreferredValue,
                    Range = Low is null && High is null ? null : new RangeInput { Low = Low, High = High },
                    RefusesBelow = RefusesBelow,
                    RefusesAbove = RefusesAbove,
                },
            },
            "new-pledge" => new CandidateAcceptance
            {
                Note = Note,
                Pledge = new PledgeInput
                {
                    Title = Title,
                    Category = string.IsNullOrWhiteSpace(Category) ? null : Category,
                    Quantity = Quantity,
                    Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit,
                    Confidence = string.IsNullOrWhiteSpace(Confidence) ? null : Confidence,
                },
            },
            _ => new CandidateAcceptance { Note = Note },
        };
    }
}
