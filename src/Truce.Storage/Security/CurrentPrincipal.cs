using Truce.Core.Security;

namespace Truce.Storage.Security;

/// <summary>
/// Who the database is reading for, in this scope (a request, a CLI command). The releasability filters
/// of <see cref="TruceDb"/> read it at every query. It starts anonymous, so a scope that forgot to say
/// who it serves sees PUBLIC records only.
/// </summary>
public sealed class CurrentPrincipal
{
    public Principal Principal { get; set; } = Principal.Anonymous;

    /// <summary>Acts as <paramref name="principal"/> until the returned scope is disposed.</summary>
    public IDisposable Use(Principal principal)
    {
        var previous = Principal;
        Principal = principal;
        return new Restore(this, previous);
    }

    private sealed class Restore(CurrentPrincipal current, Principal previous) : IDisposable
    {
        public void Dispose() => current.Principal = previous;
    }
}
