using System.Security.Cryptography;
using System.Text;

namespace Truce.Core.Security;

/// <summary>What an API token may be used for. A token never exceeds its user's role; scopes only narrow it.</summary>
public static class TokenScopes
{
    public const string Read = "read";
    public const string WritePledges = "pledges:write";
    public const string WritePlanning = "planning:write";
    public const string WriteAgreements = "agreements:write";
    public const string Ingest = "ingest";
    public const string WriteIncidents = "incidents:write";
    public const string WriteAlerts = "alerts:write";
    public const string WriteSources = "sources:write";

    /// <summary>What a cookie (a person at a browser) carries: everything the role allows.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known = [Read, WritePledges, WritePlanning, WriteAgreements, Ingest, WriteIncidents, WriteAlerts, WriteSources];
}
