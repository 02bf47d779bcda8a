using System.Text.Json;
using Truce.Core.Common;
using Truce.Core.Security;

namespace Truce.Core.Agreements;

/// <summary>An agreement as a client writes it (API, demo data); words for enumerations, checked by <see cref="AgreementRules"/>.</summary>
public sealed class AgreementInput
{
    public string? Key { get; set; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public string? Summary { get; set; }

    public DateOnly? ProposedOn { get; set; }

    public DateTimeOffset? EffectiveFrom { get; set; }

    public int? DurationDays { get; set; }

    public string? ExtensionTerms { get; set; }

    public List<PartyInput?>? Parties { get; set; }

    public List<RoleInput?>? Roles { get; set; }

    public List<LinkInput?>? Links { get; set; }

    public List<ProvisionInput?>? Provisions { get; set; }

    public List<CitationInput?>? Sources { get; set; }

    /// <summary>Who may read it and its provisions (default COALITION; the public agreements are PUBLIC).</summary>
    public MarkingInput? Marking { get; set; }
}

public sealed class PartyInput
{
    public string? Actor { get; set; }

    public string? State { get; set; }

    public DateOnly? On { get; set; }

    public string? Conditions { get; set; }
}

public sealed class RoleInput
{
    public string? Actor { get; set; }

    public string? Role { get; set; }

    public string? Note { get; set; }
}

public sealed class LinkInput
{
    public string? Agreement { get; set; }

    public string? Kind { get; set; }
}

public sealed class ProvisionInput
{
    public string? Kind { get; set; }

    public string? Reference { get; set; }

    public List<string?>? Domains { get; set; }

    public string? AreaText { get; set; }

    public List<string?>? Targets { get; set; }

    public List<WithdrawalInput?>? Withdrawals { get; set; }

    public List<BaselineInput?>? Baselines { get; set; }

    /// <summary>A GeoJSON Polygon or MultiPolygon in WGS 84, for a disengagement area.</summary>
    public JsonElement? Area { get; set; }

    public int? CompleteWithinDays { get; set; }

    public string? Monitor { get; set; }
}

public sealed class WithdrawalInput
{
    public string? WeaponClass { get; set; }

    public string? Description { get; set; }

    public double? DistanceKm { get; set; }

    public string? Actor { get; set; }
}

public sealed class BaselineInput
{
    public string? Actor { get; set; }

    public string? Layer { get; set; }

    public DateOnly? AsOf { get; set; }
}

/// <summary>A move of an agreement's lifecycle as a client asks for it.</summary>
public sealed class StatusChangeInput
{
    public string? To { get; set; }

    public DateTimeOffset? At { get; set; }

    public string? Reason { get; set; }

    public int? Days { get; set; }

    public DateTimeOffset? EffectiveFrom { get; set; }
}
