namespace Truce.Web.Pages;

/// <summary>
/// Every module of Truce, in the order of the navigation, at the address it has or will have. Those not
/// built yet have a page that says so plainly, so nobody mistakes an empty screen for an empty record.
/// </summary>
public static class Modules
{
    public sealed record Entry(string Name, string Path, bool Built, string Purpose);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("Dashboard", "/", true, "Members, pledges by category and stage, and how many troops hang on a condition."),
        new("Coalition", "/coalition", true, "Members and their roles; meetings with participants."),
        new("Commitments", "/commitments", true, "Every member's pledges with conditions, sources and history."),
        new("Planning", "/planning", true, "Match pledges to the mission's requirements, show the shortfalls, compare scenarios such as 'no US backstop'."),
        new("Agreements", "/agreements", true, "Ceasefire agreements as data, each party's acceptance, machine-checkable provisions."),
        new("Geography", "/geography", true, "The line of contact by date, oblasts and raions, sectors, zones derived from provisions."),
        new("Monitoring", "/monitoring", true, "Observations from patrols, sensors and open sources, placed against the line and judged against the provisions."),
        new("Verification", "/verification", true, "Proposed duplicates as incidents; verification from reported to verified, with who, when and why."),
        new("Alerts", "/alerts", true, "Rules that watch the observations as they arrive and the incidents as they are verified; alerts raised, shown live."),
        new("Reports", "/reports", true, "The daily report in the OSCE SMM shape, weekly trends, exports, and the public page of verified violations."),
        new("Positions", "/positions", true, "Each party's position on each issue, where they overlap and where they conflict."),
        new("Sources", "/sources", true, "News and communiqués as documents; statements and candidate pledges pulled out of them."),
        new("Accounts", "/accounts", true, "Local accounts: disable, enable, reset a password, end every session (admins)."),
        new("Audit", "/audit", true, "The hash-chained trail of every write, sign-in, token use, export and release, and its verification (admins)."),
    ];
}
