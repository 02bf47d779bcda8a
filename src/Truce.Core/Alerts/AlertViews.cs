using Truce.Core.Common;

namespace Truce.Core.Alerts;

/// <summary>An alert as the API, the page, the live feed and the CLI show it.</summary>
public sealed record AlertView(
    long Id,
    long RuleId,
    string Rule,
    string Kind,
    string? Sector,
    string? Type,
    DateTimeOffset RaisedAt,
    DateTimeOffset? EpisodeStart,
    DateTimeOffset? EpisodeEnd,
    int? Count,
    long? IncidentId,
    IReadOnlyList<long> ObservationIds,
    string Why,
    string Marking)
{
    public static AlertView From(Alert a) => new(
        a.Id, a.RuleId, a.RuleName, Kebab.Of(a.Kind), a.SectorCode, a.Type is { } t ? Kebab.Of(t) : null, a.RaisedAt, a.EpisodeStart, a.EpisodeEnd, a.Count,
        a.IncidentId, [.. a.Observations.Select(o => o.ObservationId).Order()], a.Why, a.Marking.ToString());
}

/// <summary>A rule as the API, the page and the CLI show it; <see cref="Version"/> is its ETag.</summary>
public sealed record AlertRuleView(
    long Id,
    string Name,
    string Kind,
    bool Enabled,
    string? Type,
    string? Sector,
    int? Threshold,
    int? WindowMinutes,
    string? Agreement,
    int? Provision,
    string Marking,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static AlertRuleView From(AlertRule r) => new(
        r.Id, r.Name, Kebab.Of(r.Kind), r.IsEnabled, r.Type is { } t ? Kebab.Of(t) : null, r.SectorCode, r.Threshold, r.WindowMinutes, r.AgreementKey, r.ProvisionNumber,
        r.Marking.ToString(), r.CreatedBy, r.CreatedAt, r.UpdatedBy, r.UpdatedAt, r.Version);

    /// <summary>What the rule watches for, in words: "12 artillery events within 1 hour in sector north".</summary>
    public string Says => Kind == "threshold"
        ? $"{Threshold:N0} {Type?.Replace('-', ' ')} events within {AlertWords.Span(TimeSpan.FromMinutes(WindowMinutes ?? 0))} {(Sector is null ? "in any one sector" : $"in sector {Sector}")}"
        : $"any verified violation{(Agreement is null ? string.Empty : $" of {Agreement}")}{(Provision is null ? string.Empty : $" provision {Provision}")}";
}

/// <summary>Which alerts to list: raised since an instant, of one rule or sector, the newest first, at most <see cref="Limit"/>.</summary>
public sealed record AlertQuery(DateTimeOffset? Since = null, long? RuleId = null, string? Sector = null, int Limit = 100)
{
    public const int MaxLimit = 1_000;
}
