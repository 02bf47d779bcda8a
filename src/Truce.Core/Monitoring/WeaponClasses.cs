namespace Truce.Core.Monitoring;

/// <summary>
/// The withdrawal class an observed weapon falls in, as the provisions name them (Minsk II and its
/// addendum): artillery of 100 mm and more, artillery under 100 mm, mortars up to 120 mm, tanks, rocket
/// launchers, and heavy rocket launchers with tactical missiles.
/// </summary>
public static class WeaponClasses
{
    /// <returns>The class; or none, with the reason when only a missing calibre keeps it from being known.</returns>
    public static (string? Class, string? Reason) Of(string weapon, int? calibreMm) => weapon switch
    {
        "artillery" when calibreMm is null => (null, "Artillery without a reported calibre: whether it is 100 mm or more cannot be told."),
        "artillery" => (calibreMm >= 100 ? "artillery-100mm-plus" : "artillery-under-100mm", null),
        "mortar" when calibreMm is null => (null, "A mortar without a reported calibre: whether it is up to 120 mm cannot be told."),
        "mortar" => (calibreMm <= 120 ? "mortars-up-to-120mm" : "artillery-100mm-plus", null),
        "tank" => ("tanks", null),
        "mlrs" => ("mlrs", null),
        "heavy-mlrs" or "tactical-missile" => ("mlrs-heavy-tactical-missiles", null),
        _ => (null, null),
    };
}
