using System.Text.Json;
using Truce.Core.Agreements;
using Truce.Core.Coalition;
using Truce.Core.Common;
using Truce.Geography;

namespace Truce.Storage.Agreements;

/// <summary>An agreement in a list: where it stands, when it held, with whom.</summary>
public sealed record AgreementSummary(
    string Key,
    string Title,
    string Kind,
    string Status,
    DateOnly ProposedOn,
    DateTimeOffset? EffectiveFrom,
    DateTimeOffset? ExpiresAt,
    int ProvisionCount,
    IReadOnlyList<PartyView> Parties,
    string Marking,
    int Version);

/// <summary>An agreement with everything a monitor needs: parties and their conditions, roles, provisions in words, the history of its status.</summary>
public sealed record AgreementView(
    string Key,
    string Title,
    string Kind,
    string Status,
    string? Summary,
    DateOnly ProposedOn,
    DateTimeOffset? EffectiveFrom,
    int? DurationDays,
    int ExtensionDays,
    DateTimeOffset? ExpiresAt,
    string? ExtensionTerms,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<LinkView> Links,
    IReadOnlyList<ProvisionView> Provisions,
    IReadOnlyList<StatusChangeView> History,
    IReadOnlyList<string> NextStatuses,
    IReadOnlyList<CitationSummary> Sources,
    string Marking,
    int Version);

public sealed record PartyView(string Actor, string Name, string State, DateOnly? On, string? Conditions);

public sealed record RoleView(string Actor, string Name, string Role, string? Note);

/// <summary>A link to another agreement; its title only when the reader may see it.</summary>
public sealed record LinkView(string Agreement, string Kind, string? Title);

public sealed record StatusChangeView(string From, string To, DateTimeOffset At, int? ExtendedByDays, string Reason, string By);

public sealed record ProvisionView(
    int Number,
    string Kind,
    string? Reference,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Domains,
    string? AreaText,
    IReadOnlyList<string> Targets,
    IReadOnlyList<WithdrawalView> Withdrawals,
    IReadOnlyList<BaselineView> Baselines,
    JsonElement? Area,
    int? CompleteWithinDays,
    string? Monitor,
    string Marking);

public sealed record WithdrawalView(string WeaponClass, string Description, double DistanceKm, string? Actor);

public sealed record BaselineView(string Actor, string Layer, DateOnly AsOf);

internal static class AgreementViewing
{
    public static AgreementSummary Summary(Agreement a, Func<string, string> nameOf) => new(
        a.Key, a.Title, Kebab.Of(a.Kind), Kebab.Of(a.Status), a.ProposedOn, a.EffectiveFrom, a.ExpiresAt, a.Provisions.Count,
        a.Parties.Select(p => Party(p, nameOf)).ToList(), a.Marking.ToString(), a.Version);

    public static AgreementView View(Agreement a, Func<string, string> nameOf, Func<string, string?> titleOf) => new(
        a.Key,
        a.Title,
        Kebab.Of(a.Kind),
        Kebab.Of(a.Status),
        a.Summary,
        a.ProposedOn,
        a.EffectiveFrom,
        a.DurationDays,
        a.ExtensionDays,
        a.ExpiresAt,
        a.ExtensionTerms,
        a.Parties.Select(p => Party(p, nameOf)).ToList(),
        a.Roles.Select(r => new RoleView(r.ActorCode, nameOf(r.ActorCode), Kebab.Of(r.Role), r.Note)).ToList(),
        a.Links.Select(l => new LinkView(l.OtherKey, Kebab.Of(l.Kind), titleOf(l.OtherKey))).ToList(),
        a.Provisions.OrderBy(p => p.Number).Select(p => Provision(p, nameOf)).ToList(),
        a.History.Select(h => new StatusChangeView(Kebab.Of(h.From), Kebab.Of(h.To), h.At, h.ExtendedByDays, h.Reason, h.By)).ToList(),
        Lifecycle.Next(a.Status).Select(Kebab.Of).ToList(),
        a.Sources.Select(CitationSummary.From).ToList(),
        a.Marking.ToString(),
        a.Version);

    public static ProvisionView Provision(Provision p, Func<string, string> nameOf) => new(
        p.Number,
        Kebab.Of(p.Kind),
        p.Reference,
        ProvisionWords.Of(p, nameOf),
        p.Domains.Select(Kebab.Of).ToList(),
        p.AreaText,
        p.TargetClasses.ToList(),
        p.Withdrawals.Select(w => new WithdrawalView(w.WeaponClass, w.Description, w.DistanceKm, w.ActorCode)).ToList(),
        p.Baselines.Select(b => new BaselineView(b.ActorCode, b.LayerKey, b.AsOf)).ToList(),
        p.Area is null ? null : JsonSerializer.SerializeToElement(p.Area, GeoJsonLayer.Options),
        p.CompleteWithinDays,
        p.MonitorCode,
        p.Marking.ToString());

    private static PartyView Party(PartyAcceptance p, Func<string, string> nameOf) => new(p.ActorCode, nameOf(p.ActorCode), Kebab.Of(p.State), p.On, p.Conditions);
}
