using System.Globalization;
using Truce.Core.Commitments;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Web.Pages.Commitments;

/// <summary>
/// The pledge form as posted by a browser. Lists that an API client sends as arrays arrive here as lines of
/// a text box; <see cref="ToInput"/> turns them into the same <see cref="PledgeInput"/> the API validates.
/// </summary>
public sealed class PledgeForm
{
    public string? Member { get; set; }

    public string? Title { get; set; }

    public string? Category { get; set; }

    public string? Capability { get; set; }

    public long? Quantity { get; set; }

    public string? Unit { get; set; }

    public bool QuantityIsUpTo { get; set; }

    public decimal? ValueAmount { get; set; }

    public string? Currency { get; set; }

    public decimal? ValueEur { get; set; }

    public DateOnly? FxDate { get; set; }

    public string? Stage { get; set; }

    public int? ReadinessDays { get; set; }

    public DateOnly? AnnouncedOn { get; set; }

    public List<string> Conditions { get; set; } = [];

    public Dictionary<string, string?> ConditionNotes { get; set; } = [];

    /// <summary>One caveat per line.</summary>
    public string? Caveats { get; set; }

    /// <summary>One source per line: <c>url | publisher | yyyy-mm-dd | quote</c>; all but the url optional.</summary>
    public string? Sources { get; set; }

    public string? Confidence { get; set; }

    public List<string> Illustrative { get; set; } = [];

    public string? Reason { get; set; }

    public int Version { get; set; }

    public string? MarkingLevel { get; set; } = "coalition";

    public string? MarkingRelTo { get; set; }

    public string? MarkingLabel { get; set; }

    public static PledgeForm From(PledgeView p) => new()
    {
        Member = p.Member,
        Title = p.Title,
        Category = p.Category,
        Capability = p.Capability,
        Quantity = p.Quantity,
        Unit = p.Unit,
        QuantityIsUpTo = p.QuantityIsUpTo,
        ValueAmount = p.Value?.Amount,
        Currency = p.Value?.Currency,
        ValueEur = p.Value?.Currency == "EUR" ? null : p.Value?.Eur,
        FxDate = p.Value?.FxDate,
        Stage = p.Stage,
        ReadinessDays = p.ReadinessDays,
        AnnouncedOn = p.AnnouncedOn,
        Conditions = p.Conditions.Select(c => c.Kind).ToList(),
        ConditionNotes = p.Conditions.ToDictionary(c => c.Kind, c => c.Note),
        Caveats = string.Join('\n', p.Caveats),
        Sources = string.Join('\n', p.Sources.Select(s => string.Join(" | ", s.Url, s.Publisher ?? string.Empty, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, s.Quote ?? string.Empty).TrimEnd(' ', '|'))),
        Confidence = p.Confidence,
        Illustrative = p.Illustrative.ToList(),
        Version = p.Version,
        MarkingLevel = p.Marking.Level,
        MarkingRelTo = string.Join(", ", p.Marking.RelTo),
        MarkingLabel = p.Marking.Label,
    };

    public PledgeInput ToInput(ValidationErrors errors)
    {
        var sources = new List<CitationInput>();
        var lines = Lines(Sources);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            DateOnly? date = null;
            if (parts.Length > 2 && parts[2].Length > 0)
            {
                if (DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    date = d;
                }
                else
                {
                    errors.Add($"sources[{i}].date", $"Line {i + 1}: expected a date as yyyy-mm-dd; got '{parts[2]}'.");
                }
            }

            sources.Add(new CitationInput
            {
                Url = parts[0],
                Publisher = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null,
                Date = date,
                Quote = parts.Length > 3 ? string.Join(" | ", parts[3..]) : null,
            });
        }

        return new PledgeInput
        {
            Member = Member,
            Title = Title,
            Category = Category,
            Capability = Capability,
            Quantity = Quantity,
            Unit = Unit,
            QuantityIsUpTo = QuantityIsUpTo,
            Value = ValueAmount is null && string.IsNullOrWhiteSpace(Currency) && ValueEur is null
                ? null
                : new MoneyInput { Amount = ValueAmount, Currency = Currency, Eur = ValueEur, FxDate = FxDate },
            Stage = Stage,
            ReadinessDays = ReadinessDays,
            AnnouncedOn = AnnouncedOn,
            Conditions = Conditions.Select(kind => new ConditionInput { Kind = kind, Note = ConditionNotes.GetValueOrDefault(kind) }).ToList(),
            Caveats = Lines(Caveats),
            Sources = sources,
            Confidence = Confidence,
            Illustrative = Illustrative,
            Reason = Reason,

            // Only a new pledge takes its marking from the form; an edit keeps it (a release changes it).
            Marking = Version == 0
                ? new MarkingInput { Level = MarkingLevel, RelTo = MarkingLevel == "rel-to" ? Lines((MarkingRelTo ?? string.Empty).Replace(',', '\n')) : [] }
                : null,
        };
    }

    private static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
