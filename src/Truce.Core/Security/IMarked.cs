namespace Truce.Core.Security;

/// <summary>A record that carries a releasability marking.</summary>
public interface IMarked
{
    Marking Marking { get; }
}
