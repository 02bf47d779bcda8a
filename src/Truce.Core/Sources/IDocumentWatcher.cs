using Truce.Core.Security;

namespace Truce.Core.Sources;

/// <summary>
/// Hears of every document taken in, inside the act that takes it in: a seam so that a module built on Sources
/// (Candidates: what its statements may be evidence of) follows it without Sources knowing that module — modules
/// depend one way. The document has its id; what a watcher adds is saved in the same transaction, so a document is
/// never kept without what was found in it.
/// </summary>
public interface IDocumentWatcher
{
    Task TakenInAsync(Principal writer, SourceDocument document, CancellationToken ct);
}
