using System.Text.Json;
using System.Text.Json.Nodes;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Commitments;

/// <summary>
/// A pledge as the API, the CLI and the history show it. One shape for all three, so that
/// <c>truce pledges list --json</c> and <c>GET /api/v1/pledges</c> print the same thing.
/// </summary>
public sealed record PledgeView(
    int Id,
    string? Key,
    string Member,
    string? MemberName,
    string Title,
    string Category,
    string? Capability,
    string? CapabilityCode,
    long? UnitSize,
    long? Quantity,
    string? Unit,
    bool QuantityIsUpTo,
    MoneyView? Value,
    string Stage,
    int? ReadinessDays,
    DateOnly? AnnouncedOn,
    IReadOnlyList<ConditionView> Conditions,
    IReadOnlyList<string> Caveats,
    IReadOnlyList<CitationView> Sources,
    string Confidence,
    IReadOnlyList<string> Illustrative,
    MarkingView Marking,
    int Version,
    DateTime UpdatedAt,
    string UpdatedBy)
{
    public static PledgeView From(Pledge p, string? memberName) => new(
        p.Id,
        p.Key,
        p.MemberCode,
        memberName,
        p.Title,
        Kebab.Of(p.Category),
        p.Capability,
        p.CapabilityCode,
        p.UnitSize,
        p.Quantity,
        p.Unit,
        p.QuantityIsUpTo,
        p.ValueMinor is { } minor && p.Currency is { } currency
            ? new MoneyView(Money.FromMinor(minor, currency), currency, p.ValueEurMinor is { } eur ? Money.FromMinor(eur, "EUR") : null, p.FxDate)
            : null,
        Kebab.Of(p.Stage),
        p.ReadinessDays,
        p.AnnouncedOn,
        p.Conditions.Select(c => new ConditionView(Kebab.Of(c.Kind), c.Note)).ToList(),
        p.Caveats.ToList(),
        p.Sources.Select(CitationView.From).ToList(),
        Kebab.Of(p.Confidence),
        p.Illustrative.ToList(),
        MarkingView.From(p.Marking),
        p.Version,
        DateTime.SpecifyKind(p.UpdatedAtUtc, DateTimeKind.Utc),
        p.UpdatedBy);

    /// <summary>The input that would produce this pledge: the starting point of an edit.</summary>
    public PledgeInput ToInput() => new()
    {
        Member = Member,
        Title = Title,
        Category = Category,
        Capability = Capability,
        CapabilityCode = CapabilityCode,
        UnitSize = UnitSize,
        Quantity = Quantity,
        Unit = Unit,
        QuantityIsUpTo = QuantityIsUpTo,
        Value = Value is null ? null : new MoneyInput { Amount = Value.Amount, Currency = Value.Currency, Eur = Value.Eur, FxDate = Value.FxDate },
        Stage = Stage,
        ReadinessDays = ReadinessDays,
        AnnouncedOn = AnnouncedOn,
        Conditions = Conditions.Select(c => new ConditionInput { Kind = c.Kind, Note = c.Note }).ToList(),
        Caveats = Caveats.ToList(),
        Sources = Sources.Select(s => new CitationInput { Url = s.Url, Publisher = s.Publisher, Date = s.Date, Quote = s.Quote, DocumentId = s.DocumentId, Start = s.Start, End = s.End }).ToList(),
        Confidence = Confidence,
        Illustrative = Illustrative.ToList(),
        Marking = new MarkingInput { Level = Marking.Level, RelTo = Marking.RelTo.ToList() },
    };

    public bool IsIllustrative(string field) => Illustrative.Contains(field);
}

/// <summary>A marking as the API shows it, with the label people read (NATIONAL GBR, REL TO GBR, FRA).</summary>
public sealed record MarkingView(string Level, IReadOnlyList<string> RelTo, string? Owner, string Label)
{
    public static MarkingView From(Marking m) => new(Kebab.Of(m.Level), m.RelTo.ToList(), m.Owner, m.ToString());
}

public sealed record MoneyView(decimal Amount, string Currency, decimal? Eur, DateOnly? FxDate);

public sealed record ConditionView(string Kind, string? Note);

/// <param name="DocumentId">The document kept in Truce the source is a statement of, if any (its span: Start–End).</param>
public sealed record CitationView(string Url, string? Publisher, DateOnly? Date, string? Quote, long? DocumentId = null, int? Start = null, int? End = null)
{
    public static CitationView From(Citation c) => new(c.Url, c.Publisher, c.Date, c.Quote, c.DocumentId, c.Start, c.End);
}

/// <summary>One entry of a pledge's history as shown to people.</summary>
public sealed record PledgeRevisionView(int Version, DateTime ChangedAt, string ChangedBy, string Reason, IReadOnlyList<FieldChange> Changes);
