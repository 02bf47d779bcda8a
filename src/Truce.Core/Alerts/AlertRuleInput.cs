using Truce.Core.Security;

namespace Truce.Core.Alerts;

/// <summary>A rule as a client writes it (the API's body, the page's form).</summary>
public sealed class AlertRuleInput
{
    public string? Name { get; set; }

    /// <summary><c>threshold</c> or <c>verified-violation</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Threshold: an event type (<c>artillery</c>, <c>drone-strike</c> …).</summary>
    public string? Type { get; set; }

    /// <summary>Threshold: a sector code; empty for every sector.</summary>
    public string? Sector { get; set; }

    public int? Threshold { get; set; }

    public int? WindowMinutes { get; set; }

    /// <summary>Verified violation: an agreement's key; empty for any.</summary>
    public string? Agreement { get; set; }

    public int? Provision { get; set; }

    /// <summary>True unless said otherwise.</summary>
    public bool? Enabled { get; set; }

    public MarkingInput? Marking { get; set; }
}
