namespace Truce.Web.Pages;

/// <summary>
/// Every capability of Truce, in the order of the navigation. Those not built yet have a page that says
/// so plainly, so nobody mistakes an empty screen for an empty record.
/// </summary>
public static class Capabilities
{
    public sealed record Capability(string Name, string Path, bool Built, string Purpose);

    public static readonly IReadOnlyList<Capability> All =
    [
        new("Dashboard", "/", true, "Members, pledges by category and stage, and how many troops hang on a condition."),
        new("Coalition", "/coalition", true, "Members and their roles; meetings with participants."),
        new("Commitments", "/commitments", true, "Every member's pledges with conditions, sources and history."),
        new("Planning", "/planning", true, "Match pledges to the mission's requirements, show the shortfalls, compare scenarios such as 'no US backstop'."),
        new("Agreements", "/capabilities/agreements", false, "Ceasefire agreements as data, each party's acceptance, machine-checkable provisions."),
        new("Geography", "/capabilities/geography", false, "The line of contact by date, oblasts and raions, sectors, zones derived from provisions."),
        new("Monitoring", "/capabilities/monitoring", false, "Observations from patrols, sensors and open sources, placed against the line and judged against the provisions."),
        new("Verification", "/capabilities/verification", false, "Proposed duplicates as incidents; verification from reported to verified, with who, when and why."),
        new("Reports", "/capabilities/reports", false, "The daily report in the OSCE SMM shape, weekly trends, exports and alerts."),
        new("Positions", "/capabilities/positions", false, "Each party's position on each issue, where they overlap and where they conflict."),
        new("Sources", "/capabilities/sources", false, "News and communiqués as documents; statements and candidate pledges pulled out of them."),
        new("Audit", "/audit", true, "The hash-chained trail of every write, sign-in, token use, export and release, and its verification (admins)."),
    ];
}
