namespace Truce.Core.Security;

/// <summary>
/// One key of the ring that signs and encrypts session cookies and anti-forgery tokens, as the framework's
/// key manager writes it (XML). Kept in the database so that every node reads one ring: a cookie made by
/// one node is read by all (docs/scale-out.md).
/// </summary>
public sealed class CookieKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
