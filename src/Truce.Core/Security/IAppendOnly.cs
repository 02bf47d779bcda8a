namespace Truce.Core.Security;

/// <summary>
/// A record that is written once and never changed or deleted (audit entries, a pledge's revisions). The
/// storage layer refuses any update or delete of one.
/// </summary>
public interface IAppendOnly;
